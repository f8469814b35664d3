/**
 * assessIncidents against the catalogue's restore levels, with incidents worked out by hand (docs/interpretations.md
 * §4–§6, docs/business-days.md): around the clock with pauses and a clock change, business hours across a weekend
 * and the Christmas holidays, open incidents before and after their deadline, and every kind of invalid incident.
 */
import { describe, expect, test } from "vitest";
import { assessIncidents, profileOf, type Incident } from "../../../src/lib/attainment/index.ts";
import { serviceById } from "../../../src/data/index.ts";
import { q, wall } from "../sla/helpers.ts";

const AS_OF = q("2027-01-15 12:00");
const one = (incident: Incident, centre: "cau" | "csc" = "cau", asOf = AS_OF) => {
  const report = assessIncidents([incident], { centre, asOf });
  expect(report.invalid).toEqual([]);
  return report.incidents[0]!;
};

describe("the centres' levels come from the catalogue", () => {
  test.each(["cau", "csc"] as const)("%s: five restore levels with their rule, pauses, target share and severity name", (centre) => {
    const service = serviceById(centre);
    const profile = profileOf(centre);
    expect(profile.levels.map((l) => l.levelId)).toEqual([1, 2, 3, 4, 5].map((p) => `${centre}-restore-p${p}`));
    for (const level of profile.levels) {
      const published = service.serviceLevelTables!.flatMap((t) => t.levels).find((l) => l.id === level.levelId)!;
      expect(level.target).toBe(published.attainment);
      expect(level.pausable).toBe(published.pausable);
      expect(level.severity).toEqual(service.priorityMatrix![level.priority - 1]!.severity);
    }
    expect(profile.levels.map((l) => l.rule)).toEqual([
      { unit: "hours", amount: 3 },
      { unit: "hours", amount: 5 },
      { unit: "business-hours", amount: 10, amountUnit: "hours", window: { start: "08:30", end: "16:30" } },
      { unit: "business-hours", amount: 16, amountUnit: "hours", window: { start: "08:30", end: "16:30" } },
      { unit: "business-hours", amount: 40, amountUnit: "hours", window: { start: "08:30", end: "16:30" } },
    ]);
    expect(profile.levels.map((l) => l.target)).toEqual([85, 85, 80, 80, 80]);
  });
});

describe("hand-worked incidents", () => {
  test("P1 around the clock, a Saturday night, with a 2 h 30 pause: due 3 h + 2 h 30 after receipt", () => {
    // Received Saturday 14 November 2026 at 22:00; waiting on the user 23:00–01:30; 3 hours counted → 03:30.
    const base = { ref: "INC-1", priority: 1 as const, received: q("2026-11-14 22:00"), pauses: [{ from: q("2026-11-14 23:00"), to: q("2026-11-15 01:30") }] };
    const met = one({ ...base, restored: q("2026-11-15 03:20") });
    expect(wall(met.due)).toBe("2026-11-15 03:30");
    expect(met).toMatchObject({ levelId: "cau-restore-p1", met: true, outcome: "met" });
    expect(met.late).toBeUndefined();
    const missed = one({ ...base, restored: q("2026-11-15 03:45") });
    expect(missed).toMatchObject({ met: false, outcome: "missed", late: 15 * 60_000 });
    // Restored at the deadline itself: on time.
    expect(one({ ...base, restored: q("2026-11-15 03:30") }).met).toBe(true);
  });

  test("P1 with two overlapping pauses: they count once", () => {
    const incident = {
      ref: "INC-2", priority: 1 as const, received: q("2026-12-01 09:00"), restored: q("2026-12-01 13:30"),
      pauses: [{ from: q("2026-12-01 10:00"), to: q("2026-12-01 11:00") }, { from: q("2026-12-01 10:30"), to: q("2026-12-01 11:30") }],
    };
    // 3 h + 1 h 30 paused → 13:30: restored exactly at the deadline.
    expect(wall(one(incident, "csc").due)).toBe("2026-12-01 13:30");
    expect(one(incident, "csc").met).toBe(true);
  });

  test("P2 across the autumn clock change: 5 real hours (00:30 EDT → 04:30 EST)", () => {
    const incident = one({ ref: "INC-3", priority: 2, received: q("2026-11-01 00:30"), restored: q("2026-11-01 05:00") }, "csc");
    expect(incident.due.toISOString()).toBe("2026-11-01T09:30:00.000Z");
    expect(wall(incident.due)).toBe("2026-11-01 04:30");
    expect(incident).toMatchObject({ levelId: "csc-restore-p2", met: false, late: 30 * 60_000 });
  });

  test("P3 across the Christmas holidays: 1 h 30 on the 23rd, nothing from the 24th to the 28th, 8 h on the 29th, 30 min on the 30th", () => {
    const incident = one({ ref: "INC-4", priority: 3, received: q("2026-12-23 15:00"), restored: q("2026-12-30 09:15") });
    expect(wall(incident.due)).toBe("2026-12-30 09:00");
    expect(incident).toMatchObject({ levelId: "cau-restore-p3", met: false, late: 15 * 60_000 });
  });

  test("P4 across a weekend: 2 h on Friday, 8 h on Monday, 6 h on Tuesday", () => {
    const incident = one({ ref: "INC-5", priority: 4, received: q("2026-11-27 14:30"), restored: q("2026-12-01 14:00") }, "csc");
    expect(wall(incident.due)).toBe("2026-12-01 14:30");
    expect(incident.met).toBe(true);
  });

  test("P4 with a pause across the weekend: only the part inside business hours is left out", () => {
    // Waiting on the user from Friday 15:30 to Monday 10:30: 1 h on Friday and 2 h on Monday are not counted.
    const incident = one({
      ref: "INC-6", priority: 4, received: q("2026-11-27 14:30"), restored: q("2026-12-01 16:30"),
      pauses: [{ from: q("2026-11-27 15:30"), to: q("2026-11-30 10:30") }],
    }, "csc");
    // 1 h Friday, 6 h Monday (10:30–16:30) = 7 h; 8 h Tuesday = 15 h; 1 h Wednesday → 9:30.
    expect(wall(incident.due)).toBe("2026-12-02 09:30");
    expect(incident.met).toBe(true);
  });

  test("P5 over the Fête nationale: 40 h from Monday 22 June 08:30 ends at closing on Monday 29 June", () => {
    const incident = one({ ref: "INC-7", priority: 5, received: q("2026-06-22 08:30"), restored: q("2026-06-30 08:31") });
    expect(wall(incident.due)).toBe("2026-06-29 16:30");
    // 16:30 → 08:31 the next morning is 16 h 01 of real time late.
    expect(incident).toMatchObject({ met: false, late: (16 * 60 + 1) * 60_000 });
  });

  test("P3 received in the evening starts at the next opening", () => {
    const incident = one({ ref: "INC-8", priority: 3, received: q("2026-12-01 20:00"), restored: q("2026-12-03 10:00") }, "csc");
    // Wednesday 2: 8 h; Thursday 3: 2 h → 10:30.
    expect(wall(incident.due)).toBe("2026-12-03 10:30");
    expect(incident.met).toBe(true);
  });
});

describe("open incidents", () => {
  test("not yet due: open, met null, not in the share", () => {
    const asOf = q("2026-12-01 10:00");
    const report = assessIncidents([{ ref: "OPEN-1", priority: 1, received: q("2026-12-01 09:00") }], { centre: "cau", asOf });
    expect(report.incidents[0]).toMatchObject({ met: null, outcome: "open" });
    expect(report.incidents[0]!.late).toBeUndefined();
    expect(report.byPriority[1]).toEqual({ count: 1, met: 0, missed: 0, open: 1, share: null, target: 85, levelId: "cau-restore-p1", attained: null });
  });

  test("past due at the report's time: met null but counted as missed, late until the report", () => {
    const asOf = q("2026-12-01 13:00");
    const report = assessIncidents([{ ref: "OPEN-2", priority: 1, received: q("2026-12-01 09:00") }], { centre: "cau", asOf });
    expect(report.incidents[0]).toMatchObject({ met: null, outcome: "overdue", late: 60 * 60_000 });
    expect(report.byPriority[1]).toMatchObject({ count: 1, met: 0, missed: 1, open: 0, share: 0, attained: false });
  });

  test("a pause still running at the report's time is within [received, report]", () => {
    const asOf = q("2026-12-01 13:00");
    const report = assessIncidents(
      [{ ref: "OPEN-3", priority: 1, received: q("2026-12-01 09:00"), pauses: [{ from: q("2026-12-01 10:00"), to: asOf }] }],
      { centre: "cau", asOf },
    );
    expect(report.incidents[0]).toMatchObject({ outcome: "open" });
    expect(wall(report.incidents[0]!.due)).toBe("2026-12-01 15:00");
  });
});

describe("invalid incidents are reported with a reason and left out of the figures", () => {
  const good: Incident = { ref: "OK", priority: 1, received: q("2026-12-01 09:00"), restored: q("2026-12-01 10:00") };
  test.each<[string, Incident, string]>([
    ["restored before received", { ...good, restored: q("2026-12-01 08:00") }, "restored-before-received"],
    ["a pause before receipt", { ...good, pauses: [{ from: q("2026-12-01 08:00"), to: q("2026-12-01 09:30") }] }, "pause-outside"],
    ["a pause after restoration", { ...good, pauses: [{ from: q("2026-12-01 09:30"), to: q("2026-12-01 10:30") }] }, "pause-outside"],
    ["a pause that ends before it starts", { ...good, pauses: [{ from: q("2026-12-01 09:45"), to: q("2026-12-01 09:30") }] }, "pause-reversed"],
    ["an unknown priority", { ...good, priority: 6 as never }, "unknown-priority"],
    ["no reference", { ...good, ref: "  " }, "missing-ref"],
    ["an invalid receipt", { ...good, received: new Date(Number.NaN) }, "invalid-received"],
    ["an invalid restoration", { ...good, restored: new Date(Number.NaN) }, "invalid-restored"],
    ["received after the report", { ...good, received: q("2027-02-01 09:00"), restored: q("2027-02-01 10:00") }, "received-after-report"],
    ["a year the engine refuses", { ...good, received: new Date("1850-01-01T00:00:00Z"), restored: new Date("1850-01-01T01:00:00Z") }, "out-of-range"],
  ])("%s", (_, incident, reason) => {
    const report = assessIncidents([good, incident], { centre: "csc", asOf: AS_OF });
    expect(report.invalid).toEqual([{ index: 1, ref: incident.ref.trim(), reason }]);
    expect(report.incidents.map((i) => i.ref)).toEqual(["OK"]);
    expect(report.byPriority[1]).toMatchObject({ count: 1, met: 1, share: 1 });
  });
});

describe("figures per priority", () => {
  test("a month of CAU incidents: shares against 85 % and 80 %, compared exactly", () => {
    const incidents: Incident[] = [];
    // P1: 17 met and 3 missed out of 20 → exactly 85 %: attained.
    for (let i = 0; i < 20; i++) {
      incidents.push({ ref: `P1-${i}`, priority: 1, received: q("2026-11-02 09:00"), restored: q(i < 17 ? "2026-11-02 11:00" : "2026-11-02 12:30") });
    }
    // P3: 3 met, 1 missed, 1 open → 75 % < 80 %: not attained.
    for (let i = 0; i < 3; i++) incidents.push({ ref: `P3-${i}`, priority: 3, received: q("2026-11-02 09:00"), restored: q("2026-11-02 16:00") });
    incidents.push({ ref: "P3-late", priority: 3, received: q("2026-11-02 09:00"), restored: q("2026-11-04 09:00") });
    incidents.push({ ref: "P3-open", priority: 3, received: q("2026-11-30 16:00") });
    const report = assessIncidents(incidents, { centre: "cau", asOf: q("2026-11-30 17:00") });
    expect(report.byPriority[1]).toEqual({ count: 20, met: 17, missed: 3, open: 0, share: 0.85, target: 85, levelId: "cau-restore-p1", attained: true });
    expect(report.byPriority[3]).toEqual({ count: 5, met: 3, missed: 1, open: 1, share: 0.75, target: 80, levelId: "cau-restore-p3", attained: false });
    expect(report.byPriority[2]).toMatchObject({ count: 0, share: null, attained: null, target: 85 });
    expect(Object.keys(report.byPriority)).toEqual(["1", "2", "3", "4", "5"]);
  });

  test("asOf defaults to now", () => {
    const report = assessIncidents([{ ref: "X", priority: 1, received: new Date(Date.now() - 10 * 3_600_000) }], { centre: "cau" });
    expect(report.incidents[0]!.outcome).toBe("overdue");
  });
});
