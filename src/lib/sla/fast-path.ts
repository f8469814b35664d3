/**
 * The fast path of the due-date engine: the same deadlines as dueDate (due-date.ts) without the working, at a cost
 * that does not grow with the number of days counted. Whole weeks are skipped arithmetically (five weekdays in every
 * seven days) and the public-service holidays in between are counted from each year's short list, so a deadline
 * 40 business hours or 200 business days away costs about the same as one an hour away. The step-by-step path of
 * due-date.ts stays what the calculator shows; test/unit/sla/fast-path.test.ts checks that both always agree.
 *
 * A module of its own so that the calculator's island does not carry it and the attainment report's island does
 * not carry the step-by-step working.
 */
import { civilFromDays, daysFromCivil, isWeekend, MS_PER_MINUTE } from "./civil.ts";
import { SlaInputError } from "./errors.ts";
import { quebecCalendar, type HolidayCalendar } from "./holidays.ts";
import { mergePauses, type MergedPause, type Pause } from "./pauses.ts";
import { checkRule, type SlaRule } from "./rules.ts";
import { checkInstant, instantOfWall, wallOf } from "./timezone.ts";

export interface FastOptions {
  pauses?: readonly Pause[];
  calendar?: HolidayCalendar;
}

/** Weekday holidays (the only ones that remove a business day), per calendar and year, sorted. */
const weekdayHolidayCache = new WeakMap<HolidayCalendar, Map<number, number[]>>();

function weekdayHolidays(calendar: HolidayCalendar, year: number): number[] {
  let byYear = weekdayHolidayCache.get(calendar);
  if (!byYear) {
    byYear = new Map();
    weekdayHolidayCache.set(calendar, byYear);
  }
  let days = byYear.get(year);
  if (!days) {
    const set = new Set<number>();
    for (const holiday of calendar.publicHolidays(year)) {
      const [y, m, d] = holiday.date.split("-").map(Number) as [number, number, number];
      const day = daysFromCivil(y, m, d);
      if (!isWeekend(day)) set.add(day);
    }
    days = [...set].sort((a, b) => a - b);
    byYear.set(year, days);
  }
  return days;
}

/** How many weekday holidays fall in [from, to] (day numbers, both included). */
function holidaysBetween(calendar: HolidayCalendar, from: number, to: number): number {
  if (to < from) return 0;
  let count = 0;
  const last = civilFromDays(to).year;
  for (let year = civilFromDays(from).year; year <= last; year++) {
    for (const day of weekdayHolidays(calendar, year)) if (day >= from && day <= to) count++;
  }
  return count;
}

/** How many Mondays to Fridays in [from, to] (both included): five per whole week, then at most six days. */
function weekdaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const length = to - from + 1;
  const weeks = Math.floor(length / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7; day <= to; day++) if (!isWeekend(day)) count++;
  return count;
}

/** The n-th weekday (n ≥ 1) after `day`. */
function addWeekdays(day: number, n: number): number {
  const weeks = Math.floor((n - 1) / 5);
  let at = day + weeks * 7;
  let left = n - weeks * 5;
  while (left > 0) {
    at++;
    if (!isWeekend(at)) left--;
  }
  return at;
}

/** The n-th business day (n ≥ 1) after `day`: n weekdays on, then one more weekday per holiday met on the way. */
function nthBusinessDayAfter(calendar: HolidayCalendar, day: number, n: number): number {
  let at = addWeekdays(day, n);
  let skipped = holidaysBetween(calendar, day + 1, at);
  while (skipped > 0) {
    const previous = at;
    at = addWeekdays(at, skipped);
    skipped = holidaysBetween(calendar, previous + 1, at);
  }
  return at;
}

/** What a time rule counts, arithmetically: the counting time in [from, to) and the instant `amount` ms after `from`. */
interface Counter {
  counted(from: number, to: number): number;
  advance(from: number, amount: number): number;
}

const elapsedCounter: Counter = {
  counted: (from, to) => Math.max(0, to - from),
  advance: (from, amount) => from + amount,
};

/**
 * Business hours with a window that never meets a change of clock (it opens at 03:00 or later, or closes by
 * 01:00), so that every business day counts the same `close − open`.
 */
function windowCounter(open: number, close: number, calendar: HolidayCalendar): Counter {
  const perDay = (close - open) * MS_PER_MINUTE;
  const part = (day: number, from: number, to: number) => {
    if (!calendar.isBusinessDayNumber(day)) return 0;
    return Math.max(0, Math.min(to, instantOfWall(day, close)) - Math.max(from, instantOfWall(day, open)));
  };
  return {
    counted(from, to) {
      if (to <= from) return 0;
      const first = wallOf(from).day;
      const last = wallOf(to).day;
      if (first === last) return part(first, from, to);
      const whole = weekdaysBetween(first + 1, last - 1) - holidaysBetween(calendar, first + 1, last - 1);
      return part(first, from, Number.POSITIVE_INFINITY) + part(last, Number.NEGATIVE_INFINITY, to) + whole * perDay;
    },
    advance(from, amount) {
      const day = wallOf(from).day;
      let remaining = amount;
      if (calendar.isBusinessDayNumber(day)) {
        const start = Math.max(from, instantOfWall(day, open));
        const end = instantOfWall(day, close);
        if (start < end) {
          if (remaining <= end - start) return start + remaining;
          remaining -= end - start;
        }
      }
      const days = Math.ceil(remaining / perDay);
      return instantOfWall(nthBusinessDayAfter(calendar, day, days), open) + (remaining - (days - 1) * perDay);
    },
  };
}

/** Business hours day by day, each day's window measured on its own: for windows that meet a change of clock. */
function walkingCounter(open: number, close: number, calendar: HolidayCalendar): Counter {
  const span = (day: number, from: number, to: number) => {
    if (!calendar.isBusinessDayNumber(day)) return 0;
    return Math.max(0, Math.min(to, instantOfWall(day, close)) - Math.max(from, instantOfWall(day, open)));
  };
  return {
    counted(from, to) {
      let total = 0;
      for (let day = wallOf(from).day, last = wallOf(to).day; day <= last; day++) total += span(day, from, to);
      return total;
    },
    advance(from, amount) {
      let remaining = amount;
      for (let day = wallOf(from).day; ; day++) {
        if (!calendar.isBusinessDayNumber(day)) continue;
        const start = Math.max(from, instantOfWall(day, open));
        const end = instantOfWall(day, close);
        if (start >= end) continue;
        if (remaining <= end - start) return start + remaining;
        remaining -= end - start;
      }
    },
  };
}

/** Counts `amount` ms with `counter`, leaving out pauses: one arithmetic jump per pause and one to the deadline. */
function countFast(amount: number, received: number, pauses: MergedPause[], counter: Counter): number {
  let cursor = received;
  let remaining = amount;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    if (pause.from > cursor) {
      const available = counter.counted(cursor, pause.from);
      if (available >= remaining) return counter.advance(cursor, remaining);
      remaining -= available;
    }
    cursor = pause.to;
  }
  return counter.advance(cursor, remaining);
}

/**
 * The deadline alone, without the working: the same instant as `dueDate(rule, receivedAt, options).due`, computed
 * without walking the days (whole weeks are skipped arithmetically), for reports that assess thousands of requests.
 * @throws SlaInputError exactly as dueDate does
 * @example dueInstant({ unit: "business-hours", amount: 40, window: { start: "08:30", end: "16:30" } }, new Date("2026-12-01T14:00:00Z"))
 * // 2026-12-08T14:00:00.000Z (Tuesday 8 December 2026 at 9:00: five days of 8 hours from 9:00 on Tuesday 1)
 */
export function dueInstant(rule: SlaRule, receivedAt: Date, options: FastOptions = {}): Date {
  const checked = checkRule(rule);
  const received = checkInstant(receivedAt, "receivedAt");
  const pauses = mergePauses(options.pauses);
  const calendar = options.calendar ?? quebecCalendar;
  switch (checked.kind) {
    case "business-days":
    case "calendar-days": {
      if (pauses.length > 0) {
        throw new SlaInputError("pauses-not-supported", "Pauses apply only to time counted in hours or minutes (help-desk restore levels)");
      }
      const day = wallOf(received).day;
      const last = checked.kind === "business-days" ? nthBusinessDayAfter(calendar, day, checked.days) : day + checked.days;
      return new Date(instantOfWall(last + 1, 0));
    }
    case "elapsed":
      return new Date(countFast(checked.ms, received, pauses, elapsedCounter));
    case "window": {
      // A window that meets 01:00–03:00 is shorter or longer on the days the clock changes: walk it day by day.
      const walk = checked.open < 180 && checked.close > 60;
      const counter = walk ? walkingCounter(checked.open, checked.close, calendar) : windowCounter(checked.open, checked.close, calendar);
      return new Date(countFast(checked.ms, received, pauses, counter));
    }
  }
}
