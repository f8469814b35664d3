import { describe, expect, test } from "vitest";
import { dueDate, SlaInputError, type SlaRule, type Step } from "../../../src/lib/sla/index.ts";
import { CALLS, HELP_DESK_P3, MOBILITY, q, TELEPHONY, wall } from "./helpers.ts";

const bd = (amount: number): SlaRule => ({ unit: "business-days", amount });
const cd = (amount: number): SlaRule => ({ unit: "calendar-days", amount });
const bh = (amount: number, window: { start: string; end: string }, amountUnit?: "seconds" | "minutes" | "hours"): SlaRule =>
  amountUnit ? { unit: "business-hours", amount, amountUnit, window } : { unit: "business-hours", amount, window };
const hours = (amount: number): SlaRule => ({ unit: "hours", amount });

const kinds = (steps: Step[]) => steps.map((s) => s.kind);

describe("business days (docs/interpretations.md §2): from 00:00 of the next business day, due at the end of the N-th", () => {
  test.each([
    ["Tuesday morning, 1 day", "2026-12-01 09:00", 1, "2026-12-03 00:00"],
    ["Tuesday 23:59, 1 day", "2026-12-01 23:59", 1, "2026-12-03 00:00"],
    ["Wednesday 00:00, 1 day", "2026-12-02 00:00", 1, "2026-12-04 00:00"],
    ["Thursday, 1 day: due at 00:00 Saturday, the end of Friday", "2026-12-03 10:00", 1, "2026-12-05 00:00"],
    ["Friday, 1 day: the weekend is skipped", "2026-11-27 15:00", 1, "2026-12-01 00:00"],
    ["Saturday, 1 day", "2026-11-28 10:00", 1, "2026-12-01 00:00"],
    ["Sunday, 1 day", "2026-11-29 10:00", 1, "2026-12-01 00:00"],
    ["on Labour Day (a holiday), 1 day", "2026-09-07 10:00", 1, "2026-09-09 00:00"],
    ["before Good Friday and Easter Monday", "2026-04-02 10:00", 1, "2026-04-08 00:00"],
    ["before Patriots' Day", "2026-05-15 10:00", 1, "2026-05-20 00:00"],
    ["before Fête nationale (Wednesday)", "2026-06-23 10:00", 1, "2026-06-26 00:00"],
    ["before Canada Day (Wednesday)", "2026-06-30 10:00", 1, "2026-07-03 00:00"],
    ["before Thanksgiving", "2026-10-09 10:00", 1, "2026-10-14 00:00"],
    ["across the year end, 3 days", "2026-12-23 15:00", 3, "2027-01-06 00:00"],
    ["2028: Friday 23 June is the substituted Fête nationale", "2028-06-22 10:00", 1, "2028-06-27 00:00"],
    ["2028: Friday 30 June is the substituted Canada Day", "2028-06-29 10:00", 1, "2028-07-04 00:00"],
    ["2027: 2 January substituted to Monday 4", "2026-12-31 12:00", 1, "2027-01-06 00:00"],
    ["2022: 25 December on Sunday → Monday 26, Boxing Day → Tuesday 27", "2022-12-22 12:00", 1, "2022-12-29 00:00"],
    ["March DST change inside the count", "2026-03-06 10:00", 1, "2026-03-10 00:00"],
    ["November DST change inside the count", "2026-10-30 10:00", 1, "2026-11-03 00:00"],
    ["20 days (PRI activation): holidays at year end skipped", "2026-12-01 09:00", 20, "2027-01-07 00:00"],
  ])("%s", (_, received, amount, expected) => expect(wall(dueDate(bd(amount), q(received)).due)).toBe(expected));

  test("a deadline at 00:00 is a real instant in EST or EDT", () => {
    expect(dueDate(bd(1), q("2026-03-06 10:00")).due.toISOString()).toBe("2026-03-10T04:00:00.000Z");
    expect(dueDate(bd(1), q("2026-10-30 10:00")).due.toISOString()).toBe("2026-11-03T05:00:00.000Z");
  });

  test("the working names each holiday and groups each weekend", () => {
    const { steps } = dueDate(bd(3), q("2026-12-23 15:00"));
    expect(steps).toEqual([
      { kind: "received", at: q("2026-12-23 15:00"), date: "2026-12-23", day: "business" },
      { kind: "skip-holiday", date: "2026-12-24", id: "christmas-eve", name: { fr: "Veille de Noël", en: "Christmas Eve" } },
      { kind: "skip-holiday", date: "2026-12-25", id: "christmas-day", name: { fr: "Noël", en: "Christmas Day" } },
      { kind: "skip-weekend", from: "2026-12-26", to: "2026-12-27" },
      { kind: "skip-holiday", date: "2026-12-28", id: "boxing-day", name: { fr: "Lendemain de Noël", en: "Boxing Day" } },
      { kind: "start", at: q("2026-12-29 00:00"), reason: "next-business-day" },
      { kind: "count-day", date: "2026-12-29", index: 1, total: 3 },
      { kind: "count-day", date: "2026-12-30", index: 2, total: 3 },
      { kind: "skip-holiday", date: "2026-12-31", id: "new-years-eve", name: { fr: "Veille du jour de l'An", en: "New Year's Eve" } },
      { kind: "skip-holiday", date: "2027-01-01", id: "new-years-day", name: { fr: "Jour de l'An", en: "New Year's Day" } },
      { kind: "skip-weekend", from: "2027-01-02", to: "2027-01-03" },
      { kind: "skip-holiday", date: "2027-01-04", id: "day-after-new-years-day", name: { fr: "Lendemain du jour de l'An", en: "Day after New Year's Day" } },
      { kind: "count-day", date: "2027-01-05", index: 3, total: 3 },
      { kind: "due", at: q("2027-01-06 00:00"), lastCountedDate: "2027-01-05" },
    ]);
  });

  test("a request received on a holiday says so", () => {
    const [received] = dueDate(bd(1), q("2026-09-07 10:00")).steps;
    expect(received).toEqual({
      kind: "received", at: q("2026-09-07 10:00"), date: "2026-09-07", day: "holiday",
      holiday: { id: "labour-day", name: { fr: "Fête du Travail", en: "Labour Day" } },
    });
  });
});

describe("calendar days (§3): every day counts, from the day after receipt", () => {
  test.each([
    ["4 days from a Tuesday", "2026-12-01 09:00", 4, "2026-12-06 00:00"],
    ["3 days across the year end and New Year's Day", "2026-12-30 16:00", 3, "2027-01-03 00:00"],
    ["1 day across the March change", "2026-03-07 12:00", 1, "2026-03-09 00:00"],
    ["1 day across the November change", "2026-10-31 12:00", 1, "2026-11-02 00:00"],
    ["22 days", "2026-12-01 09:00", 22, "2026-12-24 00:00"],
    ["32 days from a Saturday", "2026-12-05 09:00", 32, "2027-01-07 00:00"],
  ])("%s", (_, received, amount, expected) => expect(wall(dueDate(cd(amount), q(received)).due)).toBe(expected));

  test("no day is skipped", () => {
    const { steps } = dueDate(cd(3), q("2026-12-24 10:00"));
    expect(kinds(steps)).toEqual(["received", "start", "count-day", "count-day", "count-day", "due"]);
    expect(steps[1]).toEqual({ kind: "start", at: q("2026-12-25 00:00"), reason: "next-day" });
  });
});

describe("business hours (§4): inside the window on business days", () => {
  test.each([
    ["P3 10 h from Tuesday 09:00", 10, HELP_DESK_P3, "2026-12-01 09:00", "2026-12-02 11:00"],
    ["before the window: starts at 08:30", 10, HELP_DESK_P3, "2026-12-01 07:00", "2026-12-02 10:30"],
    ["after the window: starts next morning", 10, HELP_DESK_P3, "2026-12-01 17:00", "2026-12-03 10:30"],
    ["received exactly at closing time: starts next morning", 10, HELP_DESK_P3, "2026-12-01 16:30", "2026-12-03 10:30"],
    ["received exactly at opening time", 8, HELP_DESK_P3, "2026-12-01 08:30", "2026-12-01 16:30"],
    ["a count ending exactly at closing time is due then, not next morning", 16, HELP_DESK_P3, "2026-12-01 08:30", "2026-12-02 16:30"],
    ["ending at closing time after starting mid-day", 8, HELP_DESK_P3, "2026-12-01 12:30", "2026-12-02 12:30"],
    ["P5 40 h: five full windows", 40, HELP_DESK_P3, "2026-12-01 08:30", "2026-12-07 16:30"],
    ["received on a Saturday", 4, MOBILITY, "2026-12-05 11:00", "2026-12-07 12:00"],
    ["Friday afternoon into Monday", 4, MOBILITY, "2026-12-04 15:30", "2026-12-07 10:30"],
    ["received on Christmas Eve: holidays and weekend skipped", 16, HELP_DESK_P3, "2026-12-24 10:00", "2026-12-30 16:30"],
    ["24 h in 9-hour windows", 24, MOBILITY, "2026-12-01 08:00", "2026-12-03 14:00"],
    ["March DST change: windows stay at 08:30 wall clock", 10, HELP_DESK_P3, "2026-03-06 15:00", "2026-03-10 09:00"],
    ["November DST change: windows stay at 08:30 wall clock", 10, HELP_DESK_P3, "2026-10-30 15:00", "2026-11-03 09:00"],
    ["year end: 31 Dec, 1 and 4 Jan are holidays in 2026–2027", 8, HELP_DESK_P3, "2026-12-30 12:30", "2027-01-05 12:30"],
    ["fractional amount: 1.5 h", 1.5, HELP_DESK_P3, "2026-12-01 16:00", "2026-12-02 09:30"],
  ])("%s", (_, amount, window, received, expected) => expect(wall(dueDate(bh(amount, window), q(received)).due)).toBe(expected));

  test("« 120 minutes » in the telephony window 07:00–18:00", () => {
    expect(wall(dueDate(bh(120, TELEPHONY, "minutes"), q("2026-12-01 17:00")).due)).toBe("2026-12-02 08:00");
    expect(wall(dueDate(bh(120, TELEPHONY, "minutes"), q("2026-12-01 16:00")).due)).toBe("2026-12-01 18:00");
  });

  test("« 40 secondes » in the call-answering window 07:30–17:00", () => {
    expect(dueDate(bh(40, CALLS, "seconds"), q("2026-12-01 10:00")).due.toISOString()).toBe("2026-12-01T15:00:40.000Z");
    const lateCall = new Date(q("2026-12-04 17:00").getTime() - 10_000); // Friday 16:59:50
    expect(dueDate(bh(40, CALLS, "seconds"), lateCall).due.toISOString()).toBe(new Date(q("2026-12-07 07:30").getTime() + 30_000).toISOString());
  });

  test("the working: start at the next opening, one step per day, the weekend skipped", () => {
    const { steps } = dueDate(bh(10, HELP_DESK_P3), q("2026-12-04 17:00"));
    expect(steps).toEqual([
      { kind: "received", at: q("2026-12-04 17:00"), date: "2026-12-04", day: "business" },
      { kind: "skip-weekend", from: "2026-12-05", to: "2026-12-06" },
      { kind: "start", at: q("2026-12-07 08:30"), reason: "next-window" },
      { kind: "count-window", date: "2026-12-07", from: q("2026-12-07 08:30"), to: q("2026-12-07 16:30"), countedMs: 8 * 3_600_000, totalMs: 8 * 3_600_000, windowEnd: q("2026-12-07 16:30") },
      { kind: "count-window", date: "2026-12-08", from: q("2026-12-08 08:30"), to: q("2026-12-08 10:30"), countedMs: 2 * 3_600_000, totalMs: 10 * 3_600_000, windowEnd: q("2026-12-08 16:30") },
      { kind: "due", at: q("2026-12-08 10:30") },
    ]);
  });

  test("received inside the window: counting starts at receipt", () => {
    const { steps } = dueDate(bh(1, HELP_DESK_P3), q("2026-12-01 09:00"));
    expect(steps[1]).toEqual({ kind: "start", at: q("2026-12-01 09:00"), reason: "at-receipt" });
  });
});

describe("around the clock (§5): elapsed real time", () => {
  test.each([
    ["P1 3 h on a Tuesday", "2026-12-01 09:00", 3, "2026-12-01T17:00:00.000Z"],
    ["P2 5 h overnight into Saturday", "2026-12-04 22:00", 5, "2026-12-05T08:00:00.000Z"],
    ["on Christmas Day", "2026-12-25 10:00", 3, "2026-12-25T18:00:00.000Z"],
    ["across the November change: 00:30 EDT + 3 h = 02:30 EST", "2026-11-01 00:30", 3, "2026-11-01T07:30:00.000Z"],
    ["across the March change: 00:30 EST + 3 h = 04:30 EDT", "2026-03-08 00:30", 3, "2026-03-08T08:30:00.000Z"],
    ["across the year end", "2026-12-31 22:00", 5, "2027-01-01T08:00:00.000Z"],
  ])("%s", (_, received, amount, iso) => expect(dueDate(hours(amount), q(received)).due.toISOString()).toBe(iso));

  test("the November change: 3 real hours show as 2 on the wall clock, and the working says why", () => {
    const { due, steps } = dueDate(hours(3), q("2026-11-01 00:30"));
    expect(wall(due)).toBe("2026-11-01 02:30");
    expect(steps.find((s) => s.kind === "clock-change")).toEqual({
      kind: "clock-change", at: new Date("2026-11-01T06:00:00Z"), offsetBeforeMinutes: -240, offsetAfterMinutes: -300,
    });
  });
  test("the March change: 3 real hours show as 4 on the wall clock", () => {
    expect(wall(dueDate(hours(3), q("2026-03-08 00:30")).due)).toBe("2026-03-08 04:30");
  });
  test("minutes and seconds", () => {
    expect(dueDate({ unit: "minutes", amount: 90 }, q("2026-12-01 09:00")).due.toISOString()).toBe("2026-12-01T15:30:00.000Z");
    expect(dueDate({ unit: "seconds", amount: 40 }, q("2026-12-01 09:00")).due.toISOString()).toBe("2026-12-01T14:00:40.000Z");
  });
});

describe("pauses (§6)", () => {
  const p = (from: string, to: string) => ({ from: q(from), to: q(to) });
  test.each([
    ["one pause inside the count", hours(3), [p("2026-12-01 10:00", "2026-12-01 11:00")], "2026-12-01 13:00"],
    ["overlapping pauses count once", hours(3), [p("2026-12-01 10:00", "2026-12-01 11:00"), p("2026-12-01 10:30", "2026-12-01 11:30")], "2026-12-01 13:30"],
    ["unsorted pauses", hours(3), [p("2026-12-01 10:30", "2026-12-01 11:30"), p("2026-12-01 10:00", "2026-12-01 11:00")], "2026-12-01 13:30"],
    ["touching pauses", hours(3), [p("2026-12-01 10:00", "2026-12-01 11:00"), p("2026-12-01 11:00", "2026-12-01 12:00")], "2026-12-01 14:00"],
    ["a pause covering the receipt", hours(3), [p("2026-12-01 08:00", "2026-12-01 10:00")], "2026-12-01 13:00"],
    ["a pause before receipt changes nothing", hours(3), [p("2026-12-01 07:00", "2026-12-01 08:00")], "2026-12-01 12:00"],
    ["a pause after the deadline changes nothing", hours(3), [p("2026-12-01 13:00", "2026-12-01 14:00")], "2026-12-01 12:00"],
    ["an empty pause changes nothing", hours(3), [p("2026-12-01 10:00", "2026-12-01 10:00")], "2026-12-01 12:00"],
    ["a pause outside the window changes nothing", bh(10, HELP_DESK_P3), [p("2026-12-01 17:00", "2026-12-02 08:00")], "2026-12-02 11:00"],
    ["a pause on a weekend changes nothing", bh(10, HELP_DESK_P3), [p("2026-12-05 09:00", "2026-12-06 12:00")], "2026-12-02 11:00"],
    ["a pause spanning days counts only window time", bh(10, HELP_DESK_P3), [p("2026-12-01 15:00", "2026-12-02 10:00")], "2026-12-02 14:00"],
    ["a pause up to closing time", bh(10, HELP_DESK_P3), [p("2026-12-01 15:00", "2026-12-01 16:30")], "2026-12-02 12:30"],
    ["the count reaches its target exactly as a pause starts", bh(10, HELP_DESK_P3), [p("2026-12-02 11:00", "2026-12-02 12:00")], "2026-12-02 11:00"],
  ])("%s", (_, rule, pauses, expected) => expect(wall(dueDate(rule, q("2026-12-01 09:00"), { pauses }).due)).toBe(expected));

  test("each merged pause reports the counting time it removed", () => {
    const { steps } = dueDate(bh(10, HELP_DESK_P3), q("2026-12-01 09:00"), {
      pauses: [p("2026-12-01 15:00", "2026-12-02 10:00"), p("2026-12-05 09:00", "2026-12-05 10:00"), p("2026-12-01 14:00", "2026-12-01 15:30")],
    });
    const pauses = steps.filter((s) => s.kind === "pause");
    expect(pauses).toEqual([
      { kind: "pause", from: q("2026-12-01 14:00"), to: q("2026-12-02 10:00"), excludedMs: 4 * 3_600_000, merged: 2 },
      { kind: "pause", from: q("2026-12-05 09:00"), to: q("2026-12-05 10:00"), excludedMs: 0, merged: 1 },
    ]);
    expect(wall(dueDate(bh(10, HELP_DESK_P3), q("2026-12-01 09:00"), { pauses: [p("2026-12-01 14:00", "2026-12-02 10:00")] }).due)).toBe("2026-12-02 15:00");
  });

  test("steps are in time order, the deadline after what it counts", () => {
    const { steps } = dueDate(hours(3), q("2026-12-01 09:00"), { pauses: [p("2026-12-01 10:00", "2026-12-01 11:00")] });
    expect(kinds(steps)).toEqual(["received", "start", "count-elapsed", "pause", "count-elapsed", "due"]);
  });
});

describe("invalid input throws an SlaInputError with a code, never a wrong date", () => {
  const ok = q("2026-12-01 09:00");
  test.each([
    ["an invalid Date", bd(1), new Date(Number.NaN), {}, "invalid-instant"],
    ["a string instead of a Date", bd(1), "2026-12-01" as unknown as Date, {}, "invalid-instant"],
    ["a year before 1900", bd(1), new Date("1850-01-01T12:00:00Z"), {}, "out-of-range"],
    ["amount 0", bd(0), ok, {}, "invalid-amount"],
    ["a negative amount", hours(-1), ok, {}, "invalid-amount"],
    ["NaN", hours(Number.NaN), ok, {}, "invalid-amount"],
    ["Infinity", bh(Number.POSITIVE_INFINITY, HELP_DESK_P3), ok, {}, "invalid-amount"],
    ["a fractional day count", bd(1.5), ok, {}, "invalid-amount"],
    ["too many days", cd(100_000), ok, {}, "invalid-amount"],
    ["a window that ends when it starts", bh(1, { start: "08:30", end: "08:30" }), ok, {}, "invalid-window"],
    ["a window that ends before it starts", bh(1, { start: "17:00", end: "08:00" }), ok, {}, "invalid-window"],
    ["a malformed start 8:30", bh(1, { start: "8:30", end: "16:30" }), ok, {}, "invalid-time"],
    ["an end of 24:00", bh(1, { start: "08:30", end: "24:00" }), ok, {}, "invalid-time"],
    ["minutes 60", bh(1, { start: "08:60", end: "16:30" }), ok, {}, "invalid-time"],
    ["no window", { unit: "business-hours", amount: 1 } as unknown as SlaRule, ok, {}, "invalid-window"],
    ["an unknown amount unit", { unit: "business-hours", amount: 1, amountUnit: "days", window: HELP_DESK_P3 } as unknown as SlaRule, ok, {}, "invalid-rule"],
    ["an unknown unit", { unit: "weeks", amount: 1 } as unknown as SlaRule, ok, {}, "invalid-rule"],
    ["a pause that ends before it starts", hours(3), ok, { pauses: [{ from: q("2026-12-01 11:00"), to: q("2026-12-01 10:00") }] }, "invalid-pause"],
    ["a pause with an invalid Date", hours(3), ok, { pauses: [{ from: new Date("x"), to: q("2026-12-01 10:00") }] }, "invalid-instant"],
    ["pauses that are not a list", hours(3), ok, { pauses: {} as unknown as [] }, "invalid-pause"],
    ["pauses on a business-day count", bd(1), ok, { pauses: [{ from: q("2026-12-01 10:00"), to: q("2026-12-01 11:00") }] }, "pauses-not-supported"],
  ] as const)("%s → %s", (_, rule, received, options, code) => {
    let thrown: unknown;
    try {
      dueDate(rule as SlaRule, received as Date, options as Parameters<typeof dueDate>[2]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SlaInputError);
    expect((thrown as SlaInputError).code).toBe(code);
    expect((thrown as SlaInputError).message.length).toBeGreaterThan(10);
  });
});
