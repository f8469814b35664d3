/**
 * The report island's interface strings: the page passes the "attainment." slice (`pickStrings(lang, "attainment.")`)
 * and the island reads it through the site's one translator (src/i18n/translator.ts).
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator } from "../../i18n/translator.ts";
import type { TextKey } from "../../i18n/ui/schema.ts";

export type ReportKey = KeysOf<"attainment.">;
export type ReportTextKey = Extract<ReportKey, TextKey>;
export type ReportStrings = Slice<ReportKey>;
export type Translate = Translator<ReportKey>;

/** @example translator(pickStrings("fr", "attainment."), "fr")("attainment.read") // "Lire les incidents" */
export function translator(strings: ReportStrings, lang: Lang): Translate {
  return createTranslator(strings, lang);
}
