/**
 * dueInstant (the fast path, whole weeks skipped arithmetically) against dueDate (the step-by-step working the
 * calculator shows): always the same deadline, and a cost that does not grow with the number of days counted.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createHolidayCalendar, dueDate, quebecCalendar, type HolidayCalendar, type Pause, type SlaRule } from "../../../src/lib/sla/index.ts";
import { dueInstant } from "../../../src/lib/sla/fast-path.ts";
import { HELP_DESK_P3, instantArb as instant, pausesAt, q, WINDOWS as COMMON_WINDOWS } from "./helpers.ts";

/** The common windows, and two at night (a window that the spring and autumn clock changes cut into). */
const WINDOWS = [...COMMON_WINDOWS, { start: "03:00", end: "04:00" }, { start: "00:00", end: "01:00" }];
const unit = fc.constantFrom("seconds" as const, "minutes" as const, "hours" as const);
const timeRule: fc.Arbitrary<SlaRule> = fc.oneof(
  fc.tuple(unit, fc.double({ min: 0.01, max: 2_000, noNaN: true })).map(([u, amount]): SlaRule => ({ unit: u, amount })),
  fc
    .tuple(fc.constantFrom(...WINDOWS), fc.constantFrom("minutes" as const, "hours" as const), fc.double({ min: 0.01, max: 600, noNaN: true }))
    .map(([window, amountUnit, amount]): SlaRule => ({ unit: "business-hours", amount, amountUnit, window })),
  fc.integer({ min: 1, max: 400 }).map((amount): SlaRule => ({ unit: "business-hours", amount, window: HELP_DESK_P3 })),
);
const dayRule: fc.Arbitrary<SlaRule> = fc.tuple(fc.constantFrom("business-days" as const, "calendar-days" as const), fc.integer({ min: 1, max: 800 }))
  .map(([u, amount]): SlaRule => ({ unit: u, amount }));
/** Pauses around receipt, some overlapping, some outside counting time. */
const pauseSpecs = fc.array(fc.tuple(fc.integer({ min: -2 * 86_400_000, max: 40 * 86_400_000 }), fc.integer({ min: 0, max: 5 * 86_400_000 })), { maxLength: 6 });

describe("the fast path equals the step-by-step path", () => {
  test("time rules (around the clock and business hours), with and without pauses", () => {
    fc.assert(
      fc.property(timeRule, instant, pauseSpecs, (rule, received, specs) => {
        const pauses = pausesAt(received, specs);
        expect(dueInstant(rule, received, { pauses }).getTime()).toBe(dueDate(rule, received, { pauses }).due.getTime());
      }),
      { numRuns: 1_500 },
    );
  });

  test("business days and calendar days", () => {
    fc.assert(
      fc.property(dayRule, instant, (rule, received) => {
        expect(dueInstant(rule, received).getTime()).toBe(dueDate(rule, received).due.getTime());
      }),
      { numRuns: 1_000 },
    );
  });

  test("around the holidays of every year of a decade (each holiday's eve, day and morrow)", () => {
    const rules: SlaRule[] = [
      { unit: "business-hours", amount: 10, window: HELP_DESK_P3 },
      { unit: "business-hours", amount: 40, window: HELP_DESK_P3 },
      { unit: "business-hours", amount: 16, window: HELP_DESK_P3 },
      { unit: "business-days", amount: 3 },
      { unit: "business-days", amount: 20 },
    ];
    for (let year = 2024; year <= 2034; year++) {
      for (const holiday of quebecCalendar.publicHolidays(year)) {
        for (const [offsetDays, time] of [[-1, "15:00"], [0, "10:00"], [-3, "16:29"], [-7, "08:29"]] as const) {
          const base = q(`${holiday.date} ${time}`);
          const received = new Date(base.getTime() + offsetDays * 86_400_000);
          for (const rule of rules) expect(dueInstant(rule, received).toISOString(), `${year} ${holiday.id} ${offsetDays} ${JSON.stringify(rule)}`).toBe(dueDate(rule, received).due.toISOString());
        }
      }
    }
  });

  test("with an official holiday table, as the calculator's calendar option", () => {
    const calendar = createHolidayCalendar({ years: { "2027": [{ date: "2027-03-03", holiday: "new-years-day" }] } });
    const rule: SlaRule = { unit: "business-hours", amount: 40, window: HELP_DESK_P3 };
    const received = q("2027-03-01 09:00");
    expect(dueInstant(rule, received, { calendar }).toISOString()).toBe(dueDate(rule, received, { calendar }).due.toISOString());
    expect(dueInstant(rule, received, { calendar }).getTime()).toBeGreaterThan(dueInstant(rule, received).getTime());
  });

  test("refuses what dueDate refuses, with the same code", () => {
    const bad: Array<[SlaRule, Date, Pause[]]> = [
      [{ unit: "hours", amount: -1 }, q("2026-12-01 09:00"), []],
      [{ unit: "business-days", amount: 2 }, q("2026-12-01 09:00"), [{ from: q("2026-12-01 10:00"), to: q("2026-12-01 11:00") }]],
      [{ unit: "hours", amount: 3 }, new Date(Number.NaN), []],
      [{ unit: "hours", amount: 3 }, q("2026-12-01 09:00"), [{ from: q("2026-12-01 11:00"), to: q("2026-12-01 10:00") }]],
    ];
    for (const [rule, received, pauses] of bad) {
      const codeOf = (run: () => unknown) => {
        try {
          run();
          return "no error";
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      expect(codeOf(() => dueInstant(rule, received, { pauses }))).toBe(codeOf(() => dueDate(rule, received, { pauses })));
    }
  });
});

describe("the fast path's cost does not grow with the days counted", () => {
  /** The site's calendar, counting how often a day is looked at. */
  function countingCalendar(): { calendar: HolidayCalendar; looks: () => number } {
    let looks = 0;
    const calendar: HolidayCalendar = {
      publicHolidays: (year) => quebecCalendar.publicHolidays(year),
      holidayOnDay: (day) => {
        looks++;
        return quebecCalendar.holidayOnDay(day);
      },
      isBusinessDayNumber: (day) => {
        looks++;
        return quebecCalendar.isBusinessDayNumber(day);
      },
      isBusinessDay: (date) => quebecCalendar.isBusinessDay(date),
    };
    return { calendar, looks: () => looks };
  }

  test.each([
    [{ unit: "business-hours", amount: 10, window: HELP_DESK_P3 }, { unit: "business-hours", amount: 8_000, window: HELP_DESK_P3 }],
    [{ unit: "business-days", amount: 2 }, { unit: "business-days", amount: 2_000 }],
  ] as Array<[SlaRule, SlaRule]>)("%j costs about what %j costs", (short, long) => {
    const received = q("2026-12-01 09:00");
    const a = countingCalendar();
    dueInstant(short, received, { calendar: a.calendar });
    const b = countingCalendar();
    dueInstant(long, received, { calendar: b.calendar });
    const c = countingCalendar();
    dueDate(long, received, { calendar: c.calendar });
    expect(b.looks()).toBeLessThanOrEqual(a.looks() + 4);
    expect(c.looks()).toBeGreaterThan(100 * Math.max(1, b.looks()));
  });
});
