/**
 * The words of the documents the estimator produces (CSV file, plain-text summary). They live here, not in
 * the interface strings, because these documents are also made outside any page — the inquiry form's
 * Lambda attaches `summarizeEstimate` to a request — with only `(estimate, lang)` in hand.
 */
import { localeTag, type Lang } from "../../i18n/locales.ts";
import { monthName } from "./month.ts";

export interface DocumentLabels {
  title: string;
  service: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  monthly: string;
  oneTime: string;
  /** Unit of a recording line; {minutes} is the length of a session. */
  perSession: string;
  monthlySubtotal: string;
  oneTimeTotal: string;
  firstMonth: string;
  twelveMonths: string;
  /** {month} is the start month's name, {months} the months billed (from `monthCount`). */
  fiscalYear: string;
  /** A number of months; {count}. */
  monthCount: { one: string; other: string };
  priceList: string;
  /** {date} is the price list's date in words. */
  priceListOf: string;
  ratesNote: string;
  noLines: string;
  /** One line of the summary; {name}, {quantity}, {unit}, {unitPrice}, {monthly}. */
  summaryLine: string;
  /** Appended to a subscription line of the summary; {oneTime}. */
  summaryFee: string;
}

export const documentLabels: Record<Lang, DocumentLabels> = {
  fr: {
    title: "Estimation des coûts mensuels",
    service: "Service",
    unit: "Unité",
    quantity: "Quantité",
    unitPrice: "Prix unitaire ($)",
    monthly: "Montant mensuel ($)",
    oneTime: "Frais de service uniques ($)",
    perSession: "Par séance de {minutes} min",
    monthlySubtotal: "Sous-total mensuel",
    oneTimeTotal: "Frais de service uniques (à l'activation)",
    firstMonth: "Total du premier mois",
    twelveMonths: "Total sur 12 mois",
    fiscalYear: "Total de l'exercice financier (début en {month}, {months})",
    monthCount: { one: "{count} mois", other: "{count} mois" },
    priceList: "Grille tarifaire",
    priceListOf: "Grille tarifaire du {date}",
    ratesNote: "Montants aux tarifs publiés; la source ne mentionne pas les taxes.",
    noLines: "Aucun service choisi.",
    summaryLine: "{name} : {quantity} × {unitPrice} ({unit}) = {monthly} par mois",
    summaryFee: "; frais de service uniques {oneTime}",
  },
  en: {
    title: "Monthly cost estimate",
    service: "Service",
    unit: "Unit",
    quantity: "Quantity",
    unitPrice: "Unit price ($)",
    monthly: "Monthly amount ($)",
    oneTime: "One-time service fees ($)",
    perSession: "Per session of {minutes} min",
    monthlySubtotal: "Monthly subtotal",
    oneTimeTotal: "One-time service fees (at activation)",
    firstMonth: "First month total",
    twelveMonths: "12-month total",
    fiscalYear: "Fiscal-year total (starting in {month}, {months})",
    monthCount: { one: "{count} month", other: "{count} months" },
    priceList: "Price list",
    priceListOf: "Price list of {date}",
    ratesNote: "Amounts are the published rates; the source does not mention taxes.",
    noLines: "No service chosen.",
    summaryLine: "{name}: {quantity} × {unitPrice} ({unit}) = {monthly} a month",
    summaryFee: "; one-time service fees {oneTime}",
  },
};

/** Replaces `{name}` placeholders; an unknown one is a programming error. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(vars[name]);
  });
}

export { monthName };

/**
 * The label of the fiscal-year total, with the start month and the number of months billed.
 * @example fiscalYearLabel(10, 6, "fr") // "Total de l'exercice financier (début en octobre, 6 mois)"
 * @example fiscalYearLabel(3, 1, "en")  // "Fiscal-year total (starting in March, 1 month)"
 */
export function fiscalYearLabel(startMonth: number, months: number, lang: Lang): string {
  const l = documentLabels[lang];
  const form = new Intl.PluralRules(localeTag[lang]).select(months) === "one" ? "one" : "other";
  return fill(l.fiscalYear, { month: monthName(startMonth, lang), months: fill(l.monthCount[form], { count: months }) });
}
