/**
 * Words of the forms, looked up in the `forms.` interface strings that the page (or the handler)
 * passes in. Islands do not import src/i18n/index.ts (it carries both languages and zod's full build),
 * so this module repeats its two tiny helpers: placeholder filling and plural choice.
 */
import { fields, type FormType } from "./fields.ts";
import type { FieldErrorCode } from "./validate.ts";

export type Plural = { one: string; other: string };
/** The `forms.*` strings of one language, as `pickStrings(lang, "forms.")` returns them. */
export type FormStrings = Record<string, string | Plural | undefined>;
export type FormLang = "fr" | "en";

export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function text(strings: FormStrings, key: string, vars?: Record<string, string | number>): string {
  const value = strings[key];
  if (typeof value !== "string") throw new Error(`Missing form string ${key}`);
  return fill(value, vars);
}

export function plural(strings: FormStrings, key: string, count: number, lang: FormLang, vars: Record<string, string | number> = {}): string {
  const value = strings[key];
  if (!value || typeof value === "string") throw new Error(`Missing plural form string ${key}`);
  const category = new Intl.PluralRules(lang === "fr" ? "fr-CA" : "en-CA").select(count) === "one" ? "one" : "other";
  return fill(value[category], { count: formatCount(count, lang), ...vars });
}

function formatCount(n: number, lang: FormLang): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA").format(n).replace(/\u202f/g, "\u00a0");
}

export function fieldLabel(strings: FormStrings, name: string): string {
  const value = strings[`forms.field.${name}`];
  return typeof value === "string" ? value : name;
}

/** The sentence shown next to a field (and in the error summary, and in the API's 400 answer). */
export function errorMessage(strings: FormStrings, type: FormType, field: string, code: FieldErrorCode, lang: FormLang): string {
  const spec = fields[type].find((s) => s.name === field);
  return text(strings, `forms.error.${code}`, {
    label: fieldLabel(strings, field),
    max: spec ? formatCount(spec.max, lang) : "",
  });
}

export { formatCount };
