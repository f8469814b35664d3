/**
 * Interface strings for Astro components (server side). Islands do not import this module:
 * their page passes them the strings they need (`pickStrings`), so the browser never
 * downloads zod or the other language.
 */
import type { Lang } from "./locales.ts";
import { uiSchema, type UiKey, type UiStrings } from "./ui/schema.ts";
import { translations, uiStrings } from "./translate.ts";

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

/**
 * The translation function of a language, over the validated strings.
 * @example useTranslations("fr")("site.home") // "Accueil"
 * @example useTranslations("en").plural("site.pageCount", 2) // "2 pages"
 */
export function useTranslations(lang: Lang) {
  return translations(strings[lang], lang);
}

/** The strings of one area (a key prefix such as "sla."), for passing to an island as a prop. */
export function pickStrings<P extends string>(lang: Lang, prefix: P): Partial<Record<UiKey, UiStrings[UiKey]>> {
  return Object.fromEntries(Object.entries(strings[lang]).filter(([key]) => key.startsWith(prefix)));
}
