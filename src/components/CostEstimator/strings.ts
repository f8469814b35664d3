/**
 * The island's access to its interface strings, received as a prop (`pickStrings(lang, "estimate.")`):
 * the same `{name}` and plural rules as src/i18n/index.ts, without its zod schema or the other language.
 */
import type { Lang } from "../../i18n/locales.ts";
import type { PluralKey, TextKey, UiStrings } from "../../i18n/ui/schema.ts";

export type EstimateTextKey = Extract<TextKey, `estimate.${string}`>;
export type EstimatePluralKey = Extract<PluralKey, `estimate.${string}`>;
export type EstimateStrings = Partial<Pick<UiStrings, EstimateTextKey | EstimatePluralKey>>;

export interface Translate {
  (key: EstimateTextKey, vars?: Record<string, string | number>): string;
  plural: (key: EstimatePluralKey, count: number, vars?: Record<string, string | number>) => string;
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(vars[name]);
  });
}

/**
 * The translation function over the strings the page passed.
 * @example translator({ "estimate.remove": "Retirer" }, "fr")("estimate.remove") // "Retirer"
 * @throws {Error} naming the key when the page did not pass it (a wiring mistake, caught by the component tests)
 */
export function translator(strings: EstimateStrings, lang: Lang): Translate {
  const rules = new Intl.PluralRules(lang === "fr" ? "fr-CA" : "en-CA");
  const get = <K extends EstimateTextKey | EstimatePluralKey>(key: K) => {
    const value = strings[key];
    if (value === undefined) throw new Error(`Missing interface string "${key}"`);
    return value as NonNullable<EstimateStrings[K]>;
  };
  const t = ((key, vars = {}) => fill(get(key) as string, vars)) as Translate;
  t.plural = (key, count, vars = {}) => {
    const forms = get(key) as { one: string; other: string };
    return fill(rules.select(count) === "one" ? forms.one : forms.other, { count, ...vars });
  };
  return t;
}
