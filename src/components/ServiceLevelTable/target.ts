/**
 * A service-level target in words, in each language: the one place where the
 * catalogue's structured targets become the text a reader sees (tables, home, tools).
 */
import { useTranslations, type Lang } from "../../i18n/index.ts";
import { formatNumber, formatPercent } from "../../i18n/format.ts";
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
 * @example formatTarget({ kind: "business-hours", amount: 4, unit: "hours", window: { start: "08:00", end: "17:00" }, printedAs: "business-hours" }, "en")
 *   // "4 business hours"
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
      // The source's own words: « 4 heures ouvrables », « 10 heures » (window in condition d), « 120 minutes ».
      // The window itself is either printed as a condition below the table or an interpretation
      // (docs/interpretations.md §4) that the calculator states in its note, never part of the published level.
      const words =
        target.unit === "hours" && target.printedAs !== "duration"
          ? duration(lang, target.amount, "businessHours")
          : duration(lang, target.amount, target.unit);
      return target.orLess ? t("catalogue.target.orLess", { duration: words }) : words;
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
