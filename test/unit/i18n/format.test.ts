import { describe, expect, test } from "vitest";
import {
  formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, formatPhone, formatTime, formatTimeRange, telHref,
} from "../../../src/i18n/format.ts";

/** Compares texts whatever their kind of space; the no-break spaces are checked on their own below. */
const plain = (s: string) => s.replace(/\u00a0/g, " ");

test("French keeps a number and its unit together with no-break spaces", () => {
  expect((formatMoney(1500, "fr"))).toBe("15,00\u00a0$");
  expect((formatPercent(85, "fr"))).toBe("85\u00a0%");
  expect((formatTime("08:30", "fr"))).toBe("8\u00a0h\u00a030");
  expect((formatTime("08:30", "en"))).toBe("8:30\u00a0a.m.");
});

describe("formatMoney", () => {
  test.each([
    [1500, "fr", ("15,00 $")],
    [1500, "en", "$15.00"],
    [5610, "fr", ("56,10 $")],
    [561000, "fr", ("5 610,00 $")],
    [561000, "en", "$5,610.00"],
    [0, "en", "$0.00"],
  ] as const)("%i cents in %s is %s", (cents, lang, expected) => expect(plain(formatMoney(cents, lang))).toBe(expected));
  test("refuses fractional cents", () => expect(() => formatMoney(1.5, "fr")).toThrow(/integer cents/));
});

describe("formatPercent", () => {
  test.each([
    [99.999, "fr", 0, ("99,999 %")],
    [99.999, "en", 0, "99.999%"],
    [99.5, "fr", 2, ("99,50 %")],
    [85, "en", 0, "85%"],
  ] as const)("%d in %s", (value, lang, digits, expected) => expect(plain(formatPercent(value, lang, digits))).toBe(expected));
});

describe("formatTime and ranges", () => {
  test.each([
    ["08:30", "fr", ("8 h 30")],
    ["17:00", "fr", ("17 h")],
    ["00:00", "fr", ("0 h")],
    ["08:30", "en", ("8:30 a.m.")],
    ["12:00", "en", ("12:00 p.m.")],
    ["00:15", "en", ("12:15 a.m.")],
    ["17:00", "en", ("5:00 p.m.")],
  ] as const)("%s in %s is %s", (time, lang, expected) => expect(plain(formatTime(time, lang))).toBe(expected));
  test("range", () => {
    expect(plain(formatTimeRange("08:30", "17:00", "fr"))).toBe(("de 8 h 30 à 17 h"));
    expect(plain(formatTimeRange("08:30", "17:00", "en"))).toBe(("8:30 a.m. to 5:00 p.m."));
  });
  test.each(["8:30", "24:00", "12:60", ""])("rejects %j", (bad) =>
    expect(() => formatTime(bad, "fr")).toThrow(expect.objectContaining({ name: "SlaInputError", code: "invalid-time" })));
});

describe("dates", () => {
  test.each([
    ["2017-08-24", "fr", false, "24 août 2017"],
    ["2019-12-11", "en", false, "December 11, 2019"],
    ["2026-12-01", "fr", true, "mardi 1er décembre 2026"],
    ["2026-12-01", "en", true, "Tuesday, December 1, 2026"],
  ] as const)("%s in %s", (iso, lang, weekday, expected) => expect(plain(formatDate(iso, lang, { weekday }))).toBe(expected));
  test.each(["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1"])("rejects %s", (bad) =>
    expect(() => formatDate(bad, "fr")).toThrow(expect.objectContaining({ name: "SlaInputError", code: "invalid-date" })));
  test("instants are shown in Québec time, across DST", () => {
    expect(plain(formatDateTime(new Date("2026-12-01T14:00:00Z"), "fr"))).toBe(("le mardi 1er décembre 2026 à 9 h"));
    expect(plain(formatDateTime(new Date("2026-12-01T14:00:00Z"), "en"))).toBe(("Tuesday, December 1, 2026 at 9:00 a.m."));
    // 13:30 UTC is 09:30 in summer (EDT, UTC−4) and 08:30 in winter (EST, UTC−5).
    expect(plain(formatDateTime(new Date("2026-07-02T13:30:00Z"), "en"))).toBe(("Thursday, July 2, 2026 at 9:30 a.m."));
    expect(plain(formatDateTime(new Date("2026-11-02T13:30:00Z"), "fr"))).toBe(("le lundi 2 novembre 2026 à 8 h 30"));
  });
  test("invalid instant throws", () =>
    expect(() => formatDateTime(new Date("nope"), "fr")).toThrow(expect.objectContaining({ name: "SlaInputError", code: "invalid-instant" })));
});

describe("phones", () => {
  test.each([
    [{ e164: "+14186441500", extension: "2415" }, "fr", "418 644-1500, poste 2415"],
    [{ e164: "+14186441500", extension: "2415" }, "en", "418-644-1500, ext. 2415"],
    [{ e164: "+18556442777", vanity: "CSPQ" }, "fr", "1 855 644-CSPQ (2777)"],
    [{ e164: "+18552702728", vanity: "CSCV" }, "en", "1-855-270-CSCV (2728)"],
    [{ e164: "+18553302777" }, "fr", "1 855 330-2777"],
  ] as const)("%j in %s", (phone, lang, expected) => expect(plain(formatPhone(phone, lang))).toBe(expected));
  test("tel: links carry the extension", () => {
    expect(telHref({ e164: "+14186441500", extension: "2415" })).toBe("tel:+14186441500;ext=2415");
    expect(telHref({ e164: "+18556442777" })).toBe("tel:+18556442777");
  });
  test("rejects numbers that are not North American E.164", () => expect(() => formatPhone({ e164: "4186441500" }, "fr")).toThrow(RangeError));
});

test("formatNumber groups thousands per locale", () => {
  expect(plain(formatNumber(60000, "fr"))).toBe(("60 000"));
  expect(plain(formatNumber(60000, "en"))).toBe("60,000");
});
