/**
 * The report's worker: reads the file (or the pasted text, or an example), then assesses the incidents, off the
 * page's main thread so the page never freezes, whatever the file. The engine, the CSV reader and the catalogue's
 * levels (sent by the island) live here; the island only shows what comes back.
 */
import { guessMapping, reportCsv } from "../../lib/attainment/csv.ts";
import { assessRows, decodeFile, loadRows, LoadProblem, type Loaded } from "./pipeline.ts";
import type { ListedIncident, Request, Response } from "./protocol.ts";

let loaded: Loaded | undefined;
const post = (message: Response) => (self as unknown as Worker).postMessage(message);

async function load(request: Extract<Request, { type: "load" }>): Promise<Response> {
  let raw = request.text;
  let size: number | undefined;
  if (request.file || request.url) {
    const blob = request.file ?? (await (await fetch(request.url as string)).blob());
    size = blob.size;
    try {
      raw = decodeFile(new Uint8Array(await blob.arrayBuffer()));
    } catch (error) {
      if (error instanceof LoadProblem) return { type: "error", code: error.code, size };
      throw error;
    }
  }
  loaded = undefined;
  try {
    loaded = await loadRows(raw ?? "", (done) => post({ type: "progress", done }));
  } catch (error) {
    if (error instanceof LoadProblem) return { type: "error", code: error.code, ...(size !== undefined ? { size } : {}) };
    throw error;
  }
  const example = (loaded.rows[0]?.cells ?? []).map((cell) => (cell.length > 40 ? `${cell.slice(0, 40)}…` : cell.trim()));
  return { type: "loaded", headers: loaded.headers, separator: loaded.separator, rows: loaded.rows.length, mapping: guessMapping(loaded.headers), example };
}

async function run(request: Extract<Request, { type: "run" }>): Promise<Response> {
  if (!loaded) return { type: "error", code: "read-failed" };
  const data = await assessRows(loaded, request.mapping, request.profile, new Date(request.asOf), (done, total) => post({ type: "progress", done, total }));
  const missed = data.rows
    .filter((r) => r.incident.outcome === "missed" || r.incident.outcome === "overdue")
    .sort((a, b) => (b.incident.late ?? 0) - (a.incident.late ?? 0));
  const listed = missed.slice(0, request.listMax).map(({ line, incident }): ListedIncident => ({
    line,
    ref: incident.ref,
    priority: incident.priority,
    due: incident.due.getTime(),
    ...(incident.restored ? { restored: incident.restored.getTime() } : {}),
    late: incident.late ?? 0,
    outcome: incident.outcome,
  }));
  return {
    type: "report",
    report: {
      asOf: request.asOf,
      assessed: data.rows.length,
      byPriority: data.byPriority,
      missed: listed,
      missedTotal: missed.length,
      errors: data.errors.slice(0, request.listMax),
      errorsTotal: data.errors.length,
      csv: reportCsv(data.rows, request.lang, request.labels),
    },
  };
}

self.onmessage = async (event: MessageEvent<Request>) => {
  try {
    post(event.data.type === "load" ? await load(event.data) : await run(event.data));
  } catch {
    post({ type: "error", code: "read-failed" });
  }
};
