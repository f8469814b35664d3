/**
 * What the inbox page passes its island (build time only, never bundled for the browser): the interface
 * strings it shows, in one language, and nothing else.
 */
import type { Lang } from "../../i18n/locales.ts";
import { pickStrings } from "../../i18n/index.ts";
import { href } from "../../i18n/routes.ts";
import { fields, formTypes, statuses, type FormType, type Status } from "../../lib/forms/fields.ts";
import { MAX_EXPORT_ROWS, MAX_NOTE_LENGTH } from "../../lib/submissions/api.ts";
import type { InboxStrings } from "./strings.ts";

/** The route table and the form definitions, reduced to what the island shows (so it does not bundle them). */
export interface InboxSite {
  paths: { inbox: string; estimator: string };
  statuses: readonly Status[];
  /** The answers shown for each form type, in the form's order (hidden fields, like the estimate, apart). */
  answerFields: Record<FormType, string[]>;
  /** The admin API's limits: a note's length, the rows of a CSV export. */
  maxNote: number;
  maxExportRows: number;
}

export function inboxSite(lang: Lang): InboxSite {
  return {
    paths: { inbox: href(lang, "inbox"), estimator: href(lang, "estimator") },
    statuses,
    answerFields: Object.fromEntries(formTypes.map((type) => [type, fields[type].filter((f) => f.kind !== "hidden").map((f) => f.name)])) as Record<FormType, string[]>,
    maxNote: MAX_NOTE_LENGTH,
    maxExportRows: MAX_EXPORT_ROWS,
  };
}

/** The words of an attached estimate's summary, as the estimator prints them. */
const ESTIMATE_KEYS: readonly string[] = [
  "estimate.breakdownCaption", "estimate.col.service", "estimate.col.quantity", "estimate.col.unitPrice", "estimate.col.monthly",
  "estimate.col.oneTime", "estimate.perSession", "estimate.monthly", "estimate.oneTime", "estimate.firstMonth", "estimate.twelveMonths",
  "estimate.fiscalYear", "estimate.monthCount", "estimate.assumption.priceList", "estimate.otherVersion",
];

/**
 * The `inbox.` area (without the no-JavaScript sign-in page and the email texts), the form names it shows
 * (types, statuses, fields, organisation types, languages) and the estimate summary's words.
 */
export function inboxStrings(lang: Lang): InboxStrings {
  const strings = {
    ...pickStrings(lang, "inbox."),
    ...pickStrings(lang, "forms.type."),
    ...pickStrings(lang, "forms.status."),
    ...pickStrings(lang, "forms.field."),
    ...pickStrings(lang, "forms.organisationType."),
    ...pickStrings(lang, "forms.language."),
    ...Object.fromEntries(Object.entries(pickStrings(lang, "estimate.")).filter(([key]) => ESTIMATE_KEYS.includes(key))),
  } as InboxStrings;
  for (const key of Object.keys(strings)) if (key.startsWith("inbox.dev.") || key.startsWith("inbox.notify.") || key.startsWith("inbox.ack.")) delete strings[key];
  return strings;
}
