/** The body of a language's .ics endpoint, built at build time (static output). */
import type { Lang } from "../../i18n/locales.ts";
import { useTranslations } from "../../i18n/index.ts";
import { holidaysIcs } from "../../lib/sla/index.ts";
import { publishedHolidays } from "./calendar-data.ts";

export function icsResponse(lang: Lang, site: URL | undefined): Response {
  const body = holidaysIcs(publishedHolidays(), {
    calendarName: useTranslations(lang)("sla.holidays.calendarName"),
    lang,
    uidHost: site?.host ?? "localhost",
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
}
