/**
 * Québec wall-clock time ↔ instants, with Intl only (no time-zone library).
 * The offset of America/Toronto is read from Intl once per year: the year is sampled daily and each
 * change of offset is located to the millisecond by bisection, so later look-ups are a few comparisons.
 */
import { checkYear, civilFromDays, MS_PER_DAY, MS_PER_MINUTE } from "./civil.ts";
import { SlaInputError } from "./errors.ts";

/** Québec time (America/Montreal is only an alias). */
export const QUEBEC_TIME_ZONE = "America/Toronto";

let formatter: Intl.DateTimeFormat | undefined;

/** Offset of Québec time from UTC at an instant, in ms (EST −18 000 000, EDT −14 400 000), straight from Intl. */
function intlOffset(ms: number): number {
  formatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: QUEBEC_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** One UTC year: the offset at its start, then each change as [instant, new offset]. */
interface YearOffsets {
  start: number;
  transitions: Array<[number, number]>;
}
const years = new Map<number, YearOffsets>();

function yearOffsets(year: number): YearOffsets {
  let table = years.get(year);
  if (table) return table;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const start = intlOffset(from);
  const transitions: Array<[number, number]> = [];
  let previous = start;
  let previousAt = from;
  for (let at = from + MS_PER_DAY; at <= to; at += MS_PER_DAY) {
    const offset = intlOffset(at);
    if (offset !== previous) {
      // The change happened in (previousAt, at]: bisect to the first instant with the new offset.
      let lo = previousAt;
      let hi = at;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(mid) === previous) lo = mid;
        else hi = mid;
      }
      if (hi < to) transitions.push([hi, offset]);
      previous = offset;
    }
    previousAt = at;
  }
  table = { start, transitions };
  years.set(year, table);
  return table;
}

function utcYear(ms: number): number {
  return civilFromDays(Math.floor(ms / MS_PER_DAY)).year;
}

/**
 * Offset of Québec time from UTC at an instant (ms since the epoch), in ms.
 * @example quebecOffset(Date.parse("2026-07-01T12:00:00Z")) // -14400000 (EDT)
 * @example quebecOffset(Date.parse("2026-12-01T12:00:00Z")) // -18000000 (EST)
 */
export function quebecOffset(ms: number): number {
  const table = yearOffsets(utcYear(ms));
  let offset = table.start;
  for (const [at, next] of table.transitions) {
    if (ms >= at) offset = next;
    else break;
  }
  return offset;
}

/**
 * The changes of offset (daylight saving time) in Québec during a UTC year.
 * @example clockChanges(2026) // [{ at: 2026-03-08T07:00:00Z, offsetBefore: -18000000, offsetAfter: -14400000 }, { at: 2026-11-01T06:00:00Z, … }]
 */
export function clockChanges(year: number): Array<{ at: Date; offsetBefore: number; offsetAfter: number }> {
  const table = yearOffsets(year);
  let before = table.start;
  return table.transitions.map(([at, after]) => {
    const change = { at: new Date(at), offsetBefore: before, offsetAfter: after };
    before = after;
    return change;
  });
}

/** Québec wall clock of an instant: the day number and the ms since that day's midnight. */
export function wallOf(ms: number): { day: number; msOfDay: number } {
  const wall = ms + quebecOffset(ms);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, msOfDay: wall - day * MS_PER_DAY };
}

/**
 * The instant of a Québec wall-clock time (day number + minutes after midnight).
 * Like Temporal's "compatible" disambiguation: a time skipped by the spring change (02:30 on
 * 8 March 2026) moves forward by the gap (03:30 EDT); a repeated time (01:30 on 1 November 2026)
 * is the first of the two (EDT).
 * @example new Date(instantOfWall(daysFromCivil(2026, 12, 1), 9 * 60)) // 2026-12-01T14:00:00.000Z
 */
export function instantOfWall(day: number, minutes: number): number {
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  const before = quebecOffset(wall - MS_PER_DAY);
  const after = quebecOffset(wall + MS_PER_DAY);
  if (before === after) return wall - before;
  const first = wall - before;
  const second = wall - after;
  const firstValid = quebecOffset(first) === before;
  const secondValid = quebecOffset(second) === after;
  if (firstValid && secondValid) return Math.min(first, second);
  if (firstValid) return first;
  if (secondValid) return second;
  return wall - before; // in the gap: shifted forward by the gap's length
}

/**
 * The ms value of a Date, checked: a valid Date within the engine's years.
 * @throws SlaInputError "invalid-instant" or "out-of-range"
 * @example checkInstant(new Date("2026-12-01T14:00:00Z"), "receivedAt") // 1796133600000
 */
export function checkInstant(value: unknown, what: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new SlaInputError("invalid-instant", `${what} must be a valid Date, got ${value instanceof Date ? "Invalid Date" : String(value)}`);
  }
  const ms = value.getTime();
  checkYear(civilFromDays(Math.floor(ms / MS_PER_DAY)).year);
  return ms;
}
