/**
 * The island's interface strings, received as a prop from its Astro wrapper: the `inbox.` area plus
 * the form names it shows (types, statuses, field labels, organisation types, languages).
 */
import type { Lang } from "../../i18n/locales.ts";

export type InboxStrings = Record<string, string | { one: string; other: string } | undefined>;

export interface Translate {
  (key: string, vars?: Record<string, string | number>): string;
  plural: (key: string, count: number, vars?: Record<string, string | number>) => string;
  has: (key: string) => boolean;
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(vars[name]);
  });
}

/** @throws {Error} naming the key when the page did not pass it (a wiring mistake). */
export function translator(strings: InboxStrings, lang: Lang): Translate {
  const rules = new Intl.PluralRules(lang === "fr" ? "fr-CA" : "en-CA");
  const get = (key: string) => {
    const value = strings[key];
    if (value === undefined) throw new Error(`Missing interface string "${key}"`);
    return value;
  };
  const t = ((key: string, vars: Record<string, string | number> = {}) => fill(get(key) as string, vars)) as Translate;
  t.plural = (key, count, vars = {}) => {
    const forms = get(key) as { one: string; other: string };
    return fill(rules.select(count) === "one" ? forms.one : forms.other, { count, ...vars });
  };
  t.has = (key) => strings[key] !== undefined;
  return t;
}
