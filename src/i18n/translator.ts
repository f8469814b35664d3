/**
 * The one translator of the site, for pages, islands, handlers and the command line. It imports no string
 * file: it works over whatever slice of the interface strings it is given — a page passes an island only the
 * keys it uses (`pickStrings(lang, "estimate.")`), a handler passes a whole language (src/i18n/translate.ts).
 *
 * One placeholder rule: `{name}` is replaced by `vars.name`; a plural key picks its form with
 * `Intl.PluralRules` and receives `{count}`, written with the language's digit grouping (1 000 / 1,000).
 * One behaviour for anything missing: a key absent from the slice, or a placeholder without a value, throws an
 * `Error` naming it — a wiring mistake the tests catch, never text shown to a reader.
 */
import { formatNumber } from "./format.ts";
import { localeTag, type Lang } from "./locales.ts";
import type { PluralKey, TextKey, UiKey, UiStrings } from "./ui/schema.ts";

export type Vars = Record<string, string | number>;
export type PluralForms = { one: string; other: string };

/** The keys of the interface strings that start with a prefix (an area such as "estimate."). */
export type KeysOf<P extends string> = Extract<UiKey, `${P}${string}`>;
/** The strings of some keys, typed: what a page passes to an island. */
export type Slice<K extends UiKey> = Pick<UiStrings, K>;

export interface Translator<K extends UiKey> {
  /** The text of a key, its `{name}` placeholders filled. */
  (key: Extract<K, TextKey>, vars?: Vars): string;
  /** The form of a plural key for `count`, with `{count}` and the other placeholders filled. */
  plural(key: Extract<K, PluralKey>, count: number, vars?: Vars): string;
  /** Whether the slice holds the key (for a key built from data, such as a status the page may not know). */
  has(key: string): boolean;
}

/**
 * Fills `{name}` placeholders. A sentence's period after "a.m." / "p.m." is not doubled.
 * @example fill("{a} et {b}", { a: 1, b: "deux" }) // "1 et deux"
 * @example fill("{a}", {}) // throws Error: Missing value for {a} in "{a}"
 */
export function fill(template: string, vars: Vars = {}): string {
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!Object.hasOwn(vars, name)) throw new Error(`Missing value for {${name}} in "${template}"`);
      return String(vars[name]);
    })
    .replace(/([ap]\.m)\.\./g, "$1.");
}

/**
 * The translation function over a slice of one language's strings.
 * @example createTranslator({ "estimate.remove": "Retirer" }, "fr")("estimate.remove") // "Retirer"
 * @example createTranslator(uiStrings.en, "en").plural("site.pageCount", 2) // "2 pages"
 * @throws {Error} `Missing interface string "key"` when the slice does not hold the key
 */
export function createTranslator<K extends UiKey>(strings: Slice<K>, lang: Lang): Translator<K> {
  const rules = new Intl.PluralRules(localeTag[lang]);
  const table: Partial<Record<UiKey, string | PluralForms>> = strings;
  const get = (key: UiKey): string | PluralForms => {
    const value = table[key];
    if (value === undefined) throw new Error(`Missing interface string "${key}"`);
    return value;
  };
  const t = (key: Extract<K, TextKey>, vars?: Vars): string => {
    const value = get(key);
    if (typeof value !== "string") throw new Error(`Interface string "${key}" is a plural: use t.plural`);
    return fill(value, vars);
  };
  t.plural = (key: Extract<K, PluralKey>, count: number, vars: Vars = {}): string => {
    const value = get(key);
    if (typeof value === "string") throw new Error(`Interface string "${key}" is not a plural`);
    return fill(rules.select(count) === "one" ? value.one : value.other, { count: formatNumber(count, lang), ...vars });
  };
  t.has = (key: string): boolean => Object.hasOwn(table, key);
  return t;
}
