import { describe, expect, test } from "vitest";
import { formatLevelTarget, formatTarget, isComputable } from "../../../src/components/ServiceLevelTable/target.ts";
import { formatHours } from "../../../src/components/ContactCard/hours.ts";
import { allServiceLevels } from "../../../src/data/catalogue.ts";

const NBSP = "\u00a0";
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("service-level targets in words", () => {
  test("availability: 99,999 % mensuel / 99.999% monthly; two decimals kept (99,50 %)", () => {
    expect(formatTarget({ kind: "availability", percent: 99.999, period: "month" }, "fr")).toBe(`99,999${NBSP}% mensuel`);
    expect(formatTarget({ kind: "availability", percent: 99.999, period: "month" }, "en")).toBe("99.999% monthly");
    expect(formatTarget({ kind: "availability", percent: 99.5, period: "month" }, "fr")).toBe(`99,50${NBSP}% mensuel`);
  });
  test("business hours in the source's words, without the interpretation window", () => {
    const target = { kind: "business-hours", amount: 4, unit: "hours", window: { start: "08:00", end: "17:00" }, printedAs: "business-hours" } as const;
    expect(plain(formatTarget(target, "fr"))).toBe("4 heures ouvrables");
    expect(plain(formatTarget(target, "en"))).toBe("4 business hours");
    expect(plain(formatTarget({ ...target, amount: 1 }, "fr"))).toBe("1 heure ouvrable");
    // The help desks print « 10 heures », their window being condition d.
    expect(plain(formatTarget({ ...target, amount: 10, printedAs: "duration" }, "fr"))).toBe("10 heures");
    expect(plain(formatTarget({ ...target, amount: 120, unit: "minutes" }, "fr"))).toBe("120 minutes");
  });
  test("seconds « et moins »", () => {
    const target = { kind: "business-hours", amount: 40, unit: "seconds", window: { start: "07:30", end: "17:00" }, orLess: true, printedAs: "business-hours" } as const;
    expect(plain(formatTarget(target, "fr"))).toBe("40 secondes et moins");
    expect(plain(formatTarget(target, "en"))).toBe("40 seconds or less");
  });
  test("no table shows a time window the sources do not print", () => {
    for (const { level } of allServiceLevels()) {
      // Times read « 8 h 30 » (no-break space before « h ») or "8:30 a.m.".
      for (const lang of ["fr", "en"] as const) expect(formatLevelTarget(level, lang)).not.toMatch(/\d\u00a0h\b|a\.m\.|p\.m\./);
    }
  });
  test("days, ranges, agreement, share, elapsed", () => {
    expect(formatTarget({ kind: "business-days", amount: 5, countedFrom: "request" }, "fr")).toBe("5 jours ouvrables");
    expect(formatTarget({ kind: "business-days", amount: 1, countedFrom: "request" }, "en")).toBe("1 business day");
    expect(formatTarget({ kind: "business-days-range", min: 10, max: 20 }, "fr")).toBe("10 à 20 jours ouvrables");
    expect(formatTarget({ kind: "business-days-range", min: 10, max: 20 }, "en")).toBe("10 to 20 business days");
    expect(formatTarget({ kind: "calendar-days", amount: 22 }, "fr")).toBe("22 jours");
    expect(formatTarget({ kind: "by-agreement" }, "fr")).toBe("Entente commune");
    expect(formatTarget({ kind: "by-agreement" }, "en")).toBe("By agreement");
    expect(formatTarget({ kind: "share", percent: 65 }, "fr")).toBe(`65${NBSP}% des incidents résolus`);
    expect(formatTarget({ kind: "elapsed", amount: 3, unit: "hours" }, "en")).toBe("3 hours");
    expect(formatTarget({ kind: "elapsed", amount: 120, unit: "minutes" }, "fr")).toBe("120 minutes");
  });
  test("the share of cases follows the target", () => {
    const level = { target: { kind: "elapsed", amount: 3, unit: "hours" }, attainment: 85 } as const;
    expect(formatLevelTarget(level, "fr")).toBe(`3 heures dans 85${NBSP}% des cas`);
    expect(formatLevelTarget(level, "en")).toBe("3 hours in 85% of cases");
  });
  test("only agreement and share targets have no computable due date", () => {
    expect(isComputable({ kind: "by-agreement" })).toBe(false);
    expect(isComputable({ kind: "share", percent: 65 })).toBe(false);
    expect(isComputable({ kind: "calendar-days", amount: 3 })).toBe(true);
  });
  test("every level of the catalogue has a non-empty text in both languages, with no unreplaced placeholder", () => {
    for (const { level } of allServiceLevels()) {
      for (const lang of ["fr", "en"] as const) {
        const text = formatLevelTarget(level, lang);
        expect(text).not.toMatch(/[{}]|undefined|NaN/);
        expect(text.length).toBeGreaterThan(3);
      }
    }
  });
  test("opening hours", () => {
    expect(plain(formatHours({ days: "weekdays", window: { start: "08:30", end: "17:00" } }, "fr"))).toBe("du lundi au vendredi, de 8 h 30 à 17 h");
    expect(plain(formatHours({ days: "weekdays", window: { start: "08:30", end: "17:00" } }, "en"))).toBe("Monday to Friday, 8:30 a.m. to 5:00 p.m.");
    expect(formatHours({ days: "always" }, "en")).toBe("24 hours a day, 7 days a week");
  });
});
