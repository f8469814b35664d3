/**
 * The estimate in a URL: compact, readable, and made only of characters that URLSearchParams leaves as they
 * are (letters, digits, `-`, `.`, `_`), so a shared link stays short and legible.
 *
 *   eatc_2017-08-24_10_s.standard.10_r.recording.4.90_h.training.3
 *
 *   - a checksum of everything after it: 4 base-36 characters (see `checksum`);
 *   - the price-list version (its date), then the start month (1–12);
 *   - then one part per line: `s.<item>.<units>`, `r.<item>.<sessions>.<minutes>` or `h.<item>.<hours>`.
 *
 * Decoding checks everything and answers with a typed error rather than a guess: a link that cannot be read
 * exactly gives no estimate at all, never a wrong one. The checksum comes first so that a link cut anywhere
 * (`…_10` → `…_1`, `standard.10` → `standard.1`) keeps it and no longer matches: it is refused as `damaged`
 * instead of opening another, valid estimate. Links made before the checksum (they start with the date) are
 * still read as they are.
 */
import { isCalendarDate } from "../sla/civil.ts";
import { findItem } from "./pricing.ts";
import { MAX_QUANTITY } from "./quantity.ts";
import type { EstimateState, LineInput, PriceList } from "./types.ts";

/** The query parameter that carries an estimate, on the estimator's pages and on the inquiry form. */
export const ESTIMATE_PARAM = "estimate";

/** More lines than any price list has items: a longer link is not one the estimator made. */
export const MAX_LINES = 50;

export type DecodeErrorCode =
  | "empty" | "malformed" | "badVersion" | "badMonth" | "badKind" | "badItem" | "badNumber"
  | "duplicateItem" | "tooManyLines" | "unknownItem" | "kindMismatch" | "damaged";

export interface DecodeError {
  code: DecodeErrorCode;
  /** For developers and logs (English); readers see the interface string of the code. */
  message: string;
  /** The item concerned, when there is one. */
  item?: string;
}

export type DecodeResult = { ok: true; state: EstimateState } | { ok: false; error: DecodeError };

const KIND_LETTER = { subscription: "s", recording: "r", hourly: "h" } as const;
const ITEM = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const WHOLE = /^(0|[1-9]\d{0,4})$/;
const CHECKSUM = /^[0-9a-z]{4}$/;

/**
 * A short checksum of a text: FNV-1a (32 bits) reduced to 4 base-36 characters. It catches a cut or an
 * edited character in a shared link (one chance in 1.7 million of missing one); it is not a signature.
 * @example checksum("2017-08-24_4_s.standard.10") // 4 characters of [0-9a-z]
 */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 4).toString(36).padStart(4, "0");
}

/**
 * The text form of an estimate, for the `estimate` query parameter.
 * @example
 * encodeEstimate({ version: "2017-08-24", startMonth: 4, lines: [
 *   { kind: "subscription", item: "standard", quantity: 10 },
 *   { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
 * ] })
 * // "<checksum>_2017-08-24_4_s.standard.10_r.recording.4.90"
 */
export function encodeEstimate(state: EstimateState): string {
  const lines = state.lines.map((line) => {
    const letter = KIND_LETTER[line.kind];
    if (line.kind === "subscription") return `${letter}.${line.item}.${line.quantity}`;
    if (line.kind === "recording") return `${letter}.${line.item}.${line.sessions}.${line.minutes}`;
    return `${letter}.${line.item}.${line.hours}`;
  });
  const body = [state.version, String(state.startMonth), ...lines].join("_");
  return `${checksum(body)}_${body}`;
}

function fail(code: DecodeErrorCode, message: string, item?: string): DecodeResult {
  return { ok: false, error: item === undefined ? { code, message } : { code, message, item } };
}

/**
 * Reads an `estimate` parameter. Without a price list only the form is checked; with one, every item must
 * also be in it and of the kind the link says (pass the current list whenever you have it). The state keeps
 * the version the link was made with, so the caller can say when it differs from the current list.
 * @example decodeEstimate(encodeEstimate(state)) // { ok: true, state }
 * @example decodeEstimate("2017-08-24_4_s.standard.10") // a link made before the checksum
 * // { ok: true, state: { version: "2017-08-24", startMonth: 4, lines: [{ kind: "subscription", item: "standard", quantity: 10 }] } }
 * @example decodeEstimate(encodeEstimate(state).slice(0, -1))
 * // { ok: false, error: { code: "damaged", … } }
 * @example decodeEstimate("2017-08-24_4_s.standard.1.5")
 * // { ok: false, error: { code: "malformed", … } }
 * @example decodeEstimate("2017-08-24_4_s.standard.20000")
 * // { ok: false, error: { code: "badNumber", … } }
 */
export function decodeEstimate(text: string, priceList?: PriceList): DecodeResult {
  const trimmed = text.trim();
  if (trimmed === "") return fail("empty", "The estimate is empty");
  const first = trimmed.split("_", 1)[0] ?? "";
  if (CHECKSUM.test(first)) {
    const body = trimmed.slice(first.length + 1);
    if (checksum(body) !== first) return fail("damaged", "The estimate does not match its checksum (cut or edited)");
    return decodeBody(body, priceList);
  }
  return decodeBody(trimmed, priceList);
}

function decodeBody(trimmed: string, priceList?: PriceList): DecodeResult {
  const [version = "", month = "", ...parts] = trimmed.split("_");
  if (!isCalendarDate(version)) return fail("badVersion", `"${version}" is not a price-list version (a date YYYY-MM-DD)`);
  if (!/^([1-9]|1[0-2])$/.test(month)) return fail("badMonth", `"${month}" is not a start month (1 to 12)`);
  if (parts.length > MAX_LINES) return fail("tooManyLines", `More than ${MAX_LINES} lines`);
  const lines: LineInput[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const [letter, item = "", ...numbers] = part.split(".");
    const kind = letter === "s" ? "subscription" : letter === "r" ? "recording" : letter === "h" ? "hourly" : undefined;
    if (!kind) return fail("badKind", `"${part}" does not start with s., r. or h.`);
    if (!ITEM.test(item)) return fail("badItem", `"${item}" is not an item id`);
    const expected = kind === "recording" ? 2 : 1;
    if (numbers.length !== expected) return fail("malformed", `"${part}" should have ${expected} number(s)`, item);
    for (const n of numbers) {
      if (!WHOLE.test(n) || Number(n) > MAX_QUANTITY) {
        return fail("badNumber", `"${n}" in "${part}" is not a whole number from 0 to ${MAX_QUANTITY}`, item);
      }
    }
    if (seen.has(item)) return fail("duplicateItem", `"${item}" appears more than once`, item);
    seen.add(item);
    const [a = 0, b = 0] = numbers.map(Number);
    if (priceList) {
      const found = findItem(priceList, item);
      if (!found) return fail("unknownItem", `"${item}" is not in the price list of ${priceList.version}`, item);
      if (found.kind !== kind) return fail("kindMismatch", `"${item}" is a ${found.kind} item, not a ${kind} item`, item);
    }
    lines.push(
      kind === "subscription" ? { kind, item, quantity: a }
        : kind === "recording" ? { kind, item, sessions: a, minutes: b }
          : { kind, item, hours: a },
    );
  }
  return { ok: true, state: { version, startMonth: Number(month), lines } };
}
