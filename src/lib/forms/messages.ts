/**
 * Words of the forms, looked up in the `forms.` interface strings that the page (or the handler) passes in,
 * through the site's one translator (src/i18n/translator.ts: `{name}` placeholders, a missing key or value
 * throws). Islands do not import src/i18n/index.ts (it carries both languages and zod's full build).
 */
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator, type Vars } from "../../i18n/translator.ts";
import type { PluralKey, TextKey } from "../../i18n/ui/schema.ts";
import { formatNumber } from "../../i18n/format.ts";
import { fields, type FormType } from "./fields.ts";
import type { FieldErrorCode } from "./validate.ts";

export type FormKey = KeysOf<"forms.">;
export type FormTextKey = Extract<FormKey, TextKey>;
export type FormPluralKey = Extract<FormKey, PluralKey>;
/** The `forms.*` strings of one language, as `pickStrings(lang, "forms.")` returns them. */
export type FormStrings = Slice<FormKey>;
export type FormLang = Lang;
export type FormTranslator = Translator<FormKey>;

/** The translator over the form strings. */
export function formTranslator(strings: FormStrings, lang: FormLang): FormTranslator {
  return createTranslator(strings, lang);
}

/**
 * The text of a key (no plural involved, so the language does not matter to the lookup). Keys built from data
 * (`forms.error.${code}`, `forms.language.${option}`) are accepted; one the strings lack throws.
 */
export function text(strings: FormStrings, key: FormTextKey | `forms.${string}`, vars?: Vars): string {
  return createTranslator(strings, "fr")(key as FormTextKey, vars);
}

export function plural(strings: FormStrings, key: FormPluralKey, count: number, lang: FormLang, vars: Vars = {}): string {
  return createTranslator(strings, lang).plural(key, count, vars);
}

/** A count with the language's digit grouping (1 000 / 1,000). */
export function formatCount(n: number, lang: FormLang): string {
  return formatNumber(n, lang);
}

export function fieldLabel(strings: FormStrings, name: string): string {
  const key = `forms.field.${name}` as const;
  return createTranslator(strings, "fr").has(key) ? text(strings, key) : name;
}

/** The sentence shown next to a field (and in the error summary, and in the API's 400 answer). */
export function errorMessage(strings: FormStrings, type: FormType, field: string, code: FieldErrorCode, lang: FormLang): string {
  const spec = fields[type].find((s) => s.name === field);
  return text(strings, `forms.error.${code}`, {
    label: fieldLabel(strings, field),
    max: spec ? formatCount(spec.max, lang) : "",
  });
}
