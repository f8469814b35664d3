/**
 * Interface strings for Astro components (server side). Islands do not import this module:
 * their page passes them the strings they need (`pickStrings`), so the browser never
 * downloads zod or the other language.
 */
import { localeTag, type Lang } from "./locales.ts";
import { uiSchema, type PluralKey, type TextKey, type UiKey, type UiStrings } from "./ui/schema.ts";
import fr from "./ui/fr.ts";
import en from "./ui/en.ts";

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

export const strings: Record<Lang, UiStrings> = { fr: validateStrings("fr", fr), en: validateStrings("en", en) };

/** Replaces `{name}` placeholders; an unknown placeholder is an error, never shown to a reader. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(vars[name]);
  });
}

/**
 * The translation function of a language.
 * @example useTranslations("fr")("site.home") // "Accueil"
 * @example useTranslations("en").plural("site.pageCount", 2) // "2 pages"
 */
export function useTranslations(lang: Lang) {
  const table = strings[lang];
  const rules = new Intl.PluralRules(localeTag[lang]);
  const t = (key: TextKey, vars?: Record<string, string | number>): string => interpolate(table[key] as string, vars);
  t.plural = (key: PluralKey, count: number, vars: Record<string, string | number> = {}): string => {
    const forms = table[key] as { one: string; other: string };
    const category = rules.select(count) === "one" ? "one" : "other";
    return interpolate(forms[category], { count, ...vars });
  };
  return t;
}

/** The strings of one area (a key prefix such as "sla."), for passing to an island as a prop. */
export function pickStrings<P extends string>(lang: Lang, prefix: P): Partial<Record<UiKey, UiStrings[UiKey]>> {
  return Object.fromEntries(Object.entries(strings[lang]).filter(([key]) => key.startsWith(prefix)));
}
