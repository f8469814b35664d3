import { describe, expect, test } from "vitest";
import { escapeText, foldLine, holidaysIcs, publicHolidays } from "../../../src/lib/sla/index.ts";
import { icsPath, publishedYears } from "../../../src/components/HolidayCalendar/calendar-data.ts";

const ics = (lang: "fr" | "en") => holidaysIcs([...publicHolidays(2026), ...publicHolidays(2027)], { calendarName: "Jours fériés", lang, uidHost: "example.org" });

describe("holidaysIcs (RFC 5545)", () => {
  test("one all-day VEVENT per holiday, in a VCALENDAR, CRLF line endings", () => {
    const text = ics("fr");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(26);
    expect(text.match(/END:VEVENT/g)).toHaveLength(26);
    expect(text).toContain("BEGIN:VEVENT\r\nUID:20261228-boxing-day@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20261229\r\nSUMMARY:Lendemain de Noël\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
  });
  test("SUMMARY in the file's language; UIDs are unique", () => {
    expect(ics("en")).toContain("SUMMARY:Boxing Day\r\n");
    const uids = ics("en").match(/^UID:.*$/gm) ?? [];
    expect(new Set(uids).size).toBe(26);
  });
  test("the same data gives the same bytes (fixed DTSTAMP)", () => expect(ics("fr")).toBe(ics("fr")));
  test("no line is longer than 75 octets", () => {
    const long = holidaysIcs(publicHolidays(2026), { calendarName: "Jours fériés et chômés de la fonction publique du Québec, année complète — é".repeat(2), lang: "fr", uidHost: "example.org" });
    for (const line of long.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe("folding and escaping", () => {
  test("folds at 75 octets with CRLF and a space, never inside a character", () => {
    const folded = foldLine(`SUMMARY:${"é".repeat(60)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(2);
    expect(new TextEncoder().encode(lines[0]).length).toBeLessThanOrEqual(75);
    expect(lines[1]!.startsWith(" ")).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`SUMMARY:${"é".repeat(60)}`);
  });
  test("a short line is not folded", () => expect(foldLine("VERSION:2.0")).toBe("VERSION:2.0"));
  test.each([["a,b", "a\\,b"], ["a;b", "a\\;b"], ["a\\b", "a\\\\b"], ["a\nb", "a\\nb"]])("escapes %j", (raw, escaped) => expect(escapeText(raw)).toBe(escaped));
});

describe("the published calendar", () => {
  test("the current year and the next, in Québec time", () => {
    expect(publishedYears(new Date("2026-06-01T12:00:00Z"))).toEqual([2026, 2027]);
    expect(publishedYears(new Date("2027-01-01T03:00:00Z"))).toEqual([2026, 2027]); // still 31 December in Québec
  });
  test("the .ics files sit next to the holiday pages", () => {
    expect(icsPath("fr")).toBe("/fr/jours-feries.ics");
    expect(icsPath("en")).toBe("/en/public-holidays.ics");
  });
});
