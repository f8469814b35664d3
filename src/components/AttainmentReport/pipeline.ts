/**
 * The report's work, run in a worker (worker.ts) so the page never freezes: checking the file (size, text, rows),
 * reading its rows, then turning rows into incidents and assessing them, reporting progress every SLICE_MS.
 * No DOM.
 */
import { csvRows, detectSeparator, rowToIncident, stripBom, type RowReason } from "../../lib/attainment/csv.ts";
import { MAX_BYTES, MAX_ROWS, type Mapping } from "../../lib/attainment/fields.ts";
import {
  assessOne, isInvalid, summarise, type AssessedIncident, type CentreProfile, type InvalidReason, type Priority, type PrioritySummary,
} from "../../lib/attainment/core.ts";

/** Longest stretch of work between two pauses for the browser. */
export const SLICE_MS = 30;

export type LoadError = "empty" | "too-large" | "binary" | "no-rows" | "too-many-rows" | "one-column";

export class LoadProblem extends Error {
  readonly code: LoadError;
  constructor(code: LoadError) {
    super(code);
    this.code = code;
  }
}

/** Lets the browser paint and handle input. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The text of a file's bytes: UTF-8 (the decoder drops a byte-order mark); refuses NUL bytes and invalid UTF-8
 * (a workbook, an image, UTF-16).
 * @throws LoadProblem "empty", "too-large" or "binary"
 */
export function decodeFile(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new LoadProblem("empty");
  if (bytes.length > MAX_BYTES) throw new LoadProblem("too-large");
  if (bytes.subarray(0, 65_536).includes(0)) throw new LoadProblem("binary");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new LoadProblem("binary");
  }
}

export interface Loaded {
  separator: "," | ";";
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/**
 * Reads every row of a CSV text in slices.
 * @throws LoadProblem "empty", "one-column", "no-rows", "too-many-rows" or "binary" (NUL characters)
 */
export async function loadRows(raw: string, onProgress?: (rows: number) => void): Promise<Loaded> {
  const text = stripBom(raw);
  if (text.trim() === "") throw new LoadProblem("empty");
  if (text.length > MAX_BYTES) throw new LoadProblem("too-large");
  if (text.includes("\u0000")) throw new LoadProblem("binary");
  const separator = detectSeparator(text);
  const iterator = csvRows(text, separator);
  const first = iterator.next();
  if (first.done) throw new LoadProblem("empty");
  const headers = first.value.cells.map((h) => h.trim());
  if (headers.length < 2) throw new LoadProblem("one-column");
  const rows: Loaded["rows"] = [];
  let sliceStart = performance.now();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    rows.push(next.value);
    if (rows.length > MAX_ROWS) throw new LoadProblem("too-many-rows");
    if ((rows.length & 255) === 0 && performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(rows.length);
      await breathe();
      sliceStart = performance.now();
    }
  }
  if (rows.length === 0) throw new LoadProblem("no-rows");
  return { separator, headers, rows };
}

export interface RowError {
  line: number;
  ref: string;
  reason: RowReason | InvalidReason;
}

export interface ReportData {
  asOf: Date;
  rows: Array<{ line: number; incident: AssessedIncident }>;
  errors: RowError[];
  byPriority: Record<Priority, PrioritySummary>;
}

/** Turns rows into incidents and assesses them, in slices; `onProgress(done, total)` between slices. */
export async function assessRows(
  loaded: Loaded,
  mapping: Mapping,
  profile: CentreProfile,
  asOf: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<ReportData> {
  const rows: ReportData["rows"] = [];
  const errors: RowError[] = [];
  let sliceStart = performance.now();
  const total = loaded.rows.length;
  for (let i = 0; i < total; i++) {
    const { line, cells } = loaded.rows[i] as Loaded["rows"][number];
    const read = rowToIncident(line, cells, mapping, profile);
    if ("reason" in read) errors.push(read);
    else {
      const result = assessOne(read.incident, profile, line, asOf);
      if (isInvalid(result)) errors.push({ line, ref: result.ref, reason: result.reason });
      else rows.push({ line, incident: result });
    }
    if ((i & 127) === 127 && performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(i + 1, total);
      await breathe();
      sliceStart = performance.now();
    }
  }
  return { asOf, rows, errors, byPriority: summarise(rows.map((r) => r.incident), profile) };
}
