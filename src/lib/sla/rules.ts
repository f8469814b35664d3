/**
 * The kinds of service-level deadline the engine computes, and their validation.
 */
import { MS_PER_HOUR, MS_PER_MINUTE, parseClock } from "./civil.ts";
import { SlaInputError } from "./errors.ts";

/** A unit of duration for time-based targets. */
export type DurationUnit = "seconds" | "minutes" | "hours";

/** A daily window of business hours, wall-clock "HH:MM" in Québec time; `end` is exclusive. */
export interface TimeWindow {
  start: string;
  end: string;
}

/**
 * A service-level deadline rule.
 * - `seconds` / `minutes` / `hours`: around the clock, elapsed real time (docs/interpretations.md §5).
 * - `business-hours`: time counted only inside `window` on business days (§4). `amount` is in
 *   `amountUnit`, hours by default, so « 120 minutes » is `{ amount: 120, amountUnit: "minutes" }` and
 *   « 40 secondes » `{ amount: 40, amountUnit: "seconds" }`; fractional amounts are allowed (1.5 hours).
 * - `business-days`: whole business days, from 00:00 of the business day after receipt (§2).
 * - `calendar-days`: whole days, from 00:00 of the day after receipt (§3).
 */
export type SlaRule =
  | { unit: DurationUnit; amount: number }
  | { unit: "business-hours"; amount: number; amountUnit?: DurationUnit; window: TimeWindow }
  | { unit: "business-days"; amount: number }
  | { unit: "calendar-days"; amount: number };

/** The largest day count the engine accepts (ten years of days). */
export const MAX_DAYS = 3660;
/** The largest duration the engine accepts, in ms (ten years of hours). */
export const MAX_DURATION_MS = 87_600 * MS_PER_HOUR;

const UNIT_MS: Record<DurationUnit, number> = { seconds: 1000, minutes: MS_PER_MINUTE, hours: MS_PER_HOUR };

/**
 * A duration in ms, rounded to the millisecond.
 * @example durationMs(120, "minutes") // 7200000
 */
export function durationMs(amount: number, unit: DurationUnit): number {
  return Math.round(amount * UNIT_MS[unit]);
}

function checkAmount(amount: unknown, what: string): number {
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0) {
    throw new SlaInputError("invalid-amount", `${what} must be a finite number greater than 0, got ${String(amount)}`);
  }
  return amount;
}

/** A validated rule, in the engine's own terms. */
export type CheckedRule =
  | { kind: "elapsed"; ms: number }
  | { kind: "window"; ms: number; open: number; close: number }
  | { kind: "business-days"; days: number }
  | { kind: "calendar-days"; days: number };

/**
 * Checks a rule and converts it to ms and minutes.
 * @throws SlaInputError "invalid-rule", "invalid-amount", "invalid-time" or "invalid-window"
 * @example checkRule({ unit: "business-hours", amount: 120, amountUnit: "minutes", window: { start: "07:00", end: "18:00" } })
 * // { kind: "window", ms: 7200000, open: 420, close: 1080 }
 */
export function checkRule(rule: SlaRule): CheckedRule {
  if (typeof rule !== "object" || rule === null) throw new SlaInputError("invalid-rule", "The rule must be an object");
  switch (rule.unit) {
    case "seconds":
    case "minutes":
    case "hours": {
      const ms = durationMs(checkAmount(rule.amount, "amount"), rule.unit);
      if (ms < 1) throw new SlaInputError("invalid-amount", `amount ${rule.amount} ${rule.unit} is shorter than a millisecond`);
      if (ms > MAX_DURATION_MS) throw new SlaInputError("invalid-amount", `amount ${rule.amount} ${rule.unit} is longer than ten years`);
      return { kind: "elapsed", ms };
    }
    case "business-hours": {
      const amountUnit = rule.amountUnit ?? "hours";
      if (!(amountUnit in UNIT_MS)) throw new SlaInputError("invalid-rule", `amountUnit must be seconds, minutes or hours, got ${String(amountUnit)}`);
      const ms = durationMs(checkAmount(rule.amount, "amount"), amountUnit);
      if (ms < 1) throw new SlaInputError("invalid-amount", `amount ${rule.amount} ${amountUnit} is shorter than a millisecond`);
      if (ms > MAX_DURATION_MS) throw new SlaInputError("invalid-amount", `amount ${rule.amount} ${amountUnit} is longer than ten years`);
      if (typeof rule.window !== "object" || rule.window === null) throw new SlaInputError("invalid-window", "A business-hours rule needs a window { start, end }");
      const open = parseClock(rule.window.start);
      const close = parseClock(rule.window.end);
      if (close <= open) {
        throw new SlaInputError("invalid-window", `The window must end after it starts, got ${rule.window.start}–${rule.window.end}`);
      }
      return { kind: "window", ms, open, close };
    }
    case "business-days":
    case "calendar-days": {
      const days = checkAmount(rule.amount, "amount");
      if (!Number.isInteger(days)) throw new SlaInputError("invalid-amount", `A count of days must be a whole number, got ${days}`);
      if (days > MAX_DAYS) throw new SlaInputError("invalid-amount", `A count of days must be at most ${MAX_DAYS}, got ${days}`);
      return rule.unit === "business-days" ? { kind: "business-days", days } : { kind: "calendar-days", days };
    }
    default:
      throw new SlaInputError("invalid-rule", `Unknown unit ${JSON.stringify((rule as { unit?: unknown }).unit)}`);
  }
}
