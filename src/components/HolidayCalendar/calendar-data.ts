/**
 * What the holiday page and its .ics endpoints publish: the years (the current one and the next, at build time,
 * Québec time) and the path of each language's .ics file, next to the page (/fr/jours-feries.ics).
 */
import { routes } from "../../i18n/routes.ts";
import type { Lang } from "../../i18n/locales.ts";
import { parseOfficialTable, publicHolidays, quebecWallClock, type Holiday } from "../../lib/sla/index.ts";
import officialTable from "../../../content/catalogue/holidays.json" with { type: "json" };

// The official table is checked here at build time (the browser's copy of the engine does not carry the checker).
parseOfficialTable(officialTable);

/** The years published: the current year and the next, in Québec time. @example publishedYears(new Date("2026-06-01")) // [2026, 2027] */
export function publishedYears(now: Date = new Date()): [number, number] {
  const year = Number(quebecWallClock(now).date.slice(0, 4));
  return [year, year + 1];
}

/** The holidays of the published years, in date order. */
export function publishedHolidays(now?: Date): Holiday[] {
  return publishedYears(now).flatMap((y) => publicHolidays(y));
}

/** The .ics file of a language: the holiday page's path with ".ics" instead of its trailing slash. @example icsPath("fr") // "/fr/jours-feries.ics" */
export function icsPath(lang: Lang): string {
  return `${routes.holidays[lang].replace(/\/$/, "")}.ics`;
}
