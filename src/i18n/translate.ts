/**
 * The translation functions without validation, for code that runs outside the build — the Lambda
 * handlers and the command line. The strings are the same files; they are validated against their zod
 * schema by the build and the tests (src/i18n/index.ts), so a handler need not bundle zod to use them.
 */
import { localeTag, type Lang } from "./locales.ts";
import type { PluralKey, TextKey, UiStrings } from "./ui/schema.ts";
import fr from "./ui/fr.ts";
import en from "./ui/en.ts";

/** The interface strings as written, per language. */
export const uiStrings: Record<Lang, UiStrings> = { fr, en };

/** Replaces `{name}` placeholders; an unknown placeholder is an error, never shown to a reader. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(vars[name]);
  });
}

/**
 * The translation function over one language's strings.
 * @example translations(uiStrings.fr, "fr")("site.home") // "Accueil"
 * @example translations(uiStrings.en, "en").plural("site.pageCount", 2) // "2 pages"
 */
export function translations(table: UiStrings, lang: Lang) {
  const rules = new Intl.PluralRules(localeTag[lang]);
  const t = (key: TextKey, vars?: Record<string, string | number>): string => interpolate(table[key] as string, vars);
  t.plural = (key: PluralKey, count: number, vars: Record<string, string | number> = {}): string => {
    const forms = table[key] as { one: string; other: string };
    const category = rules.select(count) === "one" ? "one" : "other";
    return interpolate(forms[category], { count, ...vars });
  };
  return t;
}
