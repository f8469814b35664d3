/**
 * Reading a CSV of incidents exported from a client's ticketing tool, and writing the report's CSV.
 *
 * Reading: UTF-8 with or without a byte-order mark, `,` or `;` between fields (whichever the header line uses
 * more), RFC 4180 quoting; the reader maps columns to fields, with guesses from French and English headers;
 * times in ISO 8601 with an offset (`2026-11-03T09:15:00-05:00`, `…Z`) or `YYYY-MM-DD HH:MM` read as Québec
 * time; priorities as `1`, `P1` or the centre's severity names (« Critique », « Majeur »…); pauses as `from/to`
 * pairs separated by `;`. Rows are produced one at a time (a generator), so a page can read a large file in
 * short slices without freezing. No DOM.
 */
import { isCalendarDate } from "../sla/civil.ts";
import { quebecInstant, quebecWallClock } from "../sla/quebec-time.ts";
import type { AssessedIncident, CentreProfile, Incident, Priority } from "./core.ts";
import { FIELDS, type Field, type Mapping } from "./fields.ts";

export const BOM = "\ufeff";

export { FIELDS, REQUIRED_FIELDS, missingFields, type Field, type Mapping } from "./fields.ts";

/** Why a row cannot become an incident. */
export type RowReason = "missing-ref" | "unknown-priority" | "invalid-received" | "invalid-restored" | "invalid-pause" | "missing-field";

/** A row read as an incident, or why not; `line` is the file's line number where the row starts (the header is line 1). */
export type RowResult = { line: number; incident: Incident } | { line: number; ref: string; reason: RowReason };

/**
 * The separator the header line uses most, outside quotes (`;` on a tie only when it appears).
 * @example detectSeparator("Numéro;Priorité;Reçu") // ";"
 */
export function detectSeparator(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ",") commas++;
    else if (!quoted && c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Removes a leading byte-order mark. */
export const stripBom = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text);

/**
 * The rows of a CSV text (RFC 4180: quoted fields may hold the separator, quotes doubled, line breaks), each with
 * the line number it starts on. Blank lines are skipped. A generator, so the caller decides how many to read at once.
 */
export function* csvRows(text: string, separator: string): Generator<{ line: number; cells: string[] }> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    let atCellStart = true;
    for (; i < n; i++) {
      const c = text[i] as string;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (c === "\n") line++;
          cell += c;
        }
      } else if (c === '"' && atCellStart) {
        quoted = true;
        atCellStart = false;
      } else if (c === separator) {
        cells.push(cell);
        cell = "";
        atCellStart = true;
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        i++;
        line++;
        break;
      } else {
        cell += c;
        atCellStart = false;
      }
    }
    cells.push(cell);
    if (cells.length === 1 && (cells[0] as string).trim() === "") continue;
    yield { line: start, cells };
  }
}

/** Lower case, without accents or punctuation: « Date de réception » → "date de reception". */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Header words per field, French and English, most specific first. */
const HEADER_WORDS: Record<Field, string[]> = {
  ref: ["reference", "ref", "numero", "no", "num", "id", "ticket", "billet", "incident", "number", "key", "cle"],
  priority: ["priorite", "priority", "prio", "p", "severite", "severity", "niveau", "level"],
  received: ["recu", "reception", "received", "ouverture", "ouvert", "opened", "open", "creation", "cree", "created", "signale", "reported", "debut", "start", "date"],
  restored: ["retabli", "retablissement", "remise en service", "restored", "restoration", "resolu", "resolution", "resolved", "ferme", "fermeture", "closed", "fin", "end"],
  pauses: ["pauses", "pause", "attente", "en attente", "waiting", "on hold", "hold", "suspension", "suspensions"],
};

function score(header: string, field: Field): number {
  const h = normalise(header);
  if (h === "") return 0;
  const words = HEADER_WORDS[field];
  let best = 0;
  words.forEach((word, rank) => {
    const weight = words.length - rank;
    if (h === word) best = Math.max(best, 100 + weight);
    else if (` ${h} `.includes(` ${word} `)) best = Math.max(best, 50 + weight);
    else if (word.length >= 4 && h.includes(word)) best = Math.max(best, 20 + weight);
  });
  return best;
}

/**
 * Guesses which column holds each field from the header's names (French or English); each column serves one
 * field at most, the best-scoring pairs first.
 * @example guessMapping(["Numéro", "Priorité", "Reçu le", "Rétabli le", "En attente"])
 * // { ref: 0, priority: 1, received: 2, restored: 3, pauses: 4 }
 */
export function guessMapping(headers: readonly string[]): Mapping {
  const pairs: Array<{ field: Field; column: number; score: number }> = [];
  for (const field of FIELDS) headers.forEach((header, column) => {
    const s = score(header, field);
    if (s > 0) pairs.push({ field, column, score: s });
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Mapping = { ref: -1, priority: -1, received: -1, restored: -1, pauses: -1 };
  const used = new Set<number>();
  for (const { field, column } of pairs) {
    if (mapping[field] >= 0 || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

const ISO_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,3})?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant from ISO 8601 with an offset, or `YYYY-MM-DD HH:MM[:SS]` as Québec time; undefined when neither.
 * @example parseInstant("2026-12-01 09:00") // 2026-12-01T14:00:00.000Z
 * @example parseInstant("2026-12-01T09:00:00-05:00") // 2026-12-01T14:00:00.000Z
 */
export function parseInstant(text: string): Date | undefined {
  const value = text.trim();
  const iso = ISO_OFFSET.exec(value);
  if (iso) {
    let offset = (iso[3] as string).toUpperCase();
    if (offset !== "Z") offset = offset.length === 3 ? `${offset}:00` : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
    const date = new Date(`${iso[1]}T${(iso[2] as string).replace(",", ".")}${offset}`);
    if (Number.isNaN(date.getTime()) || !isCalendarDate(iso[1])) return undefined;
    return date;
  }
  const local = LOCAL.exec(value);
  if (local) {
    try {
      const base = quebecInstant(local[1] as string, `${local[2]}:${local[3]}`);
      const seconds = local[4] === undefined ? 0 : Number(local[4]);
      if (seconds > 59) return undefined;
      return new Date(base.getTime() + seconds * 1000);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A priority from `1`, `P1`, `P1 - Critique`, or the centre's severity name in either language.
 * @example parsePriority("p2", cau) // 2
 * @example parsePriority("Majeur", cau) // 2
 */
export function parsePriority(text: string, profile: CentreProfile): Priority | undefined {
  const value = normalise(text);
  const numbered = /^(?:p|priorite|priority)?\s*([1-5])(?:\s|$)/.exec(value);
  if (numbered) return Number(numbered[1]) as Priority;
  for (const level of profile.levels) {
    if (value === normalise(level.severity.fr) || value === normalise(level.severity.en)) return level.priority;
  }
  return undefined;
}

/** Pauses `from/to;from/to`; undefined when any pair cannot be read. */
export function parsePauses(text: string): Array<{ from: Date; to: Date }> | undefined {
  const pauses: Array<{ from: Date; to: Date }> = [];
  for (const part of text.split(/[;\n]/)) {
    if (part.trim() === "") continue;
    const ends = part.split("/");
    if (ends.length !== 2) return undefined;
    const from = parseInstant(ends[0] as string);
    const to = parseInstant(ends[1] as string);
    if (!from || !to) return undefined;
    pauses.push({ from, to });
  }
  return pauses;
}

/** One data row as an incident, with the mapping and the centre's severity names. */
export function rowToIncident(line: number, cells: readonly string[], mapping: Mapping, profile: CentreProfile): RowResult {
  const cell = (field: Field) => (mapping[field] >= 0 ? (cells[mapping[field]] ?? "").trim() : "");
  const ref = cell("ref");
  const fail = (reason: RowReason): RowResult => ({ line, ref, reason });
  if (ref === "") return fail("missing-ref");
  const priority = parsePriority(cell("priority"), profile);
  if (priority === undefined) return fail("unknown-priority");
  const received = parseInstant(cell("received"));
  if (!received) return fail("invalid-received");
  const restoredText = cell("restored");
  const restored = restoredText === "" ? undefined : parseInstant(restoredText);
  if (restoredText !== "" && !restored) return fail("invalid-restored");
  const pauses = parsePauses(cell("pauses"));
  if (!pauses) return fail("invalid-pause");
  return {
    line,
    incident: { ref, priority, received, ...(restored ? { restored } : {}), ...(pauses.length > 0 ? { pauses } : {}) },
  };
}

/* ---------- Writing the report's CSV ---------- */


/** Québec wall clock "YYYY-MM-DD HH:MM" of an instant — a format the report reads back. */
export function quebecText(instant: Date): string {
  const { date, time } = quebecWallClock(instant);
  return `${date} ${time}`;
}

/**
 * One field, quoted when it holds the separator, a quote or a line break; a text that a spreadsheet would run as
 * a formula (starting with = + - @) is prefixed with an apostrophe.
 */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Hours with two decimals, decimal comma in French: 5400000 ms → "1,50" / "1.50". */
export function csvHours(ms: number, lang: "fr" | "en"): string {
  const hundredths = Math.round(ms / 36_000);
  const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
  return lang === "fr" ? text.replace(".", ",") : text;
}

export interface ReportCsvLabels {
  header: readonly string[];
  outcome: Record<AssessedIncident["outcome"], string>;
}

/**
 * The report as CSV: one row per incident (reference, priority, level, received, restored, due, outcome, hours
 * late), UTF-8 with a byte-order mark; French with `;` and a decimal comma, English with `,`.
 */
export function reportCsv(
  rows: ReadonlyArray<{ line: number; incident: AssessedIncident }>,
  lang: "fr" | "en",
  labels: ReportCsvLabels,
): string {
  const sep = lang === "fr" ? ";" : ",";
  const out = [labels.header.map((h) => csvCell(h, sep)).join(sep)];
  for (const { line, incident } of rows) {
    out.push(
      [
        String(line),
        csvCell(incident.ref, sep),
        `P${incident.priority}`,
        incident.levelId,
        quebecText(incident.received),
        incident.restored ? quebecText(incident.restored) : "",
        quebecText(incident.due),
        csvCell(labels.outcome[incident.outcome], sep),
        incident.late !== undefined ? csvHours(incident.late, lang) : "",
      ].join(sep),
    );
  }
  return `${BOM}${out.join("\r\n")}\r\n`;
}
