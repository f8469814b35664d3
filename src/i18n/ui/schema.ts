/**
 * The schema of the interface strings: every key, what it is for, and its shape.
 * A plain key is a string in which `{name}` is replaced by a variable; a plural key
 * has one form per plural category of the language (Intl.PluralRules) and receives `{count}`.
 * Keys are grouped by area; each area is owned by the part of the site that uses it.
 */
import { z } from "zod";

const text = (purpose: string) => z.string().min(1).describe(purpose);
const plural = (purpose: string) =>
  z.strictObject({ one: z.string().min(1), other: z.string().min(1) }).describe(purpose);

export const uiSchema = z.strictObject({
  // --- site: layout, header, footer, navigation ---
  "site.name": text("Name of the site, in the header and at the end of every <title>"),
  "site.skipLink": text("Skip link, first focusable element of every page"),
  "site.languageToggle": text("Visible text of the link to the same page in the other language (names the other language in that language)"),
  "site.languageToggleLabel": text("Accessible name of the language toggle link"),
  "site.breadcrumbs": text("Accessible name of the breadcrumb navigation"),
  "site.home": text("Breadcrumb and link text for the home page"),
  "site.dateModified": text("Label before the date of last modification, at the foot of the main content"),
  "site.footerContact": text("Heading of the general contact in the footer"),
  "site.footerNav": text("Accessible name of the footer navigation"),
  "site.mainNav": text("Accessible name of the main navigation"),
  "site.search": text("Link text and label of the search"),
  "site.copyright": text("Copyright line in the footer"),
  "site.requiresJavaScript": text("Notice shown when a tool needs JavaScript and it is off"),
  "site.notFoundTitle": text("Title of the 404 page"),
  "site.notFoundBody": text("Explanation on the 404 page"),
  "site.documentOnRequest": text("Said in place of a link to a document the site does not publish; {document} is its title"),
  "site.pageCount": plural("How many pages a search or list found; receives {count}"),
  // --- catalogue tables (service levels, prices, contacts) ---
  // --- sla: due-date calculator, priority helper, holidays ---
  // --- estimate: cost estimator ---
  // --- forms: adviser request, service inquiry, confirmation ---
  // --- inbox: business-development inbox ---
});

export type UiStrings = z.infer<typeof uiSchema>;
export type UiKey = keyof UiStrings;
export type PluralKey = { [K in UiKey]: UiStrings[K] extends string ? never : K }[UiKey];
export type TextKey = Exclude<UiKey, PluralKey>;
