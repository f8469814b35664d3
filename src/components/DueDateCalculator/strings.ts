/**
 * The calculator's and the priority helper's slices of the interface strings, received as props
 * (`pickStrings(lang, "sla.")`, `pickStrings(lang, "sla.priority.")`), and the site's one translator over them
 * (src/i18n/translator.ts): no zod, no other language in the browser.
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator } from "../../i18n/translator.ts";
import type { PluralKey, TextKey } from "../../i18n/ui/schema.ts";

/**
 * The calculator's keys: the "sla." area without the priority helper's own ("sla.priority."), the holiday
 * page's ("sla.holidays.") and the server-rendered list of levels' (its page part translates them itself).
 */
type NotTheIsland = KeysOf<"sla.priority."> | KeysOf<"sla.holidays."> | "sla.levelListHeading" | "sla.levelListCalculate";
export type SlaKey = Exclude<KeysOf<"sla.">, NotTheIsland>;
export type SlaTextKey = Extract<SlaKey, TextKey>;
export type SlaPluralKey = Extract<SlaKey, PluralKey>;
export type SlaStrings = Slice<SlaKey>;
export type Translate = Translator<SlaKey>;

export type PriorityKey = KeysOf<"sla.priority.">;
/** The calculator's strings, for its page to pass (`calculatorStrings(pickStrings(lang, "sla."))`). */
export function calculatorStrings(all: Slice<KeysOf<"sla.">>): SlaStrings {
  const notTheIsland = (key: string) => key.startsWith("sla.priority.") || key.startsWith("sla.holidays.") || key.startsWith("sla.levelList");
  return Object.fromEntries(Object.entries(all).filter(([key]) => !notTheIsland(key))) as SlaStrings;
}
export type PriorityStrings = Slice<PriorityKey>;

/** @example translator(pickStrings("fr", "sla.priority."), "fr")("sla.priority.yes") // "Oui" */
export function translator<K extends KeysOf<"sla.">>(strings: Slice<K>, lang: Lang): Translator<K> {
  return createTranslator(strings, lang);
}
