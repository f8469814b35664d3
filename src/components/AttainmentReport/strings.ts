/**
 * The report island's interface strings, received as a prop (`pickStrings(lang, "attainment.")`): `{name}`
 * placeholders and plural forms as in src/i18n/index.ts, without its zod schema or the other language.
 */
import type { Lang } from "../../i18n/locales.ts";
import type { PluralKey, TextKey, UiStrings } from "../../i18n/ui/schema.ts";

export type ReportTextKey = Extract<TextKey, `attainment.${string}`>;
export type ReportPluralKey = Extract<PluralKey, `attainment.${string}`>;
export type ReportStrings = Partial<Pick<UiStrings, ReportTextKey | ReportPluralKey>>;

export interface Translate {
  (key: ReportTextKey, vars?: Record<string, string | number>): string;
  plural: (key: ReportPluralKey, count: number, vars?: Record<string, string | number>) => string;
}

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(vars[name]);
  });

/** @throws Error naming a key the page did not pass (a wiring mistake, caught by the tests) */
export function translator(strings: ReportStrings, lang: Lang): Translate {
  const rules = new Intl.PluralRules(lang === "fr" ? "fr-CA" : "en-CA");
  const get = (key: string) => {
    const value = (strings as Record<string, unknown>)[key];
    if (value === undefined) throw new Error(`Missing interface string "${key}"`);
    return value;
  };
  const t = ((key: ReportTextKey, vars: Record<string, string | number> = {}) => fill(get(key) as string, vars)) as Translate;
  t.plural = (key, count, vars = {}) => {
    const forms = get(key) as { one: string; other: string };
    return fill(rules.select(count) === "one" ? forms.one : forms.other, { count, ...vars });
  };
  return t;
}
