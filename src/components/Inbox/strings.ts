/**
 * The island's interface strings, received as a prop from its Astro wrapper: the `inbox.` area plus
 * the form names it shows (types, statuses, field labels, organisation types, languages), read through the
 * site's one translator (src/i18n/translator.ts: `{name}` placeholders, a missing key or value throws).
 * Keys are plain strings here because many are built from data (a field name, a stored answer): check
 * those with `t.has` first when they may be unknown.
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type PluralForms, type Slice, type Vars } from "../../i18n/translator.ts";
import type { PluralKey, TextKey } from "../../i18n/ui/schema.ts";

export type InboxKey = KeysOf<"inbox." | "forms.type." | "forms.status." | "forms.field." | "forms.organisationType." | "forms.language.">;
export type InboxStrings = Record<string, string | PluralForms | undefined>;

export interface Translate {
  (key: string, vars?: Vars): string;
  plural: (key: string, count: number, vars?: Vars) => string;
  has: (key: string) => boolean;
}

/** @throws {Error} naming the key when the page did not pass it (a wiring mistake). */
export function translator(strings: InboxStrings, lang: Lang): Translate {
  const t = createTranslator(strings as Slice<InboxKey>, lang);
  const translate = (key: string, vars?: Vars) => t(key as Extract<InboxKey, TextKey>, vars);
  return Object.assign(translate, {
    plural: (key: string, count: number, vars?: Vars) => t.plural(key as Extract<InboxKey, PluralKey>, count, vars),
    has: t.has,
  });
}
