import { describe, expect, test } from "vitest";
import {
  computeHolidays, createHolidayCalendar, easterSunday, HOLIDAY_IDS, isBusinessDay, parseOfficialTable, publicHolidays, SlaInputError,
} from "../../../src/lib/sla/index.ts";
import officialJson from "../../../content/catalogue/holidays.json" with { type: "json" };

const mmdd = (year: number) => publicHolidays(year).map((h) => h.date.slice(5));

describe("the 13 public-service holidays (docs/business-days.md)", () => {
  test("2026 matches the worked example exactly", () => {
    expect(mmdd(2026)).toEqual(["01-01", "01-02", "04-03", "04-06", "05-18", "06-24", "07-01", "09-07", "10-12", "12-24", "12-25", "12-28", "12-31"]);
  });
  test("2028 matches the worked example exactly", () => {
    expect(mmdd(2028)).toEqual(["01-03", "01-04", "04-14", "04-17", "05-22", "06-23", "06-30", "09-04", "10-09", "12-22", "12-25", "12-26", "12-29"]);
  });
  test.each([
    // 1 Jan on Saturday, 2 Jan on Sunday; 25 Dec on Sunday, 26 Dec on Monday; 24 and 31 Dec on Saturday
    [2022, ["01-03", "01-04", "04-15", "04-18", "05-23", "06-24", "07-01", "09-05", "10-10", "12-23", "12-26", "12-27", "12-30"]],
    // 1 Jan on Sunday → Monday 2, so 2 Jan → Tuesday 3; 24 Jun and 1 Jul on Saturday; 24 and 31 Dec on Sunday
    [2023, ["01-02", "01-03", "04-07", "04-10", "05-22", "06-23", "06-30", "09-04", "10-09", "12-22", "12-25", "12-26", "12-29"]],
    // 2 Jan on Saturday → Monday 4; 25 Dec on Saturday → Monday 27, 26 Dec on Sunday → Tuesday 28
    [2027, ["01-01", "01-04", "03-26", "03-29", "05-24", "06-24", "07-01", "09-06", "10-11", "12-24", "12-27", "12-28", "12-31"]],
    // 24 Jun and 1 Jul on Sunday → Monday 25 and Monday 2
    [2029, ["01-01", "01-02", "03-30", "04-02", "05-21", "06-25", "07-02", "09-03", "10-08", "12-24", "12-25", "12-26", "12-31"]],
  ] as const)("%i (weekend substitutions)", (year, expected) => expect(mmdd(year)).toEqual(expected));

  test("every year has 13 distinct weekdays, in date order, each a different holiday", () => {
    for (let year = 1990; year <= 2060; year++) {
      const list = publicHolidays(year);
      expect(list).toHaveLength(13);
      expect(new Set(list.map((h) => h.date)).size).toBe(13);
      expect(list.map((h) => h.id).sort()).toEqual([...HOLIDAY_IDS].sort());
      expect([...list.map((h) => h.date)].sort()).toEqual(list.map((h) => h.date));
      for (const h of list) {
        const weekday = new Date(`${h.date}T12:00:00Z`).getUTCDay();
        expect(weekday, `${h.date} ${h.id}`).toBeGreaterThanOrEqual(1);
        expect(weekday, `${h.date} ${h.id}`).toBeLessThanOrEqual(5);
      }
    }
  });

  test("names are given in French and English", () => {
    const [first] = publicHolidays(2026);
    expect(first).toEqual({ id: "new-years-day", date: "2026-01-01", baseDate: "2026-01-01", name: { fr: "Jour de l'An", en: "New Year's Day" }, source: "computed" });
    expect(publicHolidays(2026).find((h) => h.id === "boxing-day")).toMatchObject({ date: "2026-12-28", baseDate: "2026-12-26", name: { fr: "Lendemain de Noël" } });
  });

  test("Patriots' Day is always the Monday from 18 to 24 May", () => {
    for (let year = 2000; year <= 2040; year++) {
      const date = publicHolidays(year).find((h) => h.id === "patriots-day")!.date;
      const day = Number(date.slice(8));
      expect(date.slice(5, 7)).toBe("05");
      expect(day).toBeGreaterThanOrEqual(18);
      expect(day).toBeLessThanOrEqual(24);
    }
  });

  test("the result is a copy: changing it does not change the calendar", () => {
    const list = publicHolidays(2026);
    (list[0] as { date: string }).date = "2026-01-05";
    expect(publicHolidays(2026)[0]!.date).toBe("2026-01-01");
  });
});

describe("easterSunday (Gregorian computus)", () => {
  test.each([
    [2026, 4, 5], [2027, 3, 28], [2028, 4, 16], [2019, 4, 21], [2038, 4, 25], [2008, 3, 23], [2011, 4, 24], [2000, 4, 23], [1943, 4, 25],
  ])("%i → %i-%i", (year, month, day) => expect(easterSunday(year)).toEqual({ month, day }));
  test("refuses a year outside 1900–2199", () => expect(() => easterSunday(1582)).toThrow(SlaInputError));
});

describe("isBusinessDay", () => {
  test.each([
    ["2026-12-01", true, "a Tuesday"],
    ["2026-12-05", false, "a Saturday"],
    ["2026-12-06", false, "a Sunday"],
    ["2026-12-28", false, "Boxing Day moved from Saturday 26"],
    ["2026-12-29", true, "the Tuesday after"],
    ["2026-12-26", false, "Saturday (the holiday's base date)"],
    ["2028-06-23", false, "Fête nationale moved from Saturday 24"],
    ["2028-06-26", true, "the Monday after"],
    ["2026-11-11", true, "Remembrance Day is not a holiday here"],
    ["2026-09-30", true, "Truth and Reconciliation day is not a holiday here"],
    ["2026-08-03", true, "no August civic holiday"],
    ["2028-02-29", true, "a leap day"],
  ] as Array<[string, boolean, string]>)("%s → %s (%s)", (date, expected) => expect(isBusinessDay(date)).toBe(expected));

  test("every holiday of 2026 to 2030 is not a business day", () => {
    for (let year = 2026; year <= 2030; year++) for (const h of publicHolidays(year)) expect(isBusinessDay(h.date), h.date).toBe(false);
  });

  test.each(["2026-02-30", "2026-13-01", "2026-2-3", "", "2026-12-01T00:00", "1899-12-31", "2200-01-01", 20260101 as unknown as string])(
    "refuses %j",
    (bad) => {
      expect(() => isBusinessDay(bad)).toThrow(SlaInputError);
      try {
        isBusinessDay(bad);
      } catch (e) {
        expect(["invalid-date", "out-of-range"]).toContain((e as SlaInputError).code);
      }
    },
  );
});

describe("the official per-year table overrides the computation", () => {
  const injected = {
    years: {
      "2026": [
        { date: "2026-01-01", holiday: "new-years-day" },
        { date: "2026-01-05", holiday: "day-after-new-years-day" },
      ],
    },
  };
  const calendar = createHolidayCalendar(injected);

  test("a listed year uses the table's dates only", () => {
    expect(calendar.publicHolidays(2026).map((h) => [h.date, h.id, h.source])).toEqual([
      ["2026-01-01", "new-years-day", "official"],
      ["2026-01-05", "day-after-new-years-day", "official"],
    ]);
    expect(calendar.isBusinessDay("2026-01-02")).toBe(true);
    expect(calendar.isBusinessDay("2026-01-05")).toBe(false);
    expect(calendar.isBusinessDay("2026-12-25")).toBe(true);
  });
  test("other years are still computed", () => expect(calendar.publicHolidays(2027)).toEqual(computeHolidays(2027)));
  test("the site's table starts empty, so the site's calendar is the computed one", () => {
    expect(parseOfficialTable(officialJson)).toEqual({});
    expect(publicHolidays(2026)).toEqual(computeHolidays(2026));
  });
  test.each([
    [null, /root/],
    [{}, /years/],
    [{ years: [] }, /years/],
    [{ years: { "26": [{ date: "2026-01-01", holiday: "new-years-day" }] } }, /four-digit/],
    [{ years: { "2026": [] } }, /non-empty/],
    [{ years: { "2026": [{ date: "2026-01-01", holiday: "jour-de-l-an" }] } }, /holiday: must be one of/],
    [{ years: { "2026": [{ date: "2026-02-30", holiday: "new-years-day" }] } }, /calendar date/],
    [{ years: { "2026": [{ date: "2027-01-01", holiday: "new-years-day" }] } }, /must fall in 2026/],
    [{ years: { "2026": [{ date: "2026-01-01", holiday: "new-years-day" }, { date: "2026-01-01", holiday: "day-after-new-years-day" }] } }, /listed twice/],
    [{ years: { "2026": [{ date: "2026-01-01", holiday: "new-years-day" }, { date: "2026-01-02", holiday: "new-years-day" }] } }, /listed twice/],
  ])("refuses a malformed table %#", (table, message) => {
    expect(() => createHolidayCalendar(table)).toThrow(message);
    expect(() => createHolidayCalendar(table)).toThrow(expect.objectContaining({ code: "invalid-holiday-table" }));
  });
});
