/**
 * The calculator's and the priority helper's slices of the interface strings, received as props
 * (`pickStrings(lang, "sla.")`, `pickStrings(lang, "sla.priority.")`), and the site's one translator over them
 * (src/i18n/translator.ts): no zod, no other language in the browser.
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator } from "../../i18n/translator.ts";
import type { PluralKey, TextKey } from "../../i18n/ui/schema.ts";

export type SlaKey = KeysOf<"sla.">;
export type SlaTextKey = Extract<SlaKey, TextKey>;
export type SlaPluralKey = Extract<SlaKey, PluralKey>;
export type SlaStrings = Slice<SlaKey>;
export type Translate = Translator<SlaKey>;

export type PriorityKey = KeysOf<"sla.priority.">;
export type PriorityStrings = Slice<PriorityKey>;

/** @example translator(pickStrings("fr", "sla."), "fr")("sla.addPause") // "Ajouter une pause" */
export function translator<K extends SlaKey>(strings: Slice<K>, lang: Lang): Translator<K> {
  return createTranslator(strings, lang);
}
