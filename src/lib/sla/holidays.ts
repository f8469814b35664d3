/**
 * The public-service holidays of Québec (docs/business-days.md) and business days (docs/interpretations.md §1).
 * Each year's 13 dates are computed from the rules, unless an official table lists that year: then its
 * dates replace the computation for the whole year (content/catalogue/holidays.json).
 */
import { checkYear, civilFromDays, daysFromCivil, isoOfDays, parseIsoDay, weekdayOf } from "./civil.ts";
import { easterSunday } from "./easter.ts";
import { SlaInputError } from "./errors.ts";
import { HOLIDAY_IDS, HOLIDAY_NAMES, isHolidayId, type HolidayId } from "./holiday-names.ts";
import officialTableJson from "../../../content/catalogue/holidays.json" with { type: "json" };

export interface Holiday {
  id: HolidayId;
  /** The day off, "YYYY-MM-DD". */
  date: string;
  /** The date the holiday commemorates; differs from `date` when a weekend moved it. */
  baseDate: string;
  name: { fr: string; en: string };
  /** "computed" from docs/business-days.md's rules, or "official" from the per-year table. */
  source: "computed" | "official";
}

/** The per-year table of official dates: year → the year's holidays (content/catalogue/holidays.json). */
export type OfficialHolidayTable = Record<string, Array<{ date: string; holiday: HolidayId }>>;

const SAT = 6;
const SUN = 0;
const MON = 1;

/** Moves a day off the weekend to the next weekday that is after `notBefore` (exclusive bound when given). */
function nextWeekdayAfter(day: number, occupied?: number): number {
  let d = occupied !== undefined && day <= occupied ? occupied + 1 : day;
  while (weekdayOf(d) === SAT || weekdayOf(d) === SUN) d++;
  return d;
}

/** Saturday → the Friday before; Sunday → the Friday before (docs/business-days.md: 24 and 31 December). */
function previousFriday(day: number): number {
  const w = weekdayOf(day);
  return w === SAT ? day - 1 : w === SUN ? day - 2 : day;
}

/** Saturday → Friday before; Sunday → Monday after (24 June, 1 July). */
function nearestWeekday(day: number): number {
  const w = weekdayOf(day);
  return w === SAT ? day - 1 : w === SUN ? day + 1 : day;
}

/** The n-th Monday (1-based) of a month. */
function nthMonday(year: number, month: number, n: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((MON - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/**
 * The 13 holidays of a year computed from docs/business-days.md's rules, in date order.
 * @example computeHolidays(2028).map((h) => h.date.slice(5)) // ["01-03", "01-04", "04-14", …, "12-29"]
 */
export function computeHolidays(year: number): Holiday[] {
  checkYear(year);
  const easter = easterSunday(year);
  const easterDay = daysFromCivil(year, easter.month, easter.day);
  const base = (m: number, d: number) => daysFromCivil(year, m, d);

  const newYear = nextWeekdayAfter(base(1, 1));
  const dayAfterNewYear = nextWeekdayAfter(base(1, 2), newYear);
  const christmas = nextWeekdayAfter(base(12, 25));
  const boxingDay = nextWeekdayAfter(base(12, 26), christmas);
  const may24 = base(5, 24);
  const patriots = may24 - ((weekdayOf(may24) - MON + 7) % 7);

  const list: Array<[HolidayId, number, number]> = [
    ["new-years-day", newYear, base(1, 1)],
    ["day-after-new-years-day", dayAfterNewYear, base(1, 2)],
    ["good-friday", easterDay - 2, easterDay - 2],
    ["easter-monday", easterDay + 1, easterDay + 1],
    ["patriots-day", patriots, patriots],
    ["national-holiday", nearestWeekday(base(6, 24)), base(6, 24)],
    ["canada-day", nearestWeekday(base(7, 1)), base(7, 1)],
    ["labour-day", nthMonday(year, 9, 1), nthMonday(year, 9, 1)],
    ["thanksgiving", nthMonday(year, 10, 2), nthMonday(year, 10, 2)],
    ["christmas-eve", previousFriday(base(12, 24)), base(12, 24)],
    ["christmas-day", christmas, base(12, 25)],
    ["boxing-day", boxingDay, base(12, 26)],
    ["new-years-eve", previousFriday(base(12, 31)), base(12, 31)],
  ];
  return list
    .map(([id, day, baseDay]) => ({ id, date: isoOfDays(day), baseDate: isoOfDays(baseDay), name: HOLIDAY_NAMES[id], source: "computed" as const }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Checks an official table (the content of content/catalogue/holidays.json, or a table given to
 * createHolidayCalendar): { years: { "2030": [{ date, holiday }] } }.
 * @throws SlaInputError "invalid-holiday-table", naming the year and entry at fault
 * @example parseOfficialTable({ years: {} }) // {}
 */
export function parseOfficialTable(input: unknown): OfficialHolidayTable {
  const fail = (where: string, why: string): never => {
    throw new SlaInputError("invalid-holiday-table", `holidays table: ${where}: ${why}`);
  };
  if (typeof input !== "object" || input === null) fail("(root)", "must be an object with a \"years\" object");
  const years = (input as { years?: unknown }).years;
  if (typeof years !== "object" || years === null || Array.isArray(years)) fail("years", "must be an object keyed by year");
  const table: OfficialHolidayTable = {};
  for (const [yearKey, entries] of Object.entries(years as Record<string, unknown>)) {
    if (!/^\d{4}$/.test(yearKey)) fail(`years.${yearKey}`, "the key must be a four-digit year");
    if (!Array.isArray(entries) || entries.length === 0) fail(`years.${yearKey}`, "must be a non-empty list of { date, holiday }");
    const dates = new Set<string>();
    const ids = new Set<string>();
    (entries as unknown[]).forEach((entry, i) => {
      const where = `years.${yearKey}[${i}]`;
      const { date, holiday } = (entry ?? {}) as { date?: unknown; holiday?: unknown };
      if (!isHolidayId(holiday)) fail(`${where}.holiday`, `must be one of ${HOLIDAY_IDS.join(", ")}`);
      try {
        parseIsoDay(date as string);
      } catch {
        fail(`${where}.date`, `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
      }
      if (!(date as string).startsWith(`${yearKey}-`)) fail(`${where}.date`, `must fall in ${yearKey}`);
      if (dates.has(date as string)) fail(`${where}.date`, `${date as string} is listed twice`);
      if (ids.has(holiday as string)) fail(`${where}.holiday`, `${holiday as string} is listed twice`);
      dates.add(date as string);
      ids.add(holiday as string);
    });
    table[yearKey] = (entries as Array<{ date: string; holiday: HolidayId }>).map(({ date, holiday }) => ({ date, holiday }));
  }
  return table;
}

/** A calendar of holidays and business days: the computed rules, overridden year by year by an official table. */
export interface HolidayCalendar {
  /** The year's holidays in date order. */
  publicHolidays(year: number): Holiday[];
  /** The holiday on a day number, if any. */
  holidayOnDay(day: number): Holiday | undefined;
  /** Monday to Friday and not a holiday (day number). */
  isBusinessDayNumber(day: number): boolean;
  /** Monday to Friday and not a holiday ("YYYY-MM-DD"). */
  isBusinessDay(date: string): boolean;
}

/**
 * A holiday calendar; `officialTable` (same shape as content/catalogue/holidays.json) replaces the
 * computed dates of each year it lists.
 * @example createHolidayCalendar({ years: { "2026": [{ date: "2026-01-01", holiday: "new-years-day" }] } }).publicHolidays(2026).length // 1
 */
export function createHolidayCalendar(officialTable: unknown = { years: {} }): HolidayCalendar {
  return calendarOf(parseOfficialTable(officialTable));
}

/** A calendar over a table already checked by parseOfficialTable. */
function calendarOf(table: OfficialHolidayTable): HolidayCalendar {
  const byYear = new Map<number, { list: Holiday[]; byDay: Map<number, Holiday> }>();
  const yearData = (year: number) => {
    let data = byYear.get(year);
    if (!data) {
      checkYear(year);
      const official = table[String(year)];
      const list = official
        ? official
            .map(({ date, holiday }) => ({ id: holiday, date, baseDate: date, name: HOLIDAY_NAMES[holiday], source: "official" as const }))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        : computeHolidays(year);
      data = { list, byDay: new Map(list.map((h) => [parseIsoDay(h.date), h])) };
      byYear.set(year, data);
    }
    return data;
  };
  const holidayOnDay = (day: number) => yearData(civilFromDays(day).year).byDay.get(day);
  const isBusinessDayNumber = (day: number) => {
    const w = weekdayOf(day);
    return w !== SAT && w !== SUN && holidayOnDay(day) === undefined;
  };
  return {
    publicHolidays: (year) => yearData(year).list.map((h) => ({ ...h })),
    holidayOnDay,
    isBusinessDayNumber,
    isBusinessDay: (date) => isBusinessDayNumber(parseIsoDay(date)),
  };
}

/**
 * The site's calendar: the rules, overridden by content/catalogue/holidays.json. The file is checked by
 * parseOfficialTable in the tests and at build time (the holiday page), so the browser does not carry the checker.
 */
export const quebecCalendar: HolidayCalendar = calendarOf((officialTableJson as unknown as { years: OfficialHolidayTable }).years);

/**
 * The 13 public-service holidays of a year, in date order (the official table's dates when it lists the year).
 * @throws SlaInputError "out-of-range" for a year outside 1900–2199
 * @example publicHolidays(2026)[0] // { id: "new-years-day", date: "2026-01-01", baseDate: "2026-01-01", name: { fr: "Jour de l'An", en: "New Year's Day" }, source: "computed" }
 */
export function publicHolidays(year: number): Holiday[] {
  return quebecCalendar.publicHolidays(year);
}

/**
 * Monday to Friday and not a public-service holiday (docs/interpretations.md §1).
 * @throws SlaInputError "invalid-date" for anything but a real date YYYY-MM-DD
 * @example isBusinessDay("2026-12-28") // false (Boxing Day, moved from Saturday 26)
 * @example isBusinessDay("2026-12-29") // true
 */
export function isBusinessDay(date: string): boolean {
  return quebecCalendar.isBusinessDay(date);
}
