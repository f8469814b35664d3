import fc from "fast-check";
import { quebecInstant, quebecWallClock, type Pause } from "../../../src/lib/sla/index.ts";

/** A Québec wall-clock instant: q("2026-12-01 09:00"). */
export function q(dateTime: string): Date {
  const [date, time] = dateTime.split(" ");
  return quebecInstant(date as string, time ?? "00:00");
}

/** An instant as Québec wall clock "YYYY-MM-DD HH:MM". */
export function wall(instant: Date): string {
  const { date, time } = quebecWallClock(instant);
  return `${date} ${time}`;
}

export const HELP_DESK_P3 = { start: "08:30", end: "16:30" } as const;
export const MOBILITY = { start: "08:00", end: "17:00" } as const;
export const CALLS = { start: "07:30", end: "17:00" } as const;
export const TELEPHONY = { start: "07:00", end: "18:00" } as const;

/** Business-hour windows for property tests: the catalogue's, around the clock, and a short one at noon. */
export const WINDOWS = [
  { start: "08:30", end: "16:30" },
  { start: "07:30", end: "17:00" },
  { start: "08:00", end: "17:00" },
  { start: "07:00", end: "18:00" },
  { start: "00:00", end: "23:59" },
  { start: "12:15", end: "12:45" },
] as const;

/** Any instant from 2020 to 2035 (both DST changes of every year, many holidays). */
export const instantArb = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true });

/** Pauses given as [offset from receipt, length] in ms. */
export const pausesAt = (received: Date, specs: Array<[number, number]>): Pause[] =>
  specs.map(([offset, length]) => ({ from: new Date(received.getTime() + offset), to: new Date(received.getTime() + offset + length) }));
