/**
 * The calculator's and the priority helper's slices of the interface strings, received as props
 * (`pickStrings(lang, "sla.")`, `pickStrings(lang, "sla.priority.")`), and the site's one translator over them
 * (src/i18n/translator.ts): no zod, no other language in the browser.
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator } from "../../i18n/translator.ts";
import type { PluralKey, TextKey } from "../../i18n/ui/schema.ts";

/** The calculator's keys: the "sla." area without the priority helper's own ("sla.priority."). */
export type SlaKey = Exclude<KeysOf<"sla.">, KeysOf<"sla.priority.">>;
export type SlaTextKey = Extract<SlaKey, TextKey>;
export type SlaPluralKey = Extract<SlaKey, PluralKey>;
export type SlaStrings = Slice<SlaKey>;
export type Translate = Translator<SlaKey>;

export type PriorityKey = KeysOf<"sla.priority.">;
/** The calculator's strings, for its page to pass (`calculatorStrings(pickStrings(lang, "sla."))`). */
export function calculatorStrings(all: Slice<KeysOf<"sla.">>): SlaStrings {
  return Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith("sla.priority."))) as SlaStrings;
}
export type PriorityStrings = Slice<PriorityKey>;

/** @example translator(pickStrings("fr", "sla.priority."), "fr")("sla.priority.yes") // "Oui" */
export function translator<K extends KeysOf<"sla.">>(strings: Slice<K>, lang: Lang): Translator<K> {
  return createTranslator(strings, lang);
}
