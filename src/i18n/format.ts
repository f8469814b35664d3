/**
 * Locale formatting of numbers, money, percentages, dates, times and phone numbers.
 * Pure functions; every one takes the page language. French follows the Québec
 * conventions of the Office québécois de la langue française (15,00 $; 99,999 %; 8 h 30),
 * English the Canadian ones ($15.00; 99.999%; 8:30 a.m.).
 * Calendar dates and Québec time are read by src/lib/sla/civil.ts and quebec-time.ts (the one home of both): a
 * date that is not a real "YYYY-MM-DD", or a time that is not "HH:MM", throws their SlaInputError ("invalid-date",
 * "invalid-time").
 */
import { civilFromDays, parseClock, parseIsoDay, weekdayOf } from "../lib/sla/civil.ts";
import { quebecWallClock } from "../lib/sla/quebec-time.ts";
import { localeTag, type Lang } from "./locales.ts";

/** No-break space, used between a number and its unit in French. */
export const NBSP = "\u00a0";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeTag[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Intl uses a narrow no-break space in French; the site uses the ordinary no-break space everywhere. */
function normaliseSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, NBSP);
}

/**
 * A plain number in the locale.
 * @example formatNumber(60000, "fr") // "60 000"
 * @example formatNumber(60000, "en") // "60,000"
 */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 3): string {
  return normaliseSpaces(numberFormat(lang, { maximumFractionDigits }).format(value));
}

/**
 * An amount of money given in integer cents of Canadian dollars.
 * @example formatMoney(1500, "fr") // "15,00 $"
 * @example formatMoney(1500, "en") // "$15.00"
 */
export function formatMoney(cents: number, lang: Lang): string {
  if (!Number.isInteger(cents)) throw new RangeError(`formatMoney expects integer cents, got ${cents}`);
  return normaliseSpaces(
    numberFormat(lang, { style: "currency", currency: "CAD", currencyDisplay: "narrowSymbol" }).format(cents / 100),
  );
}

/**
 * A percentage given as a number of percent (85 means 85 %).
 * @example formatPercent(99.999, "fr") // "99,999 %"
 * @example formatPercent(99.5, "en", 2) // "99.50%"
 */
export function formatPercent(percent: number, lang: Lang, minimumFractionDigits = 0): string {
  const digits = numberFormat(lang, { minimumFractionDigits, maximumFractionDigits: Math.max(3, minimumFractionDigits) }).format(percent);
  return normaliseSpaces(lang === "fr" ? `${digits}${NBSP}%` : `${digits}%`);
}

/**
 * A wall-clock time "HH:MM" in the locale's style.
 * @example formatTime("08:30", "fr") // "8 h 30"
 * @example formatTime("17:00", "fr") // "17 h"
 * @example formatTime("08:30", "en") // "8:30 a.m."
 * @example formatTime("12:00", "en") // "12:00 p.m."
 */
export function formatTime(hhmm: string, lang: Lang): string {
  const minutesOfDay = parseClock(hhmm);
  const hours = Math.floor(minutesOfDay / 60);
  const minutes = hhmm.slice(3);
  if (lang === "fr") return minutes === "00" ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${minutes}`;
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${minutes}${NBSP}${hours < 12 ? "a.m." : "p.m."}`;
}

/**
 * A time range, such as opening hours.
 * @example formatTimeRange("08:30", "17:00", "fr") // "de 8 h 30 à 17 h"
 * @example formatTimeRange("08:30", "17:00", "en") // "8:30 a.m. to 5:00 p.m."
 */
export function formatTimeRange(start: string, end: string, lang: Lang): string {
  return lang === "fr"
    ? `de ${formatTime(start, lang)} à ${formatTime(end, lang)}`
    : `${formatTime(start, lang)} to ${formatTime(end, lang)}`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
const WEEKDAYS: Record<Lang, readonly string[]> = {
  fr: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

/**
 * A calendar date "YYYY-MM-DD" in words, optionally with its weekday.
 * @example formatDate("2017-08-24", "fr") // "24 août 2017"
 * @example formatDate("2026-12-01", "fr", { weekday: true }) // "mardi 1er décembre 2026"
 * @example formatDate("2026-12-01", "en", { weekday: true }) // "Tuesday, December 1, 2026"
 */
export function formatDate(iso: string, lang: Lang, options: { weekday?: boolean } = {}): string {
  const dayNumber = parseIsoDay(iso);
  const { year, month, day } = civilFromDays(dayNumber);
  const weekday = WEEKDAYS[lang][weekdayOf(dayNumber)] as string;
  const monthName = MONTHS[lang][month - 1] as string;
  if (lang === "fr") {
    const dayText = day === 1 ? "1er" : String(day);
    return `${options.weekday ? `${weekday} ` : ""}${dayText} ${monthName} ${year}`;
  }
  return `${options.weekday ? `${weekday}, ` : ""}${monthName} ${day}, ${year}`;
}

/**
 * An instant in words, in Québec time.
 * @example formatDateTime(new Date("2026-12-01T14:00:00Z"), "fr") // "le mardi 1er décembre 2026 à 9 h"
 * @example formatDateTime(new Date("2026-12-01T14:00:00Z"), "en") // "Tuesday, December 1, 2026 at 9:00 a.m."
 */
export function formatDateTime(instant: Date, lang: Lang): string {
  const { date, time } = quebecWallClock(instant);
  return lang === "fr"
    ? `le ${formatDate(date, lang, { weekday: true })} à ${formatTime(time, lang)}`
    : `${formatDate(date, lang, { weekday: true })} at ${formatTime(time, lang)}`;
}

/** A North American phone number as stored in the catalogue: E.164 digits, optional vanity letters and extension. */
export interface PhoneNumber {
  /** E.164, e.g. "+14186441500". */
  e164: string;
  /** Letters printed in place of the last four digits, e.g. "CSPQ" for 2777. */
  vanity?: string;
  extension?: string;
}

/**
 * A phone number as people read it in each language.
 * @example formatPhone({ e164: "+14186441500", extension: "2415" }, "fr") // "418 644-1500, poste 2415"
 * @example formatPhone({ e164: "+14186441500", extension: "2415" }, "en") // "418-644-1500, ext. 2415"
 * @example formatPhone({ e164: "+18556442777", vanity: "CSPQ" }, "fr") // "1 855 644-CSPQ (2777)"
 */
export function formatPhone(phone: PhoneNumber, lang: Lang): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone.e164);
  if (!match) throw new RangeError(`Expected a North American E.164 number, got "${phone.e164}"`);
  const [, area, exchange, line] = match as unknown as [string, string, string, string];
  const tollFree = /^8(00|33|44|55|66|77|88)$/.test(area);
  const lineText = phone.vanity ? `${phone.vanity} (${line})` : line;
  const sep = lang === "fr" ? " " : "-";
  let text = `${tollFree ? `1${sep}` : ""}${area}${sep}${exchange}-${lineText}`;
  if (phone.extension) text += lang === "fr" ? `, poste ${phone.extension}` : `, ext. ${phone.extension}`;
  return text;
}

/**
 * The `tel:` URI of a phone number (RFC 3966), extension included.
 * @example telHref({ e164: "+14186441500", extension: "2415" }) // "tel:+14186441500;ext=2415"
 */
export function telHref(phone: PhoneNumber): string {
  return `tel:${phone.e164}${phone.extension ? `;ext=${phone.extension}` : ""}`;
}
