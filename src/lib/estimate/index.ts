/**
 * The monthly cost estimator's pure core: pricing, validation, URL state, CSV and text summary.
 * Imports nothing at run time but src/i18n/{locales,format}.ts, so the island and the inquiry form's Lambda
 * can both use it without zod or the catalogue.
 */
export * from "./types.ts";
export * from "./quantity.ts";
export * from "./pricing.ts";
export * from "./url.ts";
export * from "./csv.ts";
export * from "./summary.ts";
export { fiscalYearLabel, monthName, type DocumentKey, type DocumentTranslator } from "./labels.ts";
