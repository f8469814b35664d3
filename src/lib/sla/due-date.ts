/**
 * The deadline of a service level: when counting starts, what is counted, and when the target is reached,
 * with each step of the working (docs/interpretations.md §1–6, docs/business-days.md).
 */
import { civilFromDays, isoOfDays, isWeekend, MS_PER_MINUTE } from "./civil.ts";
import { SlaInputError } from "./errors.ts";
import { quebecCalendar, type HolidayCalendar } from "./holidays.ts";
import { mergePauses, type MergedPause, type Pause } from "./pauses.ts";
import { checkRule, type SlaRule } from "./rules.ts";
import type { Step } from "./steps.ts";
import { checkInstant, clockChanges, instantOfWall, wallOf } from "./timezone.ts";

export interface DueDateOptions {
  /** Times the count stops (only for pausable levels; overlapping pauses count once). */
  pauses?: readonly Pause[];
  /** Holidays to use; the site's calendar (rules + content/catalogue/holidays.json) by default. */
  calendar?: HolidayCalendar;
}

export interface DueDateResult {
  due: Date;
  steps: Step[];
}

/** Steps with a sort key (ms) so that pauses land where they happen; ties keep the order of insertion. */
class StepLog {
  private entries: Array<{ key: number; step: Step }> = [];
  add(key: number, step: Step): void {
    this.entries.push({ key, step });
  }
  sorted(): Step[] {
    return this.entries
      .map((e, i) => ({ ...e, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((e) => e.step);
  }
  inOrder(): Step[] {
    return this.entries.map((e) => e.step);
  }
}

/** Reports days off one by one: holidays by name, consecutive weekend days as one step. */
class DayOffReporter {
  private weekend: { from: number; to: number; key: number } | undefined;
  private readonly log: StepLog;
  private readonly calendar: HolidayCalendar;
  constructor(log: StepLog, calendar: HolidayCalendar) {
    this.log = log;
    this.calendar = calendar;
  }
  dayOff(day: number, key: number): void {
    const holiday = this.calendar.holidayOnDay(day);
    if (holiday && !isWeekend(day)) {
      this.flush();
      this.log.add(key, { kind: "skip-holiday", date: holiday.date, id: holiday.id, name: holiday.name });
    } else if (this.weekend && this.weekend.to === day - 1) {
      this.weekend.to = day;
    } else {
      this.flush();
      this.weekend = { from: day, to: day, key };
    }
  }
  flush(): void {
    if (this.weekend) {
      this.log.add(this.weekend.key, { kind: "skip-weekend", from: isoOfDays(this.weekend.from), to: isoOfDays(this.weekend.to) });
      this.weekend = undefined;
    }
  }
}

function receivedStep(received: number, calendar: HolidayCalendar): Step {
  const { day } = wallOf(received);
  const holiday = calendar.holidayOnDay(day);
  const kind = isWeekend(day) ? "weekend" : holiday ? "holiday" : "business";
  return {
    kind: "received",
    at: new Date(received),
    date: isoOfDays(day),
    day: kind,
    ...(holiday && kind === "holiday" ? { holiday: { id: holiday.id, name: holiday.name } } : {}),
  };
}

/** Business days or calendar days: whole days from 00:00 of the (business) day after receipt. */
function countDays(days: number, business: boolean, received: number, calendar: HolidayCalendar, log: StepLog): number {
  const first = wallOf(received).day + 1;
  const offDays = new DayOffReporter(log, calendar);
  let counted = 0;
  let day = first;
  for (; counted < days; day++) {
    if (business && !calendar.isBusinessDayNumber(day)) {
      offDays.dayOff(day, 0);
      continue;
    }
    offDays.flush();
    if (counted === 0) {
      log.add(0, { kind: "start", at: new Date(instantOfWall(day, 0)), reason: business ? "next-business-day" : "next-day" });
    }
    counted++;
    log.add(0, { kind: "count-day", date: isoOfDays(day), index: counted, total: days });
  }
  const due = instantOfWall(day, 0);
  log.add(0, { kind: "due", at: new Date(due), lastCountedDate: isoOfDays(day - 1) });
  return due;
}

/** One stretch of counting time: [from, to), on `day` for windows. */
interface Segment {
  from: number;
  to: number;
  day?: number;
}

/** The counting stretches of a business-hours rule: each business day's window, from receipt on. */
function* windows(open: number, close: number, received: number, calendar: HolidayCalendar, offDays: DayOffReporter): Generator<Segment> {
  for (let day = wallOf(received).day; ; day++) {
    const dayKey = Math.max(received, instantOfWall(day, 0));
    if (!calendar.isBusinessDayNumber(day)) {
      offDays.dayOff(day, dayKey);
      continue;
    }
    const windowOpen = instantOfWall(day, open);
    const windowClose = instantOfWall(day, close);
    const from = Math.max(windowOpen, received);
    if (from < windowClose) {
      offDays.flush();
      yield { from, to: windowClose, day };
    }
  }
}

/**
 * Counts `amount` ms of counting time through `segments`, leaving out pauses; returns the deadline.
 * Window segments give one step per day; around-the-clock time one step per stretch between pauses.
 */
function countTime(amount: number, segments: Iterable<Segment>, pauses: MergedPause[], log: StepLog, perDay: boolean): number {
  const excluded = pauses.map(() => 0);
  let remaining = amount;
  let total = 0;
  let p = 0;
  let due: number | undefined;
  let started = false;
  for (const segment of segments) {
    let cursor = segment.from;
    let dayCounted = 0;
    let dayFrom = -1;
    let dayTo = -1;
    const piece = (from: number, to: number) => {
      if (perDay) {
        if (dayFrom < 0) dayFrom = from;
        dayTo = to;
        dayCounted += to - from;
      } else {
        log.add(from, { kind: "count-elapsed", from: new Date(from), to: new Date(to), countedMs: to - from, totalMs: total });
      }
    };
    if (!started) {
      started = true;
      log.add(segment.from, { kind: "start", at: new Date(segment.from), reason: "at-receipt" });
    }
    while (cursor < segment.to && due === undefined) {
      while (p < pauses.length && (pauses[p] as MergedPause).to <= cursor) p++;
      const pause = pauses[p];
      if (pause && pause.from <= cursor) {
        const end = Math.min(pause.to, segment.to);
        excluded[p] = (excluded[p] as number) + (end - cursor);
        cursor = end;
        continue;
      }
      const stop = pause ? Math.min(pause.from, segment.to) : segment.to;
      const available = stop - cursor;
      if (available >= remaining) {
        due = cursor + remaining;
        total += remaining;
        piece(cursor, due);
      } else {
        remaining -= available;
        total += available;
        piece(cursor, stop);
        cursor = stop;
      }
    }
    if (perDay && dayCounted > 0 && segment.day !== undefined) {
      log.add(dayFrom, {
        kind: "count-window",
        date: isoOfDays(segment.day),
        from: new Date(dayFrom),
        to: new Date(dayTo),
        countedMs: dayCounted,
        totalMs: total,
        windowEnd: new Date(segment.to),
      });
    }
    if (due !== undefined) break;
  }
  if (due === undefined) throw new SlaInputError("out-of-range", "The deadline could not be reached");
  log.add(due, { kind: "due", at: new Date(due) });
  pauses.forEach((pause, i) =>
    log.add(pause.from, { kind: "pause", from: new Date(pause.from), to: new Date(pause.to), excludedMs: excluded[i] as number, merged: pause.count }),
  );
  return due;
}

/**
 * The deadline of a rule for a request received at `receivedAt`, with the working step by step.
 *
 * - business days: counting starts at 00:00 of the business day after receipt; due at the end of the
 *   N-th counted day (00:00 Québec time of the next day);
 * - calendar days: the same from the day after receipt, every day counted;
 * - business hours: counted inside the window on business days; outside it, counting starts at the next
 *   opening; a count that ends exactly at closing time is due then;
 * - seconds/minutes/hours: elapsed real time (a daylight-saving change does not add or remove time);
 * - pauses (time rules only) stop the count; overlapping pauses count once; outside counting time they change nothing.
 *
 * @throws SlaInputError for an invalid rule, Date, pause or year — never a wrong date
 * @example dueDate({ unit: "business-days", amount: 1 }, new Date("2026-12-01T14:00:00Z")).due
 * // 2026-12-03T05:00:00.000Z (Thursday 3 December 2026 at 0 h, the end of Wednesday 2 December)
 * @example dueDate({ unit: "business-hours", amount: 10, window: { start: "08:30", end: "16:30" } }, new Date("2026-12-01T14:00:00Z")).due
 * // 2026-12-02T16:00:00.000Z (Wednesday 2 December 2026 at 11:00: 7 h 30 on Tuesday, then 2 h 30 from 8 h 30)
 * @example dueDate({ unit: "hours", amount: 3 }, new Date("2026-11-01T04:30:00Z")).due
 * // 2026-11-01T07:30:00.000Z (3 real hours: 0 h 30 EDT → 2 h 30 EST)
 */
export function dueDate(rule: SlaRule, receivedAt: Date, options: DueDateOptions = {}): DueDateResult {
  const checked = checkRule(rule);
  const received = checkInstant(receivedAt, "receivedAt");
  const pauses = mergePauses(options.pauses);
  const calendar = options.calendar ?? quebecCalendar;
  const log = new StepLog();
  log.add(received, receivedStep(received, calendar));

  if (checked.kind === "business-days" || checked.kind === "calendar-days") {
    if (pauses.length > 0) {
      throw new SlaInputError("pauses-not-supported", "Pauses apply only to time counted in hours or minutes (help-desk restore levels)");
    }
    const due = countDays(checked.days, checked.kind === "business-days", received, calendar, log);
    return { due: new Date(due), steps: log.inOrder() };
  }

  if (checked.kind === "elapsed") {
    const due = countTime(checked.ms, [{ from: received, to: Number.POSITIVE_INFINITY }], pauses, log, false);
    const startYear = civilFromDays(wallOf(received).day).year;
    const endYear = civilFromDays(wallOf(due).day).year;
    for (let year = startYear; year <= endYear; year++) {
      for (const change of clockChanges(year)) {
        const at = change.at.getTime();
        if (at > received && at < due) {
          log.add(at, {
            kind: "clock-change",
            at: change.at,
            offsetBeforeMinutes: change.offsetBefore / MS_PER_MINUTE,
            offsetAfterMinutes: change.offsetAfter / MS_PER_MINUTE,
          });
        }
      }
    }
    return { due: new Date(due), steps: log.sorted() };
  }

  const offDays = new DayOffReporter(log, calendar);
  const due = countTime(checked.ms, windows(checked.open, checked.close, received, calendar, offDays), pauses, log, true);
  const steps = log.sorted();
  const start = steps.find((s) => s.kind === "start");
  if (start && start.kind === "start" && start.at.getTime() !== received) start.reason = "next-window";
  return { due: new Date(due), steps };
}

