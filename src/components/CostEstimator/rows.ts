/**
 * What the island keeps while a reader types: each line's fields as typed text, so that a wrong entry stays
 * on screen with its message, and the conversion to an `EstimateState` once every field is valid.
 */
import { parseQuantity, type EstimateState, type LineInput, type LineKind, type QuantityError } from "../../lib/estimate/index.ts";

/** The number fields of each kind of line, in screen order. */
export const FIELDS = {
  subscription: ["quantity"],
  recording: ["sessions", "minutes"],
  hourly: ["hours"],
} as const satisfies Record<LineKind, readonly string[]>;

export type FieldName = (typeof FIELDS)[LineKind][number];

export interface Row {
  /** Stable across edits and removals, for element ids and focus. */
  key: number;
  kind: LineKind;
  item: string;
  /** The typed text of each field of the kind. */
  text: Partial<Record<FieldName, string>>;
}

/**
 * A row showing a line's numbers.
 * @example rowOf({ kind: "recording", item: "recording", sessions: 4, minutes: 90 }, 7)
 * // { key: 7, kind: "recording", item: "recording", text: { sessions: "4", minutes: "90" } }
 */
export function rowOf(line: LineInput, key: number): Row {
  if (line.kind === "subscription") return { key, kind: line.kind, item: line.item, text: { quantity: String(line.quantity) } };
  if (line.kind === "recording") {
    return { key, kind: line.kind, item: line.item, text: { sessions: String(line.sessions), minutes: String(line.minutes) } };
  }
  return { key, kind: line.kind, item: line.item, text: { hours: String(line.hours) } };
}

/** The id of a field's input element (the error's is this + "-error"). */
export function fieldId(prefix: string, row: Row, field: FieldName): string {
  return `${prefix}-${row.key}-${field}`;
}

export interface ReadRows {
  /** The state when every field is valid, otherwise null (never an estimate from half-valid input). */
  state: EstimateState | null;
  /** The error of each wrong field, by `${row.key}-${field}`. */
  errors: Record<string, QuantityError>;
  /** Each row's line, or null for a row with a wrong field (same order as the rows). */
  lines: (LineInput | null)[];
}

/**
 * Reads every row's typed text.
 * @example readRows([{ key: 1, kind: "hourly", item: "training", text: { hours: "3" } }], "2017-08-24", 4).state
 * // { version: "2017-08-24", startMonth: 4, lines: [{ kind: "hourly", item: "training", hours: 3 }] }
 * @example readRows([{ key: 1, kind: "hourly", item: "training", text: { hours: "2,5" } }], "2017-08-24", 4)
 * // { state: null, errors: { "1-hours": "notWhole" }, lines: [null] }
 */
export function readRows(rows: readonly Row[], version: string, startMonth: number): ReadRows {
  const errors: Record<string, QuantityError> = {};
  const lines = rows.map((row): LineInput | null => {
    const values: Partial<Record<FieldName, number>> = {};
    let valid = true;
    for (const field of FIELDS[row.kind]) {
      const result = parseQuantity(row.text[field] ?? "");
      if (result.ok) values[field] = result.value;
      else {
        errors[`${row.key}-${field}`] = result.error;
        valid = false;
      }
    }
    if (!valid) return null;
    if (row.kind === "subscription") return { kind: row.kind, item: row.item, quantity: values.quantity ?? 0 };
    if (row.kind === "recording") return { kind: row.kind, item: row.item, sessions: values.sessions ?? 0, minutes: values.minutes ?? 0 };
    return { kind: row.kind, item: row.item, hours: values.hours ?? 0 };
  });
  const state = lines.every((line): line is LineInput => line !== null) ? { version, startMonth, lines } : null;
  return { state, errors, lines };
}
