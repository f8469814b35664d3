/**
 * The words of the documents the estimator produces (CSV file, plain-text summary) come from the interface
 * strings (`estimate.doc.*` and the totals' `estimate.*` keys), through the site's one translator: the island
 * passes its own, a handler builds one over the language's strings (src/i18n/translate.ts).
 */
import type { Lang } from "../../i18n/locales.ts";
import type { Translator } from "../../i18n/translator.ts";
import { monthName } from "./month.ts";

/** The keys the documents use. */
export type DocumentKey =
  | `estimate.doc.${"title" | "unit" | "quantity" | "unitPrice" | "monthly" | "oneTime" | "perSession" | "priceList" | "priceListOf" | "ratesNote" | "noLines" | "summaryLine" | "summaryFee"}`
  | "estimate.col.service" | "estimate.monthly" | "estimate.oneTime" | "estimate.firstMonth" | "estimate.twelveMonths"
  | "estimate.fiscalYear" | "estimate.monthCount";

/** A translator that holds at least the documents' keys. */
export type DocumentTranslator = Translator<DocumentKey>;

export { monthName };

/**
 * The label of the fiscal-year total, with the start month and the number of months billed.
 * @example fiscalYearLabel(t, 10, 6, "fr") // "Total de l'exercice financier (début en octobre, 6 mois)"
 * @example fiscalYearLabel(t, 3, 1, "en")  // "Fiscal-year total (starting in March, 1 month)"
 */
export function fiscalYearLabel(t: DocumentTranslator, startMonth: number, months: number, lang: Lang): string {
  return t("estimate.fiscalYear", { month: monthName(startMonth, lang), months: t.plural("estimate.monthCount", months) });
}
