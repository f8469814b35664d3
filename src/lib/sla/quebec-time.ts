/**
 * Québec date-and-time strings ↔ instants: what the calculator's date and time inputs hold.
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
 * The Québec calendar date and wall-clock time (to the minute) of an instant.
 * @throws SlaInputError "invalid-instant"
 * @example quebecWallClock(new Date("2026-12-01T14:00:00Z")) // { date: "2026-12-01", time: "09:00" }
 */
export function quebecWallClock(instant: Date): { date: string; time: string } {
  const { day, msOfDay } = wallOf(checkInstant(instant, "instant"));
  return { date: isoOfDays(day), time: clockOfMinutes(Math.floor(msOfDay / MS_PER_MINUTE)) };
}
