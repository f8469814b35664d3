/**
 * The islands' access to their interface strings, received as a prop (`pickStrings(lang, "sla.")`):
 * the same `{name}` and plural rules as src/i18n/index.ts, without its zod schema or the other language.
 */
import type { Lang } from "../../i18n/locales.ts";
import type { PluralKey, TextKey, UiStrings } from "../../i18n/ui/schema.ts";

export type SlaTextKey = Extract<TextKey, `sla.${string}`>;
export type SlaPluralKey = Extract<PluralKey, `sla.${string}`>;
export type SlaStrings = Partial<Pick<UiStrings, SlaTextKey | SlaPluralKey>>;

export interface Translate {
  (key: SlaTextKey, vars?: Record<string, string | number>): string;
  plural: (key: SlaPluralKey, count: number, vars?: Record<string, string | number>) => string;
}

/** Fills `{name}` placeholders; a sentence's period after "a.m." / "p.m." is not doubled. */
function fill(template: string, vars: Record<string, string | number>): string {
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
      return String(vars[name]);
    })
    .replace(/([ap]\.m)\.\./g, "$1.");
}

/**
 * The translation function over the strings the page passed.
 * @example translator({ "sla.addPause": "Ajouter une pause" }, "fr")("sla.addPause") // "Ajouter une pause"
 * @throws {Error} naming the key when the page did not pass it (a wiring mistake, caught by the component tests)
 */
export function translator(strings: SlaStrings, lang: Lang): Translate {
  const rules = new Intl.PluralRules(lang === "fr" ? "fr-CA" : "en-CA");
  const get = (key: string) => {
    const value = (strings as Record<string, unknown>)[key];
    if (value === undefined) throw new Error(`Missing interface string "${key}"`);
    return value;
  };
  const t = ((key: SlaTextKey, vars: Record<string, string | number> = {}) => fill(get(key) as string, vars)) as Translate;
  t.plural = (key, count, vars = {}) => {
    const forms = get(key) as { one: string; other: string };
    return fill(rules.select(count) === "one" ? forms.one : forms.other, { count, ...vars });
  };
  return t;
}
