/**
 * A form posted without JavaScript carries no Idempotency-Key, so a reload of the answer page (the browser
 * posts again) or a second click on « Envoyer » would store a second record. Such a post gets a seed made from
 * its form and answers and the 10-minute period it arrives in: identical answers to the same form within that
 * period land on the same reference (the store answers "replayed"), so one record is kept and the reader sees
 * the same reference again. Different answers, or the same ones in a later period, are a new submission.
 * Nothing personal is kept by this: the seed is a hash, used only to derive the reference.
 */
import { sha256 } from "./reference.ts";
import type { FormType } from "../forms/fields.ts";

/** How long identical answers to a form count as the same submission. */
export const DEDUPE_WINDOW_MS = 10 * 60 * 1000;

/**
 * The seed of a submission sent without an Idempotency-Key.
 * @example dedupeSeed("inquiry", { email: "a@b.ca" }, new Date("2026-11-30T15:04:00Z")) === dedupeSeed("inquiry", { email: "a@b.ca" }, new Date("2026-11-30T15:09:59Z")) // true
 */
export function dedupeSeed(type: FormType, answers: Record<string, unknown>, now: Date): string {
  const ordered = Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)));
  const period = Math.floor(now.getTime() / DEDUPE_WINDOW_MS);
  return `form-post:${sha256(JSON.stringify([type, ordered, period]))}`;
}
