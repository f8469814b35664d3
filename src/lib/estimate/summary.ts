import { formatDate, formatMoney, formatNumber } from "../../i18n/format.ts";
import type { Lang } from "../../i18n/locales.ts";
import { lineUnit } from "./csv.ts";
import { fiscalYearLabel, type DocumentTranslator } from "./labels.ts";
import type { Estimate } from "./types.ts";

/**
 * The estimate as plain text, one fact a line, for the estimate attached to a service inquiry.
 * @example
 * summarizeEstimate(estimate, "en", translations(uiStrings.en, "en"))
 * // "Monthly cost estimate — Price list of August 24, 2017
 * //  - Standard videoconferencing service: 10 × $15.00 (Monthly per terminal) = $150.00 a month; one-time service fees $1,000.00
 * //  Monthly subtotal: $150.00
 * //  …"
 */
export function summarizeEstimate(estimate: Estimate, lang: Lang, t: DocumentTranslator): string {
  const money = (cents: number) => formatMoney(cents, lang);
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  const lines = estimate.lines.map((line) => {
    const text = t("estimate.doc.summaryLine", {
      name: line.name[lang],
      quantity: formatNumber(line.quantity, lang),
      unitPrice: money(line.unitCents),
      unit: lineUnit(line, lang, t),
      monthly: money(line.monthlyCents),
    });
    return `- ${text}${line.oneTimeCents > 0 ? t("estimate.doc.summaryFee", { oneTime: money(line.oneTimeCents) }) : ""}`;
  });
  return [
    `${t("estimate.doc.title")} — ${t("estimate.doc.priceListOf", { date: formatDate(estimate.version, lang) })}`,
    ...(lines.length > 0 ? lines : [t("estimate.doc.noLines")]),
    `${t("estimate.monthly")}${colon}${money(estimate.monthlyCents)}`,
    `${t("estimate.oneTime")}${colon}${money(estimate.oneTimeCents)}`,
    `${t("estimate.firstMonth")}${colon}${money(estimate.firstMonthCents)}`,
    `${t("estimate.twelveMonths")}${colon}${money(estimate.twelveMonthCents)}`,
    `${fiscalYearLabel(t, estimate.fiscalYear.startMonth, estimate.fiscalYear.months, lang)}${colon}${money(estimate.fiscalYear.totalCents)}`,
    t("estimate.doc.ratesNote"),
  ].join("\n");
}
