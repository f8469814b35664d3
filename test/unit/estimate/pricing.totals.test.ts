/** Properties of the totals over any estimate the estimator can make. */
import { expect, test } from "vitest";
import fc from "fast-check";
import { computeEstimate, MAX_QUANTITY, monthsBilledInFiscalYear, type LineInput } from "../../../src/lib/estimate/index.ts";
import { priceList } from "./price-list.ts";

const lineArb: fc.Arbitrary<LineInput[]> = fc
  .tuple(
    fc.subarray([...priceList.subscriptions.map((s) => ({ id: s.id, kind: "subscription" as const })), ...priceList.optional.map((o) => ({ id: o.id, kind: o.kind }))]),
    fc.array(fc.tuple(fc.integer({ min: 0, max: MAX_QUANTITY }), fc.integer({ min: 0, max: MAX_QUANTITY })), { minLength: 20, maxLength: 20 }),
  )
  .map(([items, numbers]) => items.map(({ id, kind }, i): LineInput => {
    const [a, b] = numbers[i]!;
    if (kind === "subscription") return { kind, item: id, quantity: a };
    if (kind === "recording") return { kind, item: id, sessions: a, minutes: b };
    return { kind, item: id, hours: a };
  }));
const month = fc.integer({ min: 1, max: 12 });

test("property: the totals are the sums of the lines", () => {
  fc.assert(fc.property(lineArb, month, (lines, startMonth) => {
    const e = computeEstimate(priceList, { version: priceList.version, startMonth, lines });
    expect(e.monthlyCents).toBe(e.lines.reduce((s, l) => s + l.monthlyCents, 0));
    expect(e.oneTimeCents).toBe(e.lines.reduce((s, l) => s + l.oneTimeCents, 0));
    for (const l of e.lines) {
      expect(l.monthlyCents).toBe(l.quantity * l.unitCents);
      expect(l.oneTimeCents).toBe(l.quantity * l.serviceFeeCents);
    }
  }));
});

test("property: 12-month total = 12 × monthly + one-time; first month = monthly + one-time; fiscal year = months × monthly + one-time", () => {
  fc.assert(fc.property(lineArb, month, (lines, startMonth) => {
    const e = computeEstimate(priceList, { version: priceList.version, startMonth, lines });
    expect(e.twelveMonthCents).toBe(12 * e.monthlyCents + e.oneTimeCents);
    expect(e.firstMonthCents).toBe(e.monthlyCents + e.oneTimeCents);
    expect(e.fiscalYear.totalCents).toBe(monthsBilledInFiscalYear(startMonth) * e.monthlyCents + e.oneTimeCents);
    expect(e.fiscalYear.totalCents).toBeLessThanOrEqual(e.twelveMonthCents);
    expect(e.fiscalYear.totalCents).toBeGreaterThanOrEqual(e.firstMonthCents);
    for (const total of [e.monthlyCents, e.oneTimeCents, e.twelveMonthCents, e.fiscalYear.totalCents]) expect(Number.isSafeInteger(total)).toBe(true);
  }));
});

test("property: the order of the lines does not change the totals", () => {
  fc.assert(fc.property(lineArb, month, (lines, startMonth) => {
    const a = computeEstimate(priceList, { version: priceList.version, startMonth, lines });
    const b = computeEstimate(priceList, { version: priceList.version, startMonth, lines: [...lines].reverse() });
    expect(b.monthlyCents).toBe(a.monthlyCents);
    expect(b.oneTimeCents).toBe(a.oneTimeCents);
  }));
});

test("property: a recording session never costs less as it gets longer", () => {
  const recording = priceList.optional.find((o) => o.kind === "recording")!;
  fc.assert(fc.property(fc.integer({ min: 0, max: MAX_QUANTITY - 1 }), (minutes) => {
    const price = (m: number) => computeEstimate(priceList, { version: priceList.version, startMonth: 4, lines: [{ kind: "recording", item: recording.id, sessions: 1, minutes: m }] }).monthlyCents;
    expect(price(minutes + 1)).toBeGreaterThanOrEqual(price(minutes));
  }));
});
