/**
 * What the calculator does with each catalogue service level (src/data/schema.ts `target`): a deadline
 * rule, a range, a note that there is no computable deadline, or the downtime an availability allows.
 * Only types come from the catalogue schema, so this module (and the island) never loads zod.
 */
import type { ServiceLevel, Target } from "../../data/schema.ts";
import { daysInMonth, MS_PER_DAY } from "./civil.ts";
import { dueDate, type DueDateResult } from "./due-date.ts";
import { SlaInputError } from "./errors.ts";
import type { Pause } from "./pauses.ts";
import { quebecInstant } from "./quebec-time.ts";
import type { SlaRule } from "./rules.ts";
import type { Step } from "./steps.ts";

/** Where a deadline is counted from (docs/interpretations.md §8). */
export type CountedFrom = "request" | "billing-date" | "quarter-end";

/** The downtime a monthly availability allows in a month of `monthDays` days, in ms (§9). */
export interface Downtime {
  monthDays: 28 | 30 | 31;
  ms: number;
}

/** What the calculator does for a level: plain data, safe to pass to an island as props. */
export type LevelPlan =
  | { kind: "deadline"; rule: SlaRule; countedFrom: CountedFrom; pausable: boolean; orLess: boolean }
  /** « 10 à 20 jours ouvrables »: the earliest and the latest date (§7). */
  | { kind: "range"; earliest: SlaRule; latest: SlaRule }
  /** « Entente commune »: no computable deadline (§7). */
  | { kind: "by-agreement" }
  | { kind: "availability"; percent: number; downtime: Downtime[] }
  /** « 65 % des incidents résolus »: a share of cases, no deadline. */
  | { kind: "share"; percent: number };

/** A level as the calculator needs it: its id, its plan and the share of requests the target applies to (§10). */
export interface CalculatorLevel {
  id: string;
  plan: LevelPlan;
  attainment?: number;
}

/**
 * The downtime allowed in a month by a monthly availability, in ms, exact to the millisecond.
 * @example allowedDowntimeMs(99.999, 30) // 25920 (25,92 s)
 * @example allowedDowntimeMs(99.5, 31) // 13392000 (3 h 43 min 12 s)
 */
export function allowedDowntimeMs(percent: number, monthDays: number): number {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    throw new SlaInputError("invalid-amount", `An availability is a percentage above 0 and at most 100, got ${percent}`);
  }
  // Thousandths of a percent as integers, so that 100 − 99.999 is exactly 0.001.
  const unavailableMilli = 100_000 - Math.round(percent * 1000);
  return Math.round((monthDays * MS_PER_DAY * unavailableMilli) / 100_000);
}

/**
 * The calculator's plan for a catalogue target.
 * @example planOfTarget({ kind: "elapsed", amount: 3, unit: "hours" }, true)
 * // { kind: "deadline", rule: { unit: "hours", amount: 3 }, countedFrom: "request", pausable: true, orLess: false }
 */
export function planOfTarget(target: Target, pausable = false): LevelPlan {
  switch (target.kind) {
    case "availability":
      return {
        kind: "availability",
        percent: target.percent,
        downtime: ([28, 30, 31] as const).map((monthDays) => ({ monthDays, ms: allowedDowntimeMs(target.percent, monthDays) })),
      };
    case "elapsed":
      return { kind: "deadline", rule: { unit: target.unit, amount: target.amount }, countedFrom: "request", pausable, orLess: false };
    case "business-hours":
      return {
        kind: "deadline",
        rule: { unit: "business-hours", amount: target.amount, amountUnit: target.unit, window: { start: target.window.start, end: target.window.end } },
        countedFrom: "request",
        pausable,
        orLess: target.orLess ?? false,
      };
    case "business-days":
      return {
        kind: "deadline",
        rule: { unit: "business-days", amount: target.amount },
        countedFrom: target.countedFrom ?? "request",
        pausable: false,
        orLess: false,
      };
    case "business-days-range":
      return { kind: "range", earliest: { unit: "business-days", amount: target.min }, latest: { unit: "business-days", amount: target.max } };
    case "calendar-days":
      return { kind: "deadline", rule: { unit: "calendar-days", amount: target.amount }, countedFrom: "request", pausable: false, orLess: false };
    case "by-agreement":
      return { kind: "by-agreement" };
    case "share":
      return { kind: "share", percent: target.percent };
    default:
      throw new SlaInputError("invalid-rule", `Unknown target kind ${JSON.stringify((target as { kind?: unknown }).kind)}`);
  }
}

/**
 * A catalogue level as the calculator needs it. Pauses only where the level is pausable (§6).
 * @example calculatorLevel({ id: "csc-restore-p1", target: { kind: "elapsed", amount: 3, unit: "hours" }, attainment: 85, pausable: true, … })
 * // { id: "csc-restore-p1", plan: { kind: "deadline", rule: { unit: "hours", amount: 3 }, countedFrom: "request", pausable: true, orLess: false }, attainment: 85 }
 */
export function calculatorLevel(level: Pick<ServiceLevel, "id" | "target" | "attainment" | "pausable">): CalculatorLevel {
  return {
    id: level.id,
    plan: planOfTarget(level.target, level.pausable ?? false),
    ...(level.attainment !== undefined ? { attainment: level.attainment } : {}),
  };
}

/**
 * The last day of a quarter (31 March, 30 June, 30 September, 31 December).
 * @example quarterEnd(2026, 2) // "2026-06-30"
 */
export function quarterEnd(year: number, quarter: number): string {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new SlaInputError("invalid-date", `A quarter is 1, 2, 3 or 4, got ${quarter}`);
  }
  const month = quarter * 3;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${daysInMonth(year, month)}`;
}

/** What the reader gives for a level: a reception time (and pauses), or the event the count follows. */
export type LevelInput =
  | { from: "request"; receivedAt: Date; pauses?: readonly Pause[] }
  | { from: "billing-date"; date: string }
  | { from: "quarter-end"; year: number; quarter: number };

export type LevelResult =
  | { kind: "deadline"; due: Date; steps: Step[]; countedFrom: CountedFrom; eventDate?: string; attainment?: number; orLess: boolean }
  | { kind: "range"; earliest: DueDateResult; latest: DueDateResult; attainment?: number }
  | { kind: "by-agreement"; attainment?: number }
  | { kind: "availability"; percent: number; downtime: Downtime[]; attainment?: number }
  | { kind: "share"; percent: number };

/**
 * The calculator's answer for a level and the reader's input.
 * @throws SlaInputError for an input that does not fit the level (e.g. pauses on a level that has none)
 * @example evaluateLevel({ id: "x", plan: { kind: "deadline", rule: { unit: "business-days", amount: 15 }, countedFrom: "quarter-end", pausable: false, orLess: false } }, { from: "quarter-end", year: 2026, quarter: 1 })
 * // { kind: "deadline", due: 2026-04-24T04:00:00.000Z, eventDate: "2026-03-31", … } (end of Thursday 23 April 2026: Good Friday and Easter Monday skipped)
 */
export function evaluateLevel(level: CalculatorLevel, input: LevelInput): LevelResult {
  const { plan, attainment } = level;
  const share = attainment !== undefined ? { attainment } : {};
  switch (plan.kind) {
    case "by-agreement":
      return { kind: "by-agreement", ...share };
    case "share":
      return { kind: "share", percent: plan.percent };
    case "availability":
      return { kind: "availability", percent: plan.percent, downtime: plan.downtime, ...share };
    case "range": {
      const receivedAt = requestInput(input, false);
      return { kind: "range", earliest: dueDate(plan.earliest, receivedAt), latest: dueDate(plan.latest, receivedAt), ...share };
    }
    case "deadline": {
      if (plan.countedFrom !== "request") {
        const eventDate = eventDateOf(plan.countedFrom, input);
        const { due, steps } = dueDate(plan.rule, quebecInstant(eventDate, "00:00"));
        return { kind: "deadline", due, steps, countedFrom: plan.countedFrom, eventDate, orLess: plan.orLess, ...share };
      }
      const receivedAt = requestInput(input, plan.pausable);
      const pauses = input.from === "request" ? input.pauses : undefined;
      const { due, steps } = dueDate(plan.rule, receivedAt, pauses && pauses.length > 0 ? { pauses } : {});
      return { kind: "deadline", due, steps, countedFrom: "request", orLess: plan.orLess, ...share };
    }
  }
}

function requestInput(input: LevelInput, pausable: boolean): Date {
  if (input.from !== "request") {
    throw new SlaInputError("invalid-rule", `This level is counted from the request, not from a ${input.from}`);
  }
  if (!pausable && input.pauses && input.pauses.length > 0) {
    throw new SlaInputError("pauses-not-supported", "This level does not stop counting while waiting on the user");
  }
  return input.receivedAt;
}

function eventDateOf(countedFrom: "billing-date" | "quarter-end", input: LevelInput): string {
  if (countedFrom === "billing-date" && input.from === "billing-date") {
    quebecInstant(input.date); // validates the date
    return input.date;
  }
  if (countedFrom === "quarter-end" && input.from === "quarter-end") return quarterEnd(input.year, input.quarter);
  throw new SlaInputError("invalid-rule", `This level is counted from a ${countedFrom}, not from a ${input.from}`);
}
