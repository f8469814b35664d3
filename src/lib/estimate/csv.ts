/**
 * The estimate as a CSV file a spreadsheet opens in the reader's language: French (Canada) uses `;` between
 * fields and a decimal comma — the convention of French spreadsheets, where `,` is the decimal mark — English
 * (Canada) uses `,` and a decimal point. UTF-8 with a byte-order mark, so that spreadsheets read the accents;
 * CRLF line ends and quoting as in RFC 4180.
 */
import type { Lang } from "../../i18n/locales.ts";
import { fiscalYearLabel, type DocumentTranslator } from "./labels.ts";
import type { Estimate, PricedLine } from "./types.ts";

export const CSV_BOM = "\ufeff";

/** The field separator of a language's CSV. */
export function csvSeparator(lang: Lang): string {
  return lang === "fr" ? ";" : ",";
}

/**
 * Cents as a plain decimal number, without currency sign or digit grouping, so a spreadsheet reads it as a number.
 * @example csvAmount(120000, "fr") // "1200,00"
 * @example csvAmount(5610, "en")   // "56.10"
 */
export function csvAmount(cents: number, lang: Lang): string {
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError(`csvAmount expects non-negative integer cents, got ${cents}`);
  return `${Math.floor(cents / 100)}${lang === "fr" ? "," : "."}${String(cents % 100).padStart(2, "0")}`;
}

/**
 * One field, quoted when it holds the separator, a quote or a line break (quotes doubled).
 * @example csvField('Conférence web; option "200"', ";") // '"Conférence web; option ""200"""'
 */
export function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The unit column of a line: the price list's unit, or the session length for a recording. */
export function lineUnit(line: PricedLine, lang: Lang, t: DocumentTranslator): string {
  return line.kind === "recording" ? t("estimate.doc.perSession", { minutes: line.minutes ?? 0 }) : line.unitLabel[lang];
}

/**
 * The CSV text of an estimate: a header row, one row per line, an empty row, then the totals and the
 * price list's version.
 * @example
 * toCsv(estimate, "fr", translations(uiStrings.fr, "fr")).split("\r\n")[0]
 * // "\ufeffService;Unité;Quantité;Prix unitaire ($);Montant mensuel ($);Frais de service uniques ($)"
 */
export function toCsv(estimate: Estimate, lang: Lang, t: DocumentTranslator): string {
  const sep = csvSeparator(lang);
  const row = (fields: string[]) => fields.map((f) => csvField(f, sep)).join(sep);
  const rows = [
    row(([
      "estimate.col.service", "estimate.doc.unit", "estimate.doc.quantity", "estimate.doc.unitPrice", "estimate.doc.monthly",
      "estimate.doc.oneTime",
    ] as const).map((key) => t(key))),
    ...estimate.lines.map((line) =>
      row([
        line.name[lang], lineUnit(line, lang, t), String(line.quantity),
        csvAmount(line.unitCents, lang), csvAmount(line.monthlyCents, lang), csvAmount(line.oneTimeCents, lang),
      ])),
    "",
    row([t("estimate.monthly"), csvAmount(estimate.monthlyCents, lang)]),
    row([t("estimate.oneTime"), csvAmount(estimate.oneTimeCents, lang)]),
    row([t("estimate.firstMonth"), csvAmount(estimate.firstMonthCents, lang)]),
    row([t("estimate.twelveMonths"), csvAmount(estimate.twelveMonthCents, lang)]),
    row([
      fiscalYearLabel(t, estimate.fiscalYear.startMonth, estimate.fiscalYear.months, lang),
      csvAmount(estimate.fiscalYear.totalCents, lang),
    ]),
    row([t("estimate.doc.priceList"), estimate.version]),
    row([t("estimate.doc.ratesNote")]),
  ];
  return `${CSV_BOM}${rows.join("\r\n")}\r\n`;
}

/**
 * The file name of the CSV download.
 * @example csvFileName(estimate, "fr") // "estimation-2017-08-24.csv"
 */
export function csvFileName(estimate: Estimate, lang: Lang): string {
  return `${lang === "fr" ? "estimation" : "estimate"}-${estimate.version}.csv`;
}
