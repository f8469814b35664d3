import { formatDate, formatMoney, formatNumber } from "../../i18n/format.ts";
import type { Lang } from "../../i18n/locales.ts";
import { lineUnit } from "./csv.ts";
import { documentLabels, fill, fiscalYearLabel } from "./labels.ts";
import type { Estimate } from "./types.ts";

/**
 * The estimate as plain text, one fact a line, for the estimate attached to a service inquiry.
 * @example
 * summarizeEstimate(estimate, "en")
 * // "Monthly cost estimate — Price list of August 24, 2017
 * //  - Standard videoconferencing service: 10 × $15.00 (Monthly per terminal) = $150.00 a month; one-time service fees $1,000.00
 * //  Monthly subtotal: $150.00
 * //  …"
 */
export function summarizeEstimate(estimate: Estimate, lang: Lang): string {
  const l = documentLabels[lang];
  const money = (cents: number) => formatMoney(cents, lang);
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  const lines = estimate.lines.map((line) => {
    const text = fill(l.summaryLine, {
      name: line.name[lang],
      quantity: formatNumber(line.quantity, lang),
      unitPrice: money(line.unitCents),
      unit: lineUnit(line, lang),
      monthly: money(line.monthlyCents),
    });
    return `- ${text}${line.oneTimeCents > 0 ? fill(l.summaryFee, { oneTime: money(line.oneTimeCents) }) : ""}`;
  });
  return [
    `${l.title} — ${fill(l.priceListOf, { date: formatDate(estimate.version, lang) })}`,
    ...(lines.length > 0 ? lines : [l.noLines]),
    `${l.monthlySubtotal}${colon}${money(estimate.monthlyCents)}`,
    `${l.oneTimeTotal}${colon}${money(estimate.oneTimeCents)}`,
    `${l.firstMonth}${colon}${money(estimate.firstMonthCents)}`,
    `${l.twelveMonths}${colon}${money(estimate.twelveMonthCents)}`,
    `${fiscalYearLabel(estimate.fiscalYear.startMonth, estimate.fiscalYear.months, lang)}${colon}${money(estimate.fiscalYear.totalCents)}`,
    l.ratesNote,
  ].join("\n");
}
