/** The messages between the report island and its worker (worker.ts). Types only. */
import type { Centre, CentreProfile, Outcome, Priority, PrioritySummary } from "../../lib/attainment/core.ts";
import type { Mapping } from "../../lib/attainment/fields.ts";
import type { ReportCsvLabels } from "../../lib/attainment/csv.ts";
import type { LoadError, RowError } from "./pipeline.ts";

export type Request =
  | { type: "load"; file?: Blob; text?: string; url?: string }
  | { type: "run"; mapping: Mapping; profile: CentreProfile; asOf: number; lang: "fr" | "en"; labels: ReportCsvLabels; listMax: number };

/** An incident as the page lists it (instants in ms). */
export interface ListedIncident {
  line: number;
  ref: string;
  priority: Priority;
  due: number;
  restored?: number;
  late: number;
  outcome: Outcome;
}

export interface WorkerReport {
  centre?: Centre;
  asOf: number;
  assessed: number;
  byPriority: Record<Priority, PrioritySummary>;
  /** The latest first, at most listMax. */
  missed: ListedIncident[];
  missedTotal: number;
  errors: RowError[];
  errorsTotal: number;
  csv: string;
}

export type Response =
  | { type: "progress"; done: number; total?: number }
  | { type: "loaded"; headers: string[]; separator: string; rows: number; mapping: Mapping; example: string[] }
  | { type: "report"; report: WorkerReport }
  | { type: "error"; code: LoadError | "read-failed"; size?: number };
