/**
 * Québec date-and-time strings ↔ instants: what the calculator's date and time inputs hold, the dates and times
 * the site prints (src/i18n/format.ts), the inbox's and the CLI's day filters. The one place where Québec
 * wall-clock time is computed (through timezone.ts, with Intl only).
 */
import { clockOfMinutes, isoOfDays, MS_PER_MINUTE, parseClock, parseIsoDay } from "./civil.ts";
import { checkInstant, instantOfWall, wallOf } from "./timezone.ts";

/**
 * The instant of a Québec date and wall-clock time.
 * @throws SlaInputError "invalid-date", "invalid-time" or "out-of-range"
 * @example quebecInstant("2026-12-01", "09:00") // Date 2026-12-01T14:00:00.000Z
 * @example quebecInstant("2026-07-01", "09:00") // Date 2026-07-01T13:00:00.000Z (EDT)
 */
export function quebecInstant(date: string, time = "00:00"): Date {
  return new Date(instantOfWall(parseIsoDay(date), parseClock(time)));
}

/**
 * The instant a Québec calendar day starts (00:00 America/Toronto, EST or EDT).
 * @throws SlaInputError "invalid-date" or "out-of-range"
 * @example quebecDayStart("2026-07-01") // Date 2026-07-01T04:00:00.000Z
 */
export function quebecDayStart(date: string): Date {
  return quebecInstant(date, "00:00");
}

/**
 * The Québec calendar date and wall-clock time (to the minute) of an instant.
 * @throws SlaInputError "invalid-instant" or "out-of-range"
 * @example quebecWallClock(new Date("2026-12-01T14:00:00Z")) // { date: "2026-12-01", time: "09:00" }
 */
export function quebecWallClock(instant: Date): { date: string; time: string } {
  const { day, msOfDay } = wallOf(checkInstant(instant, "instant"));
  return { date: isoOfDays(day), time: clockOfMinutes(Math.floor(msOfDay / MS_PER_MINUTE)) };
}
