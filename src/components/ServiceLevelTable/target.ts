/**
 * A service-level target in words, in each language: the one place where the
 * catalogue's structured targets become the text a reader sees (tables, home, tools).
 */
import { useTranslations, type Lang } from "../../i18n/index.ts";
import { formatNumber, formatPercent, formatTimeRange } from "../../i18n/format.ts";
import type { ServiceLevel, Target } from "../../data/schema.ts";

type Unit = "seconds" | "minutes" | "hours";

function duration(lang: Lang, amount: number, unit: Unit | "businessHours" | "businessDays" | "days"): string {
  const t = useTranslations(lang);
  // The plural category follows the number; the text shows it formatted for the locale (1,5 / 1.5).
  return t.plural(`catalogue.duration.${unit}`, amount, { count: formatNumber(amount, lang) });
}

/**
 * The target alone, without the share of cases.
 * @example formatTarget({ kind: "availability", percent: 99.999, period: "month" }, "fr") // "99,999 % mensuel"
 * @example formatTarget({ kind: "business-hours", amount: 4, unit: "hours", window: { start: "08:00", end: "17:00" } }, "en")
 *   // "4 business hours (8:00 a.m. to 5:00 p.m.)"
 */
export function formatTarget(target: Target, lang: Lang): string {
  const t = useTranslations(lang);
  switch (target.kind) {
    case "availability":
      // The source prints two decimals where it has them (99,50 %): keep them.
      return t("catalogue.target.availability", { percent: formatPercent(target.percent, lang, Number.isInteger(target.percent) ? 0 : 2) });
    case "elapsed":
      return duration(lang, target.amount, target.unit);
    case "business-hours": {
      const window = formatTimeRange(target.window.start, target.window.end, lang);
      let text =
        target.unit === "hours"
          ? t("catalogue.target.businessWindow", { duration: duration(lang, target.amount, "businessHours"), window })
          : t("catalogue.target.businessDaysWindow", { duration: duration(lang, target.amount, target.unit), window });
      if (target.orLess) {
        // « 40 secondes et moins (de 7 h 30 à 17 h, jours ouvrables) »: the qualifier belongs to the duration.
        const plain = target.unit === "hours" ? duration(lang, target.amount, "businessHours") : duration(lang, target.amount, target.unit);
        text = text.replace(plain, t("catalogue.target.orLess", { duration: plain }));
      }
      return text;
    }
    case "business-days":
      return duration(lang, target.amount, "businessDays");
    case "business-days-range":
      return t("catalogue.target.businessDaysRange", { min: formatNumber(target.min, lang), max: formatNumber(target.max, lang) });
    case "calendar-days":
      return duration(lang, target.amount, "days");
    case "by-agreement":
      return t("catalogue.target.byAgreement");
    case "share":
      return t("catalogue.target.share", { percent: formatPercent(target.percent, lang) });
  }
}

/**
 * The target with its share of cases, as the source prints it.
 * @example formatLevelTarget({ target: { kind: "elapsed", amount: 3, unit: "hours" }, attainment: 85 }, "fr") // "3 heures dans 85 % des cas"
 */
export function formatLevelTarget(level: Pick<ServiceLevel, "target" | "attainment">, lang: Lang): string {
  const text = formatTarget(level.target, lang);
  if (level.attainment === undefined) return text;
  return `${text} ${useTranslations(lang)("catalogue.target.attainment", { percent: formatPercent(level.attainment, lang) })}`;
}

/** Whether the due-date calculator can compute a deadline for this level. */
export function isComputable(target: Target): boolean {
  return target.kind !== "by-agreement" && target.kind !== "share";
}
