/**
 * Validation shared by the browser island and the Lambda handlers (one schema, two places).
 * Built on zod/mini so that the island stays small. Every error is a stable code per field;
 * the words are interface strings (messages.ts), so the server answers in the reader's language.
 */
import * as z from "zod/mini";
import { fields, metaFields, type FieldSpec, type FormType } from "./fields.ts";

export type FieldErrorCode =
  | "required"
  | "too_long"
  | "too_many"
  | "invalid"
  | "invalid_email"
  | "invalid_phone"
  | "invalid_extension"
  | "invalid_choice"
  | "invalid_estimate"
  | "unknown_field";

export interface FieldError {
  field: string;
  code: FieldErrorCode;
}

/** The answers of a valid submission: strings, or string lists for checkboxes; absent when not given. */
export type Answers = Record<string, string | string[]>;

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

// One address: letters, digits and the marks addresses use, stricter than HTML's type=email — no `?`, `&`,
// `=`, `%`, `/` or `#`, which would let "a?cc=someone@x.ca" become a mailto: with another recipient.
const EMAIL = /^[A-Za-z0-9.!$'*+^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9 ().-]+$/;
const EXTENSION = /^[0-9]{1,8}$/;
// The estimator's own alphabet (src/lib/estimate/url.ts): letters, digits, `-`, `.`, `_`.
const ESTIMATE = /^[A-Za-z0-9._-]+$/;

/**
 * Trimmed, NFC-normalised text with control characters removed (line breaks and tabs kept),
 * so that « é » typed two ways is stored one way and invisible characters cannot hide in a record.
 */
export function normaliseText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, "")
    .trim();
}

function fieldSchema(spec: FieldSpec): z.core.$ZodType {
  const tooLong = z.maxLength(spec.max, { error: "too_long" });
  switch (spec.kind) {
    case "email":
      return z.string({ error: "invalid" }).check(tooLong, z.regex(EMAIL, { error: "invalid_email" }));
    case "tel":
      return z.string({ error: "invalid" }).check(
        tooLong,
        z.regex(PHONE, { error: "invalid_phone" }),
        z.refine((v) => {
          const digits = v.replace(/\D/g, "").length;
          return digits >= 10 && digits <= 15;
        }, { error: "invalid_phone" }),
      );
    case "extension":
      return z.string({ error: "invalid" }).check(tooLong, z.regex(EXTENSION, { error: "invalid_extension" }));
    case "select":
    case "radio":
      return z.enum(spec.options as [string, ...string[]], { error: "invalid_choice" });
    case "checkboxes":
      return z.array(z.enum(spec.options as [string, ...string[]], { error: "invalid_choice" }), { error: "invalid" }).check(
        z.maxLength(spec.max, { error: "too_many" }),
        z.refine((list) => new Set(list).size === list.length, { error: "invalid_choice" }),
      );
    case "hidden":
      return z.string({ error: "invalid" }).check(tooLong, z.regex(ESTIMATE, { error: "invalid_estimate" }));
    default:
      return z.string({ error: "invalid" }).check(tooLong);
  }
}

const schemas = new Map<FormType, z.core.$ZodType>();
function schemaOf(type: FormType): z.core.$ZodType {
  let schema = schemas.get(type);
  if (!schema) {
    const shape: Record<string, z.core.$ZodType> = {};
    for (const spec of fields[type]) shape[spec.name] = spec.required ? fieldSchema(spec) : z.optional(fieldSchema(spec));
    schema = z.strictObject(shape);
    schemas.set(type, schema);
  }
  return schema;
}

/**
 * Normalises raw answers (from JSON or a urlencoded form): text is normalised, an empty text
 * counts as not given, a single checkbox value becomes a list. Unknown keys are kept so that
 * validation can refuse them (allow-list).
 */
export function normaliseAnswers(type: FormType, raw: Record<string, unknown>): Record<string, unknown> {
  const specs = new Map(fields[type].map((spec) => [spec.name, spec]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = specs.get(key);
    if (!spec) {
      out[key] = value;
    } else if (spec.kind === "checkboxes") {
      const list = typeof value === "string" ? [value] : value;
      if (Array.isArray(list)) {
        const kept = list.map((v) => (typeof v === "string" ? normaliseText(v) : v)).filter((v) => v !== "");
        if (kept.length > 0) out[key] = kept;
      } else if (value !== undefined && value !== null) {
        out[key] = value;
      }
    } else if (typeof value === "string") {
      const text = normaliseText(value);
      if (text !== "") out[key] = text;
    } else if (value !== undefined && value !== null) {
      out[key] = value;
    }
  }
  return out;
}

const knownCodes = new Set<string>([
  "required", "too_long", "too_many", "invalid", "invalid_email", "invalid_phone",
  "invalid_extension", "invalid_choice", "invalid_estimate",
]);

/** Validates answers (already separated from the meta fields); at most one error per field, in form order. */
export function validateAnswers(type: FormType, raw: Record<string, unknown>): ValidationResult {
  const input = normaliseAnswers(type, raw);
  const result = z.safeParse(schemaOf(type), input);
  if (result.success) return { ok: true, answers: result.data as Answers };
  const byField = new Map<string, FieldErrorCode>();
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) if (!byField.has(key)) byField.set(key, "unknown_field");
      continue;
    }
    const field = String(issue.path[0] ?? "");
    if (byField.has(field)) continue;
    let code: FieldErrorCode = knownCodes.has(issue.message) ? (issue.message as FieldErrorCode) : "invalid";
    if (input[field] === undefined) code = "required";
    byField.set(field, code);
  }
  const order = fields[type].map((spec) => spec.name);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const errors = [...byField].map(([field, code]) => ({ field, code })).sort((a, b) => rank(a.field) - rank(b.field));
  return { ok: false, errors };
}

/** Validates one field alone, as the island does when the reader leaves it. */
export function validateField(type: FormType, name: string, value: unknown): FieldErrorCode | undefined {
  const spec = fields[type].find((s) => s.name === name);
  if (!spec) return "unknown_field";
  const normalised = normaliseAnswers(type, { [name]: value })[name];
  if (normalised === undefined) return spec.required ? "required" : undefined;
  const result = z.safeParse(fieldSchema(spec), normalised);
  if (result.success) return undefined;
  const message = result.error.issues[0]?.message ?? "invalid";
  return knownCodes.has(message) ? (message as FieldErrorCode) : "invalid";
}

/** Splits a raw body into the answers and the meta fields (page language, origin page, honeypot, fill time). */
export function splitMeta(raw: Record<string, unknown>): { answers: Record<string, unknown>; meta: Record<string, unknown> } {
  const answers: Record<string, unknown> = {};
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if ((metaFields as readonly string[]).includes(key)) meta[key] = value;
    else answers[key] = value;
  }
  return { answers, meta };
}
