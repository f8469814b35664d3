/**
 * Interface strings for Astro components (server side). Islands do not import this module:
 * their page passes them the strings they need (`pickStrings`), so the browser never
 * downloads zod or the other language.
 */
import type { Lang } from "./locales.ts";
import { uiSchema, type UiStrings } from "./ui/schema.ts";
import { translations, uiStrings } from "./translate.ts";
import type { KeysOf, Slice } from "./translator.ts";

export * from "./locales.ts";
export { href, routes, pageIds, pageOfPath, type PageId } from "./routes.ts";

/** Validates a language's strings, naming the language and key of the first problem. */
export function validateStrings(lang: Lang, strings: unknown): UiStrings {
  const result = uiSchema.safeParse(strings);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`src/i18n/ui/${lang}.ts: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return result.data;
}

export const strings: Record<Lang, UiStrings> = { fr: validateStrings("fr", uiStrings.fr), en: validateStrings("en", uiStrings.en) };

export { interpolate } from "./translate.ts";
export { createTranslator, fill, type KeysOf, type Slice, type Translator, type Vars } from "./translator.ts";

/**
 * The translation function of a language, over the validated strings.
 * @example useTranslations("fr")("site.home") // "Accueil"
 * @example useTranslations("en").plural("site.pageCount", 2) // "2 pages"
 */
export function useTranslations(lang: Lang) {
  return translations(strings[lang], lang);
}

/**
 * The strings of one area (a key prefix such as "sla."), typed, for passing to an island as a prop.
 * @example pickStrings("fr", "estimate.") // { "estimate.addLegend": "…", … } : Slice<KeysOf<"estimate.">>
 */
export function pickStrings<P extends string>(lang: Lang, prefix: P): Slice<KeysOf<P>> {
  return Object.fromEntries(Object.entries(strings[lang]).filter(([key]) => key.startsWith(prefix))) as Slice<KeysOf<P>>;
}

/**
 * The strings of a list of keys, typed (for an island that needs a few keys of another area).
 * @example pickKeys("en", ["estimate.monthly"]) // { "estimate.monthly": "Monthly subtotal" }
 */
export function pickKeys<K extends keyof UiStrings>(lang: Lang, keys: readonly K[]): Slice<K> {
  const table = strings[lang];
  return Object.fromEntries(keys.map((key) => [key, table[key]])) as Slice<K>;
}
