/**
 * Structured logs, one JSON line per event. Only what operations need: reference, type, outcome,
 * status code, latency, field names and error codes — never an answer (name, email, phone,
 * organisation, message) nor the client's address.
 */
export interface LogEntry {
  event: string;
  type?: string;
  reference?: string;
  outcome: string;
  status?: number;
  latencyMs?: number;
  errors?: string[];
  error?: string;
  attempts?: number;
  /** A programming error's stack frames (never its message, which may quote input). */
  stack?: string;
}

export type Logger = (entry: LogEntry) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ level: entry.status && entry.status >= 500 ? "error" : "info", time: new Date().toISOString(), ...entry })}\n`);
};
