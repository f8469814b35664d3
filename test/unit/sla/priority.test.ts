import { describe, expect, test } from "vitest";
import { levelById, serviceById } from "../../../src/data/catalogue.ts";
import { restoreLevelId, SCOPES, suggestPriority, type Scope } from "../../../src/lib/sla/index.ts";

describe("suggestPriority: the documented decision table, all 16 combinations", () => {
  test.each([
    ["organisation", true, false, 1],
    ["organisation", true, true, 2],
    ["organisation", false, false, 3],
    ["organisation", false, true, 4],
    ["site", true, false, 2],
    ["site", true, true, 3],
    ["site", false, false, 3],
    ["site", false, true, 4],
    ["group", true, false, 3],
    ["group", true, true, 4],
    ["group", false, false, 3],
    ["group", false, true, 4],
    ["few", true, false, 3],
    ["few", true, true, 4],
    ["few", false, false, 5],
    ["few", false, true, 5],
  ] as Array<[Scope, boolean, boolean, number]>)("%s, mission %s, workaround %s → P%i", (scope, mission, workaround, expected) => {
    expect(suggestPriority({ scope, mission, workaround })).toBe(expected);
  });

  test("a wider scope never gives a lower priority (a higher number), other answers equal", () => {
    for (const mission of [true, false]) {
      for (const workaround of [true, false]) {
        const ranks = SCOPES.map((scope) => suggestPriority({ scope, mission, workaround }));
        for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] as number);
      }
    }
  });
  test("a workaround never raises the priority; an affected mission never lowers it", () => {
    for (const scope of SCOPES) {
      for (const flag of [true, false]) {
        expect(suggestPriority({ scope, mission: flag, workaround: true })).toBeGreaterThanOrEqual(suggestPriority({ scope, mission: flag, workaround: false }));
        expect(suggestPriority({ scope, mission: true, workaround: flag })).toBeLessThanOrEqual(suggestPriority({ scope, mission: false, workaround: flag }));
      }
    }
  });
});

describe("each priority has its centre's restore level and severity", () => {
  test.each(["cau", "csc"] as const)("%s", (centre) => {
    const matrix = serviceById(centre).priorityMatrix;
    expect(matrix?.map((p) => p.priority)).toEqual([1, 2, 3, 4, 5]);
    for (const priority of [1, 2, 3, 4, 5] as const) {
      const ref = levelById(restoreLevelId(centre, priority));
      expect(ref, restoreLevelId(centre, priority)).toBeDefined();
      expect(ref?.level.pausable).toBe(true);
    }
  });
  test("the two centres name P2–P5 differently (docs/interpretations.md §16)", () => {
    const names = (c: "cau" | "csc") => serviceById(c).priorityMatrix!.map((p) => p.severity.fr);
    expect(names("cau")[0]).toBe(names("csc")[0]);
    for (let i = 1; i < 5; i++) expect(names("cau")[i]).not.toBe(names("csc")[i]);
  });
});
