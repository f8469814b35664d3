import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, isCalendarDate, parseIsoDay, isoOfDays } from "../../../src/lib/sla/civil.ts";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

describe("isCalendarDate: the one check of a calendar date YYYY-MM-DD", () => {
  test.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2000-02-29", true],
    ["2026-12-31", true],
    ["2026-02-30", false],
    ["2026-02-29", false],
    ["2100-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-1-1", false],
    ["26-01-01", false],
    ["2026-01-01T00:00", false],
    [" 2026-01-01", false],
    ["1899-12-31", false],
    ["2200-01-01", false],
    ["", false],
    [undefined, false],
    [20260101, false],
  ])("%j → %s", (text, expected) => expect(isCalendarDate(text)).toBe(expected));

  test("agrees with the proleptic Gregorian calendar for every year, month and day number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const probe = new Date(Date.UTC(y, m - 1, d));
        const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
        expect(isCalendarDate(`${y}-${pad(m)}-${pad(d)}`)).toBe(real);
      }),
    );
  });
});

describe("addDays", () => {
  test.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-03-07", 2, "2026-03-09"],
    ["2026-01-15", 0, "2026-01-15"],
  ])("%s + %d → %s", (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  test("refuses an impossible date instead of rolling it over", () =>
    expect(() => addDays("2026-02-30", 1)).toThrow(expect.objectContaining({ code: "invalid-date" })));

  test("adding then subtracting gives the date back; day numbers and ISO text agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: parseIsoDay("1901-01-01"), max: parseIsoDay("2198-12-31") }), fc.integer({ min: -300, max: 300 }), (day, n) => {
        const iso = isoOfDays(day);
        expect(addDays(addDays(iso, n), -n)).toBe(iso);
        expect(parseIsoDay(addDays(iso, n))).toBe(day + n);
      }),
    );
  });
});
