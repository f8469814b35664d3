/** How the inbox shows instants and ages, in Québec time; pure, for the island and its tests. */
import type { Lang } from "../../i18n/locales.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { quebecWallClock } from "../../lib/sla/quebec-time.ts";
import type { Translate } from "./strings.ts";

/**
 * A short date and time in Québec time.
 * @example shortDateTime("2026-12-01T14:30:00Z", "fr") // "1er décembre 2026, 9 h 30"
 */
export function shortDateTime(iso: string, lang: Lang): string {
  const { date, time } = quebecWallClock(new Date(iso));
  return `${formatDate(date, lang)}, ${formatTime(time, lang)}`;
}

/** The age of a submission: minutes under an hour, hours under two days, then days. */
export function age(createdAt: string, now: Date, t: Translate): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 60_000));
  if (minutes < 60) return t.plural("inbox.age.minutes", minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t.plural("inbox.age.hours", hours);
  return t.plural("inbox.age.days", Math.floor(hours / 24));
}

/** The Québec calendar day of an epoch-seconds instant, in words. */
export function dayOfEpoch(seconds: number, lang: Lang): string {
  return formatDate(quebecWallClock(new Date(seconds * 1000)).date, lang);
}
