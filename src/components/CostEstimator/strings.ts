/**
 * The estimator's slice of the interface strings (`pickStrings(lang, "estimate.")`; the island gets it without the
 * page-only keys, from one JSON block on the page: ./page-data.ts), and
 * the site's one translator over it (src/i18n/translator.ts): no zod, no other language in the browser.
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator } from "../../i18n/translator.ts";
import type { TextKey } from "../../i18n/ui/schema.ts";

export type EstimateKey = KeysOf<"estimate.">;
export type EstimateTextKey = Extract<EstimateKey, TextKey>;
export type EstimateStrings = Slice<EstimateKey>;
export type Translate = Translator<EstimateKey>;

/** @example translator(pickStrings("fr", "estimate."), "fr")("estimate.remove") // "Retirer" */
export function translator(strings: EstimateStrings, lang: Lang): Translate {
  return createTranslator(strings, lang);
}
