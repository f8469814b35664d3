import { useTranslations, type Lang } from "../../i18n/index.ts";
import { formatTimeRange } from "../../i18n/format.ts";
import type { Hours } from "../../data/schema.ts";

/**
 * Opening hours in words.
 * @example formatHours({ days: "weekdays", window: { start: "08:30", end: "17:00" } }, "fr") // "du lundi au vendredi, de 8 h 30 à 17 h"
 */
export function formatHours(hours: Hours, lang: Lang): string {
  const t = useTranslations(lang);
  return hours.days === "always"
    ? t("catalogue.always")
    : t("catalogue.weekdays", { range: formatTimeRange(hours.window.start, hours.window.end, lang) });
}
