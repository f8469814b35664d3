import { describe, expect, test } from "vitest";
import { allServiceLevels, levelById } from "../../../src/data/catalogue.ts";
import {
  allowedDowntimeMs, calculatorLevel, evaluateLevel, planOfTarget, quarterEnd, SlaInputError, type CalculatorLevel,
} from "../../../src/lib/sla/index.ts";
import { q, wall } from "./helpers.ts";

const level = (id: string): CalculatorLevel => {
  const ref = levelById(id);
  if (!ref) throw new Error(`no level ${id} in the catalogue`);
  return calculatorLevel(ref.level);
};

describe("every catalogue level has a plan", () => {
  test.each(allServiceLevels().map((ref) => [ref.level.id, ref] as const))("%s", (_, ref) => {
    const plan = calculatorLevel(ref.level).plan;
    const expected = {
      availability: "availability", elapsed: "deadline", "business-hours": "deadline", "business-days": "deadline",
      "business-days-range": "range", "calendar-days": "deadline", "by-agreement": "by-agreement", share: "share",
    }[ref.level.target.kind];
    expect(plan.kind).toBe(expected);
    if (plan.kind === "deadline") expect(plan.pausable).toBe(ref.level.pausable === true);
  });
  test("only the help-desk restore levels accept pauses", () => {
    const pausable = allServiceLevels().filter((ref) => { const p = calculatorLevel(ref.level).plan; return p.kind === "deadline" && p.pausable; });
    expect(pausable.map((ref) => ref.level.id).sort()).toEqual(
      ["cau", "csc"].flatMap((c) => [1, 2, 3, 4, 5].map((n) => `${c}-restore-p${n}`)).sort(),
    );
  });
});

describe("availability: downtime per month (docs/interpretations.md §9)", () => {
  test.each([
    [99.999, 28, 24_192], [99.999, 30, 25_920], [99.999, 31, 26_784],
    [99.5, 28, 12_096_000], [99.5, 30, 12_960_000], [99.5, 31, 13_392_000],
    [100, 31, 0],
  ])("%d %% over %i days allows %i ms", (percent, days, ms) => expect(allowedDowntimeMs(percent, days)).toBe(ms));
  test("the STC level shows all three month lengths and its attainment-free result", () => {
    expect(evaluateLevel(level("telephony-stc-availability"), { from: "request", receivedAt: q("2026-12-01 09:00") })).toEqual({
      kind: "availability", percent: 99.999, downtime: [{ monthDays: 28, ms: 24_192 }, { monthDays: 30, ms: 25_920 }, { monthDays: 31, ms: 26_784 }],
    });
  });
  test.each([0, -1, 101, Number.NaN])("refuses %d %%", (p) => expect(() => allowedDowntimeMs(p, 30)).toThrow(SlaInputError));
});

describe("results carry the attainment target (§10)", () => {
  test("CSC P1: 3 hours in 85 % of cases, with pauses", () => {
    const result = evaluateLevel(level("csc-restore-p1"), {
      from: "request", receivedAt: q("2026-12-01 09:00"), pauses: [{ from: q("2026-12-01 10:00"), to: q("2026-12-01 10:30") }],
    });
    expect(result.kind).toBe("deadline");
    if (result.kind !== "deadline") return;
    expect(wall(result.due)).toBe("2026-12-01 12:30");
    expect(result.attainment).toBe(85);
  });
  test("CAU P3: 10 business hours in 08:30–16:30, 80 %", () => {
    const result = evaluateLevel(level("cau-restore-p3"), { from: "request", receivedAt: q("2026-12-01 09:00") });
    expect(result).toMatchObject({ kind: "deadline", attainment: 80, countedFrom: "request" });
    expect(result.kind === "deadline" && wall(result.due)).toBe("2026-12-02 11:00");
  });
  test("call answering: « 40 secondes et moins »", () => {
    const result = evaluateLevel(level("csc-answer-calls"), { from: "request", receivedAt: q("2026-12-01 09:00") });
    expect(result).toMatchObject({ kind: "deadline", orLess: true, attainment: 85 });
    expect(result.kind === "deadline" && result.due.toISOString()).toBe("2026-12-01T14:00:40.000Z");
  });
  test("remote programming: 120 minutes in 07:00–18:00", () => {
    const result = evaluateLevel(level("telephony-remote-programming"), { from: "request", receivedAt: q("2026-12-01 17:00") });
    expect(result.kind === "deadline" && wall(result.due)).toBe("2026-12-02 08:00");
  });
  test("a share has no deadline", () => {
    expect(evaluateLevel(level("csc-first-contact-resolution"), { from: "request", receivedAt: q("2026-12-01 09:00") })).toEqual({ kind: "share", percent: 65 });
  });
  test("by agreement: no computable deadline", () => {
    expect(evaluateLevel(level("telephony-analog-install-15-plus"), { from: "request", receivedAt: q("2026-12-01 09:00") })).toEqual({ kind: "by-agreement" });
  });
});

describe("a range gives the earliest and the latest date (§7)", () => {
  test("complex toll-free line: 10 to 20 business days, 90 %", () => {
    const result = evaluateLevel(level("telephony-toll-free-complex"), { from: "request", receivedAt: q("2026-12-01 09:00") });
    expect(result.kind).toBe("range");
    if (result.kind !== "range") return;
    expect(wall(result.earliest.due)).toBe("2026-12-16 00:00");
    expect(wall(result.latest.due)).toBe("2027-01-07 00:00");
    expect(result.attainment).toBe(90);
  });
});

describe("levels counted from another event (§8)", () => {
  test.each([[2026, 1, "2026-03-31"], [2026, 2, "2026-06-30"], [2026, 3, "2026-09-30"], [2026, 4, "2026-12-31"], [2028, 1, "2028-03-31"]])(
    "quarter %i-Q%i ends %s",
    (year, quarter, date) => expect(quarterEnd(year, quarter)).toBe(date),
  );
  test.each([0, 5, 1.5])("quarter %d is refused", (quarter) => expect(() => quarterEnd(2026, quarter)).toThrow(SlaInputError));
  test("quarterly report: 15 business days after 31 March 2026 (Easter skipped)", () => {
    const result = evaluateLevel(level("mobility-quarterly-expense-report"), { from: "quarter-end", year: 2026, quarter: 1 });
    expect(result).toMatchObject({ kind: "deadline", countedFrom: "quarter-end", eventDate: "2026-03-31" });
    expect(result.kind === "deadline" && wall(result.due)).toBe("2026-04-24 00:00");
  });
  test("quarterly report after 31 December 2026 crosses the holidays", () => {
    const result = evaluateLevel(level("mobility-quarterly-expense-report"), { from: "quarter-end", year: 2026, quarter: 4 });
    expect(result.kind === "deadline" && wall(result.due)).toBe("2027-01-26 00:00");
  });
  test("billing reports: 20 business days after the billing date", () => {
    const result = evaluateLevel(level("mobility-billing-reports"), { from: "billing-date", date: "2026-12-01" });
    expect(result).toMatchObject({ kind: "deadline", countedFrom: "billing-date", eventDate: "2026-12-01" });
    expect(result.kind === "deadline" && wall(result.due)).toBe("2027-01-07 00:00");
  });
  test.each([
    ["a reception time for a billing-date level", "mobility-billing-reports", { from: "request", receivedAt: q("2026-12-01 09:00") }, "invalid-rule"],
    ["a billing date for a request level", "csc-restore-p1", { from: "billing-date", date: "2026-12-01" }, "invalid-rule"],
    ["a malformed billing date", "mobility-billing-reports", { from: "billing-date", date: "2026-12-32" }, "invalid-date"],
    ["pauses on a level that does not pause", "telephony-toll-free-simple", { from: "request", receivedAt: q("2026-12-01 09:00"), pauses: [{ from: q("2026-12-01 10:00"), to: q("2026-12-01 11:00") }] }, "pauses-not-supported"],
  ] as const)("refuses %s", (_, id, input, code) => {
    expect(() => evaluateLevel(level(id), input as Parameters<typeof evaluateLevel>[1])).toThrow(expect.objectContaining({ code }));
  });
});

test("planOfTarget for each kind, from the schema's shapes", () => {
  expect(planOfTarget({ kind: "calendar-days", amount: 22 })).toEqual({ kind: "deadline", rule: { unit: "calendar-days", amount: 22 }, countedFrom: "request", pausable: false, orLess: false });
  expect(planOfTarget({ kind: "business-hours", amount: 120, unit: "minutes", window: { start: "07:00", end: "18:00" } })).toEqual({
    kind: "deadline", rule: { unit: "business-hours", amount: 120, amountUnit: "minutes", window: { start: "07:00", end: "18:00" } }, countedFrom: "request", pausable: false, orLess: false,
  });
  expect(planOfTarget({ kind: "business-days-range", min: 10, max: 20 })).toEqual({ kind: "range", earliest: { unit: "business-days", amount: 10 }, latest: { unit: "business-days", amount: 20 } });
});
