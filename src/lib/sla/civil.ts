/**
 * Calendar arithmetic on civil dates, without time zones: a date is a day number
 * (days since 1970-01-01), computed with Howard Hinnant's algorithms (pure integer arithmetic).
 * The one place where a calendar date "YYYY-MM-DD" is checked and converted: the engine, the date formatters
 * (src/i18n/format.ts), the inbox filters and the CLI (src/lib/submissions/queries.ts, src/cli/) and the estimate
 * links (src/lib/estimate/url.ts) all call it. Québec wall-clock time is in quebec-time.ts.
 */
import { SlaInputError } from "./errors.ts";

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** The years the engine accepts: wide enough for any real request, narrow enough to catch typos. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/**
 * Day number of a civil date (1970-01-01 is 0).
 * @example daysFromCivil(2026, 12, 1) // 20788
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Civil date of a day number.
 * @example civilFromDays(20788) // { year: 2026, month: 12, day: 1 }
 */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day };
}

/**
 * Day of the week of a day number, Sunday = 0 … Saturday = 6.
 * @example weekdayOf(daysFromCivil(2026, 12, 1)) // 2 (Tuesday)
 */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. @example isWeekend(daysFromCivil(2026, 3, 7)) // true */
export function isWeekend(days: number): boolean {
  const w = weekdayOf(days);
  return w === 0 || w === 6;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * "YYYY-MM-DD" of a day number.
 * @example isoOfDays(20788) // "2026-12-01"
 */
export function isoOfDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Parses "YYYY-MM-DD" strictly into a day number (no rollover: 2026-02-30 is refused).
 * @throws SlaInputError "invalid-date" or "out-of-range"
 * @example parseIsoDay("2026-12-01") // 20788
 */
export function parseIsoDay(iso: string): number {
  const match = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) throw new SlaInputError("invalid-date", `Expected a date YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new SlaInputError("invalid-date", `Not a calendar date: "${iso}"`);
  }
  checkYear(year);
  return daysFromCivil(year, month, day);
}

/**
 * Whether a text is a real calendar date "YYYY-MM-DD" within the engine's years (what parseIsoDay accepts).
 * @example isCalendarDate("2028-02-29") // true
 * @example isCalendarDate("2026-02-30") // false
 */
export function isCalendarDate(text: unknown): text is string {
  try {
    parseIsoDay(text as string);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date `days` days after (or before, when negative) a date "YYYY-MM-DD".
 * @throws SlaInputError "invalid-date" or "out-of-range" for the date given
 * @example addDays("2026-12-31", 1) // "2027-01-01"
 * @example addDays("2028-03-01", -1) // "2028-02-29"
 */
export function addDays(iso: string, days: number): string {
  return isoOfDays(parseIsoDay(iso) + days);
}

/** @example daysInMonth(2028, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** @throws SlaInputError "out-of-range" outside MIN_YEAR–MAX_YEAR */
export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new SlaInputError("out-of-range", `The year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`);
  }
}

/**
 * Parses a wall-clock time "HH:MM" (00:00 to 23:59) into minutes after midnight.
 * @throws SlaInputError "invalid-time"
 * @example parseClock("08:30") // 510
 */
export function parseClock(hhmm: string): number {
  const match = typeof hhmm === "string" ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm) : null;
  if (!match) throw new SlaInputError("invalid-time", `Expected a time HH:MM from 00:00 to 23:59, got ${JSON.stringify(hhmm)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * "HH:MM" of minutes after midnight.
 * @example clockOfMinutes(510) // "08:30"
 */
export function clockOfMinutes(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
