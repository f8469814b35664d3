import { quebecInstant, quebecWallClock } from "../../../src/lib/sla/index.ts";

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
