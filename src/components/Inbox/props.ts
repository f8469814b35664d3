/**
 * What the inbox page passes its island (build time only, never bundled for the browser): the interface
 * strings it shows, in one language, and nothing else.
 */
import type { Lang } from "../../i18n/locales.ts";
import { pickStrings } from "../../i18n/index.ts";
import type { InboxStrings } from "./strings.ts";

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
