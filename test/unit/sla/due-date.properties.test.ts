import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dueDate, isBusinessDay, quebecWallClock, type Pause, type SlaRule } from "../../../src/lib/sla/index.ts";
import { instantArb as instant, pausesAt, WINDOWS } from "./helpers.ts";

const window = fc.constantFrom(...WINDOWS);
const timeUnit = fc.constantFrom("seconds" as const, "minutes" as const, "hours" as const);
/** A duration amount, with the same rule shape built from it (so that amounts can be compared). */
type RuleOf = (amount: number) => SlaRule;
const timeRuleOf: fc.Arbitrary<RuleOf> = fc.oneof(
  timeUnit.map((unit): RuleOf => (amount) => ({ unit, amount })),
  fc.tuple(window, timeUnit).map(([w, amountUnit]): RuleOf => (amount) => ({ unit: "business-hours", amount, amountUnit, window: w })),
);
const dayRuleOf: fc.Arbitrary<RuleOf> = fc.constantFrom<RuleOf>((amount) => ({ unit: "business-days", amount }), (amount) => ({ unit: "calendar-days", amount }));
const timeAmount = fc.double({ min: 0.5, max: 200, noNaN: true });
const dayAmount = fc.integer({ min: 1, max: 60 });
/** A pause near receipt (from a day before to ten days after), so that most pauses meet counting time. */
const pauseNear = fc.tuple(fc.integer({ min: -86_400_000, max: 10 * 86_400_000 }), fc.integer({ min: 0, max: 2 * 86_400_000 }));

const runs = { numRuns: 300 };

describe("properties of deadlines", () => {
  test("a deadline never precedes receipt", () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(timeRuleOf, timeAmount), fc.tuple(dayRuleOf, dayAmount)), instant, ([ruleOf, amount], received) => {
        expect(dueDate(ruleOf(amount), received).due.getTime()).toBeGreaterThan(received.getTime());
      }),
      runs,
    );
  });

  test("a larger amount never gives an earlier deadline", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.tuple(timeRuleOf, timeAmount, timeAmount), fc.tuple(dayRuleOf, dayAmount, dayAmount)),
        instant,
        ([ruleOf, a, b], received) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(dueDate(ruleOf(large), received).due.getTime()).toBeGreaterThanOrEqual(dueDate(ruleOf(small), received).due.getTime());
        },
      ),
      runs,
    );
  });

  test("adding a pause never gives an earlier deadline", () => {
    fc.assert(
      fc.property(timeRuleOf, timeAmount, instant, fc.array(pauseNear, { maxLength: 4 }), pauseNear, (ruleOf, amount, received, specs, extraSpec) => {
        const rule = ruleOf(amount);
        const pauses = pausesAt(received, specs);
        const [extra] = pausesAt(received, [extraSpec]) as [Pause];
        const before = dueDate(rule, received, { pauses }).due.getTime();
        const after = dueDate(rule, received, { pauses: [...pauses, extra] }).due.getTime();
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      runs,
    );
  });

  test("a pause that meets counting time pushes the deadline back by exactly the time it removed", () => {
    fc.assert(
      fc.property(timeRuleOf, timeAmount, instant, pauseNear, (ruleOf, amount, received, spec) => {
        const rule = ruleOf(amount);
        const without = dueDate(rule, received);
        const withPause = dueDate(rule, received, { pauses: pausesAt(received, [spec]) });
        const step = withPause.steps.find((s) => s.kind === "pause");
        if (step?.kind === "pause" && step.excludedMs === 0) expect(withPause.due).toEqual(without.due);
        if (rule.unit !== "business-hours" && step?.kind === "pause") {
          expect(withPause.due.getTime() - without.due.getTime()).toBe(step.excludedMs);
        }
      }),
      runs,
    );
  });

  test("the order of pauses does not matter", () => {
    fc.assert(
      fc.property(timeRuleOf, timeAmount, instant, fc.array(pauseNear, { maxLength: 5 }), (ruleOf, amount, received, specs) => {
        const rule = ruleOf(amount);
        const pauses = pausesAt(received, specs);
        expect(dueDate(rule, received, { pauses: [...pauses].reverse() }).due).toEqual(dueDate(rule, received, { pauses }).due);
      }),
      runs,
    );
  });

  test("business-day deadlines fall at 00:00 Québec time, right after a business day", () => {
    fc.assert(
      fc.property(dayAmount, instant, (amount, received) => {
        const { due, steps } = dueDate({ unit: "business-days", amount }, received);
        expect(quebecWallClock(due).time).toBe("00:00");
        const last = steps[steps.length - 1];
        expect(last?.kind === "due" && last.lastCountedDate).toBeTruthy();
        const lastCounted = (last as { lastCountedDate: string }).lastCountedDate;
        expect(isBusinessDay(lastCounted)).toBe(true);
        const dayBefore = new Date(Date.parse(`${quebecWallClock(due).date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(lastCounted).toBe(dayBefore);
        expect(steps.filter((s) => s.kind === "count-day")).toHaveLength(amount);
      }),
      runs,
    );
  });

  test("business-hour deadlines fall inside a window of a business day (closing time included)", () => {
    fc.assert(
      fc.property(window, timeAmount, instant, (w, amount, received) => {
        const { date, time } = quebecWallClock(dueDate({ unit: "business-hours", amount, window: w }, received).due);
        expect(isBusinessDay(date)).toBe(true);
        expect(time >= w.start && time <= w.end).toBe(true);
      }),
      runs,
    );
  });

  test("around the clock without pauses, the deadline is exactly the amount later", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), instant, (minutes, received) => {
        expect(dueDate({ unit: "minutes", amount: minutes }, received).due.getTime() - received.getTime()).toBe(minutes * 60_000);
      }),
      runs,
    );
  });

  test("counted time in the working adds up to the amount", () => {
    fc.assert(
      fc.property(timeRuleOf, fc.integer({ min: 1, max: 100 }), instant, fc.array(pauseNear, { maxLength: 3 }), (ruleOf, amount, received, specs) => {
        const rule = ruleOf(amount);
        const { steps } = dueDate(rule, received, { pauses: pausesAt(received, specs) });
        const counted = steps.reduce((sum, s) => sum + (s.kind === "count-window" || s.kind === "count-elapsed" ? s.countedMs : 0), 0);
        const unit = rule.unit === "business-hours" ? (rule.amountUnit ?? "hours") : rule.unit;
        const factor = { seconds: 1000, minutes: 60_000, hours: 3_600_000 }[unit as "seconds"];
        expect(counted).toBe(amount * factor);
      }),
      runs,
    );
  });
});
