/**
 * An iCalendar file (RFC 5545) of public holidays: one all-day VEVENT per holiday, CRLF line endings,
 * lines folded at 75 octets, a DTSTAMP fixed by the data (so that a rebuild gives the same bytes).
 */
import { addDays } from "./civil.ts";
import type { Holiday } from "./holidays.ts";

/** Escapes a TEXT value (RFC 5545 §3.3.11). @example escapeText("a,b;c") // "a\\,b\\;c" */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/**
 * Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space.
 * @example foldLine("SUMMARY:" + "x".repeat(80)) // "SUMMARY:xxx…(67 x)\r\n xxxxxxxxxxxxx"
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry a leading space
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const compact = (date: string) => date.replace(/-/g, "");

export interface IcsOptions {
  /** Calendar name (X-WR-CALNAME) in the file's language. */
  calendarName: string;
  lang: "fr" | "en";
  /** Host used in each UID, e.g. "services.example.gouv.qc.ca". */
  uidHost: string;
}

/**
 * The iCalendar text of a list of holidays, SUMMARY in `lang`.
 * @example holidaysIcs(publicHolidays(2026), { calendarName: "Jours fériés", lang: "fr", uidHost: "example.org" })
 * // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…BEGIN:VEVENT\r\nUID:20260101-new-years-day@example.org\r\n…END:VCALENDAR\r\n"
 */
export function holidaysIcs(holidays: readonly Holiday[], { calendarName, lang, uidHost }: IcsOptions): string {
  const sorted = [...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0]?.date.slice(0, 4) ?? "2000";
  const stamp = `${first}0101T000000Z`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Gouvernement du Quebec//Offre de services TI//${lang.toUpperCase()}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    "X-WR-TIMEZONE:America/Toronto",
  ];
  for (const h of sorted) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${compact(h.date)}-${h.id}@${uidHost}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(h.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(h.date, 1))}`,
      `SUMMARY:${escapeText(h.name[lang])}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
