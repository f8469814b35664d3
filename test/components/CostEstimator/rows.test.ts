import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { readRows, rowOf, type Row } from "../../../src/components/CostEstimator/rows.ts";
import { translator, type EstimateStrings } from "../../../src/components/CostEstimator/strings.ts";
import { MAX_QUANTITY, type LineInput } from "../../../src/lib/estimate/index.ts";
import { pickStrings, useTranslations } from "../../../src/i18n/index.ts";

describe("readRows: typed text to an estimate state", () => {
  test("valid rows give the state, in order", () => {
    const rows: Row[] = [
      { key: 1, kind: "subscription", item: "standard", text: { quantity: " 10 " } },
      { key: 2, kind: "recording", item: "recording", text: { sessions: "4", minutes: "90" } },
      { key: 5, kind: "hourly", item: "training", text: { hours: "3" } },
    ];
    expect(readRows(rows, "2017-08-24", 10)).toEqual({
      state: {
        version: "2017-08-24", startMonth: 10, lines: [
          { kind: "subscription", item: "standard", quantity: 10 },
          { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
          { kind: "hourly", item: "training", hours: 3 },
        ],
      },
      errors: {},
      lines: [
        { kind: "subscription", item: "standard", quantity: 10 },
        { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
        { kind: "hourly", item: "training", hours: 3 },
      ],
    });
  });
  test("one wrong field: no state, the error keyed by row and field, the other rows still read", () => {
    const rows: Row[] = [
      { key: 1, kind: "subscription", item: "standard", text: { quantity: "2" } },
      { key: 2, kind: "recording", item: "recording", text: { sessions: "4", minutes: "1,5" } },
    ];
    const read = readRows(rows, "2017-08-24", 4);
    expect(read.state).toBeNull();
    expect(read.errors).toEqual({ "2-minutes": "notWhole" });
    expect(read.lines).toEqual([{ kind: "subscription", item: "standard", quantity: 2 }, null]);
  });
  test("property: rowOf then readRows gives back the line", () => {
    const n = fc.integer({ min: 0, max: MAX_QUANTITY });
    const line: fc.Arbitrary<LineInput> = fc.oneof(
      n.map((quantity) => ({ kind: "subscription" as const, item: "standard", quantity })),
      fc.tuple(n, n).map(([sessions, minutes]) => ({ kind: "recording" as const, item: "recording", sessions, minutes })),
      n.map((hours) => ({ kind: "hourly" as const, item: "training", hours })),
    );
    fc.assert(fc.property(line, (l) => {
      expect(readRows([rowOf(l, 1)], "2017-08-24", 4).state?.lines).toEqual([l]);
    }));
  });
});

describe("translator: the island's strings", () => {
  test("gives the same texts as the site's translation function", () => {
    for (const lang of ["fr", "en"] as const) {
      const t = translator(pickStrings(lang, "estimate."), lang);
      const site = useTranslations(lang);
      expect(t("estimate.removeLabel", { service: "X" })).toBe(site("estimate.removeLabel", { service: "X" }));
      for (const count of [1, 2, 12]) expect(t.plural("estimate.monthCount", count)).toBe(site.plural("estimate.monthCount", count));
    }
  });
  test("a missing string or placeholder is an error, never shown", () => {
    const t = translator({} as EstimateStrings, "fr"); // a page that forgot to pass the strings
    expect(() => t("estimate.remove")).toThrow(/Missing interface string "estimate.remove"/);
    const u = translator(pickStrings("fr", "estimate."), "fr");
    expect(() => u("estimate.removeLabel")).toThrow(/Missing value for \{service\}/);
  });
});
