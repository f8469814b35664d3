/**
 * The submissions export as CSV — one format for the command line (`npm run submissions -- export`) and
 * the inbox (GET /api/admin/submissions?format=csv): a header row in the language, one row per submission,
 * fr-CA with `;` (en with `,`), UTF-8 with a byte-order mark so spreadsheets read the accents.
 * Moved verbatim out of src/cli/submissions.ts so that the inbox's Lambda bundle does not pull in the
 * CLI's local-store code (dynalite, the local server).
 */
import type { Submission } from "../submissions/store.ts";
// The zod-free translations: this module is bundled into the inbox Lambda, and the strings are validated at build.
import { translations, uiStrings } from "../../i18n/translate.ts";
import { quebecWallClock } from "../sla/quebec-time.ts";
import { fields, formTypes } from "./fields.ts";

/** "YYYY-MM-DD HH:MM" in Québec time. @example quebecTime("2026-12-01T14:30:00Z") // "2026-12-01 09:30" */
export function quebecTime(iso: string): string {
  const { date, time } = quebecWallClock(new Date(iso));
  return `${date} ${time}`;
}

/** One CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const answerColumns = [...new Set(formTypes.flatMap((type) => fields[type].map((f) => f.name)))];

/** The export: a header row in the language, one row per submission; UTF-8 with BOM so Excel reads accents. */
export function toCsv(submissions: Submission[], lang: "fr" | "en"): string {
  const t = translations(uiStrings[lang], lang);
  const separator = lang === "fr" ? ";" : ",";
  const header = [
    t("forms.export.reference"), t("forms.export.type"), t("forms.export.status"), t("forms.export.createdAt"),
    t("forms.export.lang"), t("forms.export.source"),
    ...answerColumns.map((name) => t(`forms.field.${name}` as Parameters<typeof t>[0])),
    t("forms.export.expiresAt"),
  ];
  const rows = submissions.map((s) => [
    s.reference,
    t(`forms.type.${s.type}` as Parameters<typeof t>[0]),
    t(`forms.status.${s.status}` as Parameters<typeof t>[0]),
    quebecTime(s.createdAt),
    s.lang,
    s.source,
    ...answerColumns.map((name) => {
      const value = s.answers[name];
      return Array.isArray(value) ? value.join(" | ") : (value ?? "");
    }),
    quebecWallClock(new Date(s.expiresAt * 1000)).date,
  ]);
  return `\ufeff${[header, ...rows].map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join("\r\n")}\r\n`;
}
