/**
 * The name of a calendar month in a language. On its own so that code needing only this (the inbox's
 * estimate summary) does not load the estimator's document labels.
 * @example monthName(10, "fr") // "octobre"
 * @example monthName(10, "en") // "October"
 */
import { localeTag, type Lang } from "../../i18n/locales.ts";

export function monthName(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(localeTag[lang], { month: "long", timeZone: "UTC" }).format(Date.UTC(2001, month - 1, 1));
}
