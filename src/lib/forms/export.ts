/**
 * The submissions export as CSV — one definition for the command line (`npm run submissions -- export`)
 * and the inbox (GET /api/admin/submissions?format=csv): the columns below, in order, with their header
 * in the chosen language; labels in that language rather than codes (form type, status, page language,
 * organisation type, services, preferred language); the adviser assigned, the last status change (when,
 * by whom) and the number of internal notes. fr-CA with `;` (en with `,`), UTF-8 with a byte-order mark
 * so spreadsheets read the accents; a cell that starts like a formula is neutralised.
 */
import type { AdminRecord } from "../submissions/record.ts";
// The zod-free translations: this module is bundled into the inbox Lambda, and the strings are validated at build.
import { translations, uiStrings } from "../../i18n/translate.ts";
import type { TextKey } from "../../i18n/ui/schema.ts";
import type { Lang } from "../../i18n/locales.ts";
import { quebecWallClock } from "../sla/quebec-time.ts";
import { fields, formTypes } from "./fields.ts";
import { serviceLabels } from "./service-labels.ts";

/** What the export reads of a submission: the stored record with what the inbox adds (adviser, notes, authors). */
export type ExportRecord = Pick<AdminRecord, "reference" | "type" | "status" | "statusHistory" | "createdAt" | "lang" | "source" | "answers" | "expiresAt">
  & Partial<Pick<AdminRecord, "activity" | "assignee">>;

/**
 * An instant as a Québec date and time.
 * @example quebecTime("2026-12-01T14:30:00Z") // "2026-12-01 09:30"
 */
export function quebecTime(iso: string): string {
  const { date, time } = quebecWallClock(new Date(iso));
  return `${date} ${time}`;
}

/** One CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Translate = ReturnType<typeof translations>;

interface Context {
  t: Translate;
  services: Record<string, string>;
}

interface Column {
  /** The header's interface string. */
  header: TextKey;
  value: (record: ExportRecord, context: Context) => string;
}

/** Every answer of every form, in the forms' order, once. */
export const answerFields: readonly string[] = [...new Set(formTypes.flatMap((type) => fields[type].map((f) => f.name)))];

/** A label of the interface strings when the code has one, else the code as stored. */
function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}` as TextKey;
  return key in uiStrings.fr ? t(key) : code;
}

/** An answer in words: organisation types, services and languages by their labels; several choices joined by " | ". */
export function answerText(name: string, value: string | string[] | undefined, context: Context): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => (name === "services" ? context.services[v] ?? v : v)).join(" | ");
  if (value === "") return "";
  if (name === "organisationType") return label(context.t, "forms.organisationType.", value);
  if (name === "preferredLanguage") return label(context.t, "forms.language.", value);
  return value;
}

/** The last status change after the arrival, if any. */
function lastStatusChange(record: ExportRecord) {
  return record.statusHistory.length > 1 ? record.statusHistory[record.statusHistory.length - 1] : undefined;
}

/** The columns, in order: the one definition of the export. */
export const exportColumns: readonly Column[] = [
  { header: "forms.export.reference", value: (r) => r.reference },
  { header: "forms.export.type", value: (r, { t }) => label(t, "forms.type.", r.type) },
  { header: "forms.export.status", value: (r, { t }) => label(t, "forms.status.", r.status) },
  { header: "forms.export.createdAt", value: (r) => quebecTime(r.createdAt) },
  { header: "forms.export.lang", value: (r, { t }) => label(t, "forms.language.", r.lang) },
  { header: "forms.export.source", value: (r) => r.source },
  ...answerFields.map((name): Column => ({ header: `forms.field.${name}` as TextKey, value: (r, context) => answerText(name, r.answers[name], context) })),
  { header: "forms.export.assignee", value: (r) => r.assignee ?? "" },
  { header: "forms.export.lastStatusAt", value: (r) => { const last = lastStatusChange(r); return last ? quebecTime(last.at) : ""; } },
  {
    header: "forms.export.lastStatusBy",
    value: (r, { t }) => {
      const last = lastStatusChange(r) as { by?: string } | undefined;
      return last ? last.by ?? t("forms.export.commandLine") : "";
    },
  },
  { header: "forms.export.notes", value: (r) => String((r.activity ?? []).filter((a) => a.kind === "note").length) },
  { header: "forms.export.expiresAt", value: (r) => quebecWallClock(new Date(r.expiresAt * 1000)).date },
];

/** The field separator of a language: `;` in French (the decimal comma), `,` in English. */
export function csvSeparatorOf(lang: Lang): string {
  return lang === "fr" ? ";" : ",";
}

/**
 * The export line by line — the byte-order mark and header row first, then one row per submission — so a
 * large export can be written as it is read (the command line streams it); `toCsv` is their concatenation.
 */
export function csvWriter(lang: Lang): { header: string; row: (record: ExportRecord) => string } {
  const context: Context = { t: translations(uiStrings[lang], lang), services: serviceLabels(lang) };
  const separator = csvSeparatorOf(lang);
  const line = (cells: string[]) => `${cells.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`;
  return {
    header: `\ufeff${line(exportColumns.map((column) => context.t(column.header)))}`,
    row: (record) => line(exportColumns.map((column) => column.value(record, context))),
  };
}

export function* csvLines(records: Iterable<ExportRecord>, lang: Lang): Generator<string> {
  const writer = csvWriter(lang);
  yield writer.header;
  for (const record of records) yield writer.row(record);
}

/** The export: a header row in the language, one row per submission; UTF-8 with BOM so Excel reads accents. */
export function toCsv(records: readonly ExportRecord[], lang: Lang): string {
  return [...csvLines(records, lang)].join("");
}
