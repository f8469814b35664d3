import { describe, expect, test } from "vitest";
import { clockChanges, quebecInstant, quebecOffset, quebecWallClock, SlaInputError } from "../../../src/lib/sla/index.ts";
import { quebecDayStart } from "../../../src/lib/sla/quebec-time.ts";

describe("Québec time from Intl (America/Toronto)", () => {
  test.each([
    ["2026-01-15T12:00:00Z", -300],
    ["2026-07-01T12:00:00Z", -240],
    ["2026-03-08T06:59:59.999Z", -300],
    ["2026-03-08T07:00:00Z", -240],
    ["2026-11-01T05:59:59.999Z", -240],
    ["2026-11-01T06:00:00Z", -300],
    ["2027-01-01T00:00:00Z", -300],
  ])("offset at %s is %i minutes", (iso, minutes) => expect(quebecOffset(Date.parse(iso)) / 60_000).toBe(minutes));

  test("the two changes of 2026: 8 March and 1 November at 02:00", () => {
    expect(clockChanges(2026)).toEqual([
      { at: new Date("2026-03-08T07:00:00Z"), offsetBefore: -18_000_000, offsetAfter: -14_400_000 },
      { at: new Date("2026-11-01T06:00:00Z"), offsetBefore: -14_400_000, offsetAfter: -18_000_000 },
    ]);
  });

  test.each([
    ["2026-12-01", "09:00", "2026-12-01T14:00:00.000Z"],
    ["2026-07-01", "09:00", "2026-07-01T13:00:00.000Z"],
    ["2026-03-08", "01:59", "2026-03-08T06:59:00.000Z"],
    ["2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"], // skipped by the spring change: 03:30 EDT
    ["2026-03-08", "03:00", "2026-03-08T07:00:00.000Z"],
    ["2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"], // repeated: the first (EDT)
    ["2026-11-01", "02:00", "2026-11-01T07:00:00.000Z"],
    ["2026-12-31", "23:59", "2027-01-01T04:59:00.000Z"],
  ])("quebecInstant(%s, %s) is %s", (date, time, iso) => expect(quebecInstant(date, time).toISOString()).toBe(iso));

  test.each([
    ["2026-12-01T14:00:00Z", { date: "2026-12-01", time: "09:00" }],
    ["2027-01-01T04:59:00Z", { date: "2026-12-31", time: "23:59" }],
    ["2026-11-01T06:30:00Z", { date: "2026-11-01", time: "01:30" }],
  ])("quebecWallClock(%s)", (iso, expected) => expect(quebecWallClock(new Date(iso))).toEqual(expected));

  test("wall clock and instant round-trip every 15 minutes over both 2026 changes", () => {
    for (const start of [Date.parse("2026-03-07T00:00:00Z"), Date.parse("2026-10-31T00:00:00Z")]) {
      for (let ms = start; ms < start + 2 * 86_400_000; ms += 15 * 60_000) {
        const { date, time } = quebecWallClock(new Date(ms));
        const back = quebecInstant(date, time).getTime();
        // Only the repeated hour of November maps back to its first occurrence.
        expect(back === ms || back === ms - 3_600_000, new Date(ms).toISOString()).toBe(true);
      }
    }
  });

  test.each([
    ["2026-12-01", "9:00", "invalid-time"],
    ["2026-12-01", "24:00", "invalid-time"],
    ["2026-12-32", "09:00", "invalid-date"],
    ["01/12/2026", "09:00", "invalid-date"],
  ])("refuses %s %s", (date, time, code) => {
    expect(() => quebecInstant(date, time)).toThrow(SlaInputError);
    expect(() => quebecInstant(date, time)).toThrow(expect.objectContaining({ code }));
  });
  test("refuses an invalid Date", () => expect(() => quebecWallClock(new Date("nope"))).toThrow(expect.objectContaining({ code: "invalid-instant" })));
});

describe("quebecDayStart: 00:00 in Québec, EST or EDT", () => {
  test.each([
    ["2026-01-15", "2026-01-15T05:00:00.000Z"],
    ["2026-07-01", "2026-07-01T04:00:00.000Z"],
    // The days of the clock changes start before the change.
    ["2026-03-08", "2026-03-08T05:00:00.000Z"],
    ["2026-11-01", "2026-11-01T04:00:00.000Z"],
  ])("%s → %s", (date, expected) => expect(quebecDayStart(date).toISOString()).toBe(expected));
});
