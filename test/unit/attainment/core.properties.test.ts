/** Properties of the attainment figures that must hold for any incident (fast-check). */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { assessIncidents, type Incident, type Priority } from "../../../src/lib/attainment/index.ts";

const HOUR = 3_600_000;
const asOf = new Date("2036-01-01T00:00:00Z");
const centre = fc.constantFrom("cau" as const, "csc" as const);
const priority = fc.constantFrom<Priority>(1, 2, 3, 4, 5);
const received = fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2035-01-01T00:00:00Z") });
/** An incident restored 0–400 hours after receipt, with pauses inside [received, restored]. */
const incident = fc
  .tuple(priority, received, fc.integer({ min: 0, max: 400 * HOUR }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }))
  .map(([p, from, length, cuts]): Incident => ({
    ref: "X",
    priority: p,
    received: new Date(from),
    restored: new Date(from + length),
    pauses: cuts.map(([a, b]) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { from: new Date(from + Math.floor(lo * length)), to: new Date(from + Math.floor(hi * length)) };
    }),
  }));
const assess = (i: Incident, c: "cau" | "csc") => {
  const report = assessIncidents([i], { centre: c, asOf });
  expect(report.invalid).toEqual([]);
  return report.incidents[0]!;
};

describe("attainment properties", () => {
  test("a later restoration never turns a miss into a met", () => {
    fc.assert(
      fc.property(incident, centre, fc.integer({ min: 0, max: 200 * HOUR }), (i, c, later) => {
        const before = assess(i, c);
        const after = assess({ ...i, restored: new Date(i.restored!.getTime() + later) }, c);
        if (before.met === false) expect(after.met).toBe(false);
        if (after.met === true) expect(before.met).toBe(true);
        expect(after.due.getTime()).toBe(before.due.getTime());
      }),
      { numRuns: 500 },
    );
  });

  test("adding a pause never makes a met incident missed (and never brings the deadline forward)", () => {
    fc.assert(
      fc.property(incident, centre, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (i, c, a, b) => {
        const before = assess(i, c);
        const from = i.received.getTime();
        const length = i.restored!.getTime() - from;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const extra = { from: new Date(from + Math.floor(lo * length)), to: new Date(from + Math.floor(hi * length)) };
        const after = assess({ ...i, pauses: [...(i.pauses ?? []), extra] }, c);
        expect(after.due.getTime()).toBeGreaterThanOrEqual(before.due.getTime());
        if (before.met) expect(after.met).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("the figures add up: count = met + missed + open, share = met / (met + missed)", () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 30 }), centre, (incidents, c) => {
        const report = assessIncidents(incidents, { centre: c, asOf });
        let total = 0;
        for (const summary of Object.values(report.byPriority)) {
          expect(summary.count).toBe(summary.met + summary.missed + summary.open);
          if (summary.met + summary.missed > 0) expect(summary.share).toBeCloseTo(summary.met / (summary.met + summary.missed), 12);
          total += summary.count;
        }
        expect(total + report.invalid.length).toBe(incidents.length);
      }),
      { numRuns: 200 },
    );
  });
});
