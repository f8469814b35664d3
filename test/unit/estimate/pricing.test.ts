import { describe, expect, test } from "vitest";
import {
  computeEstimate, EstimateError, fiscalYearMonths, monthsBilledInFiscalYear, newLine, recordingSessionCents,
  type EstimateState, type LineInput,
} from "../../../src/lib/estimate/index.ts";
import { hourly, priceList, recording, subscription } from "./price-list.ts";

const state = (lines: LineInput[], startMonth = 4): EstimateState => ({ version: priceList.version, startMonth, lines });

test("the price list is the one of 24 August 2017, with the prices of the source", () => {
  // The worked totals below prove the arithmetic with these published amounts; they hold only for this list.
  expect(priceList.version).toBe("2017-08-24");
  expect(subscription("standard").monthlyCents).toBe(1500);
  expect(recording).toMatchObject({ firstHourCents: 8500, additionalBlockCents: 1500, blockMinutes: 30 });
  expect(hourly.map((h) => h.hourlyCents)).toEqual([9000, 9000, 9000]);
});

describe("an empty estimate costs nothing", () => {
  test.each([4, 10, 3])("starting in month %i", (startMonth) => {
    const e = computeEstimate(priceList, state([], startMonth));
    expect(e).toMatchObject({ lines: [], monthlyCents: 0, oneTimeCents: 0, firstMonthCents: 0, twelveMonthCents: 0 });
    expect(e.fiscalYear.totalCents).toBe(0);
  });
});

describe("one unit of each item", () => {
  test.each(priceList.subscriptions.map((s) => [s.id, s] as const))("subscription %s: its monthly price, its service fee once", (id, s) => {
    const e = computeEstimate(priceList, state([{ kind: "subscription", item: id, quantity: 1 }]));
    expect(e.monthlyCents).toBe(s.monthlyCents);
    expect(e.oneTimeCents).toBe(s.serviceFeeCents);
    expect(e.firstMonthCents).toBe(s.monthlyCents + s.serviceFeeCents);
    expect(e.twelveMonthCents).toBe(12 * s.monthlyCents + s.serviceFeeCents);
    expect(e.lines[0]).toMatchObject({ kind: "subscription", item: id, quantity: 1, unitCents: s.monthlyCents, name: s.name });
  });
  test("recording: one session of an hour is the first-hour price, with no service fee", () => {
    const e = computeEstimate(priceList, state([{ kind: "recording", item: recording.id, sessions: 1, minutes: 60 }]));
    expect(e.monthlyCents).toBe(recording.firstHourCents);
    expect(e.oneTimeCents).toBe(0);
  });
  test.each(hourly.map((h) => [h.id, h] as const))("hourly %s: one hour at the hourly rate, no service fee", (id, h) => {
    const e = computeEstimate(priceList, state([{ kind: "hourly", item: id, hours: 1 }]));
    expect(e.monthlyCents).toBe(h.hourlyCents);
    expect(e.oneTimeCents).toBe(0);
  });
});

describe("the maximum quantity, 10 000, stays exact in integer cents", () => {
  test("10 000 standard terminals: 150 000,00 $ a month and 1 000 000,00 $ of service fees", () => {
    const e = computeEstimate(priceList, state([{ kind: "subscription", item: "standard", quantity: 10_000 }]));
    expect(e.monthlyCents).toBe(15_000_000);
    expect(e.oneTimeCents).toBe(100_000_000);
    expect(e.twelveMonthCents).toBe(280_000_000);
  });
  test("every item at 10 000 (and recordings of 10 000 minutes) gives safe integers", () => {
    const lines: LineInput[] = [
      ...priceList.subscriptions.map((s) => ({ kind: "subscription" as const, item: s.id, quantity: 10_000 })),
      { kind: "recording", item: recording.id, sessions: 10_000, minutes: 10_000 },
      ...hourly.map((h) => ({ kind: "hourly" as const, item: h.id, hours: 10_000 })),
    ];
    const e = computeEstimate(priceList, state(lines));
    for (const total of [e.monthlyCents, e.oneTimeCents, e.twelveMonthCents, e.fiscalYear.totalCents]) {
      expect(Number.isSafeInteger(total)).toBe(true);
    }
    const perSession = recording.firstHourCents + Math.ceil((10_000 - 60) / recording.blockMinutes) * recording.additionalBlockCents;
    expect(e.lines.find((l) => l.kind === "recording")?.monthlyCents).toBe(10_000 * perSession);
  });
});

describe("recording: the first hour, then each additional 30 minutes started (docs/interpretations.md §13)", () => {
  test.each([
    // minutes, price of a session in cents (worked from 85,00 $ + n × 15,00 $)
    [0, 0], // nothing recorded, nothing billed
    [1, 8500], // shorter than an hour: the first hour is charged in full
    [30, 8500],
    [59, 8500],
    [60, 8500],
    [61, 10000], // a block started
    [90, 10000],
    [91, 11500],
    [120, 11500],
    [121, 13000],
  ])("a session of %i minutes costs %i cents", (minutes, cents) => {
    expect(recordingSessionCents(recording, minutes)).toBe(cents);
    const e = computeEstimate(priceList, state([{ kind: "recording", item: recording.id, sessions: 3, minutes }]));
    expect(e.lines[0]).toMatchObject({ quantity: 3, minutes, unitCents: cents, monthlyCents: 3 * cents });
  });
  test("no sessions cost nothing whatever their length", () => {
    expect(computeEstimate(priceList, state([{ kind: "recording", item: recording.id, sessions: 0, minutes: 500 }])).monthlyCents).toBe(0);
  });
});

describe("the fiscal year (1 April – 31 March) from the start month", () => {
  test("months in fiscal order", () => expect(fiscalYearMonths()).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]));
  test.each([
    [4, 12], [5, 11], [9, 7], [10, 6], [12, 4], [1, 3], [2, 2], [3, 1],
  ])("starting in month %i bills %i months", (startMonth, months) => expect(monthsBilledInFiscalYear(startMonth)).toBe(months));
  test.each([0, 13, 4.5, Number.NaN])("month %d is refused", (m) => expect(() => monthsBilledInFiscalYear(m)).toThrow(EstimateError));
  test("starting in April: the fiscal year equals the 12-month total", () => {
    const e = computeEstimate(priceList, state([{ kind: "subscription", item: "standard", quantity: 2 }], 4));
    expect(e.fiscalYear).toEqual({ startMonth: 4, months: 12, totalCents: e.twelveMonthCents });
  });
  test("starting in March: one month, and the one-time fees fall in it", () => {
    const e = computeEstimate(priceList, state([{ kind: "subscription", item: "standard", quantity: 2 }], 3));
    expect(e.fiscalYear).toEqual({ startMonth: 3, months: 1, totalCents: e.firstMonthCents });
    expect(e.fiscalYear.totalCents).toBe(23_000); // 2 × 15,00 $ + 2 × 100,00 $
  });
});

test("worked estimate: 10 standard, 2 HD, 4 recordings of 90 min, 3 h of training, from October", () => {
  const e = computeEstimate(priceList, state([
    { kind: "subscription", item: "standard", quantity: 10 },
    { kind: "subscription", item: "high-definition", quantity: 2 },
    { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
    { kind: "hourly", item: "training", hours: 3 },
  ], 10));
  expect(e.lines.map((l) => l.monthlyCents)).toEqual([15_000, 7_200, 40_000, 27_000]);
  expect(e.monthlyCents).toBe(89_200); // 892,00 $
  expect(e.oneTimeCents).toBe(120_000); // 12 units × 100,00 $
  expect(e.firstMonthCents).toBe(209_200);
  expect(e.twelveMonthCents).toBe(1_190_400);
  expect(e.fiscalYear).toEqual({ startMonth: 10, months: 6, totalCents: 655_200 });
  expect(e.version).toBe(priceList.version);
});

describe("a state that cannot be priced is refused whole, with a typed error", () => {
  test.each([
    ["unknownItem", [{ kind: "subscription", item: "teleportation", quantity: 1 }]],
    ["kindMismatch", [{ kind: "hourly", item: "standard", hours: 1 }]],
    ["kindMismatch", [{ kind: "subscription", item: "recording", quantity: 1 }]],
    ["invalidNumber", [{ kind: "subscription", item: "standard", quantity: 10_001 }]],
    ["invalidNumber", [{ kind: "subscription", item: "standard", quantity: -1 }]],
    ["invalidNumber", [{ kind: "subscription", item: "standard", quantity: 1.5 }]],
    ["invalidNumber", [{ kind: "recording", item: "recording", sessions: 1, minutes: Number.NaN }]],
    ["invalidNumber", [{ kind: "hourly", item: "training", hours: Infinity }]],
    ["duplicateItem", [{ kind: "hourly", item: "training", hours: 1 }, { kind: "hourly", item: "training", hours: 2 }]],
  ] as [string, LineInput[]][])("%s", (code, lines) => {
    let error: unknown;
    try {
      computeEstimate(priceList, state(lines));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EstimateError);
    expect((error as EstimateError).code).toBe(code);
  });
});

describe("newLine gives a line of the item's kind", () => {
  test.each([
    ["standard", { kind: "subscription", item: "standard", quantity: 1 }],
    ["recording", { kind: "recording", item: "recording", sessions: 1, minutes: 60 }],
    ["training", { kind: "hourly", item: "training", hours: 1 }],
  ])("%s", (item, line) => expect(newLine(priceList, item)).toEqual(line));
  test("unknown item", () => expect(() => newLine(priceList, "nope")).toThrow(/not in the price list/));
});
