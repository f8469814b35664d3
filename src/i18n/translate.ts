/**
 * Both languages' interface strings without validation, for code that runs outside the build — the Lambda
 * handlers and the command line. The strings are the same files; they are validated against their zod
 * schema by the build and the tests (src/i18n/index.ts), so a handler need not bundle zod to use them.
 * Islands never import this module (it holds both languages): their page passes them a slice.
 */
import type { Lang } from "./locales.ts";
import type { UiKey, UiStrings } from "./ui/schema.ts";
import { createTranslator, fill, type Translator } from "./translator.ts";
import fr from "./ui/fr.ts";
import en from "./ui/en.ts";

/** The interface strings as written, per language. */
export const uiStrings: Record<Lang, UiStrings> = { fr, en };

/** The placeholder rule of src/i18n/translator.ts (`{name}`; a missing value throws). */
export const interpolate = fill;

/**
 * The translation function over one language's strings.
 * @example translations(uiStrings.fr, "fr")("site.home") // "Accueil"
 * @example translations(uiStrings.en, "en").plural("site.pageCount", 2) // "2 pages"
 */
export function translations(table: UiStrings, lang: Lang): Translator<UiKey> {
  return createTranslator(table, lang);
}
