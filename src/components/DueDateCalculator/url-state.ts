/**
 * The calculator's whole state in the address (history.replaceState), so that a link reproduces a result.
 * ?level=csc-restore-p3&date=2026-12-01&time=09:00&pause=2026-12-01T10:00/2026-12-01T11:00&billing=…&quarter=…
 */

export interface PauseFields {
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}

export interface CalculatorState {
  level: string;
  date: string;
  time: string;
  pauses: PauseFields[];
  /** Billing date, for levels counted from it. */
  billing: string;
  /** Quarter end "YYYY-MM-DD", for levels counted from it. */
  quarter: string;
}

/** The longest list of pauses the address may carry (beyond that, extra ones are ignored). */
export const MAX_PAUSES = 20;

const splitInstant = (value: string): [string, string] => {
  const [date = "", time = ""] = value.split("T");
  return [date, time];
};

/**
 * Reads the state from a query string; missing parts are left empty for the island to fill.
 * @example readState("?level=csc-restore-p1&date=2026-12-01&time=09:00").level // "csc-restore-p1"
 */
export function readState(search: string): CalculatorState {
  const params = new URLSearchParams(search);
  const pauses = params
    .getAll("pause")
    .slice(0, MAX_PAUSES)
    .map((value) => {
      const [from = "", to = ""] = value.split("/");
      const [fromDate, fromTime] = splitInstant(from);
      const [toDate, toTime] = splitInstant(to);
      return { fromDate, fromTime, toDate, toTime };
    });
  return {
    level: params.get("level") ?? "",
    date: params.get("date") ?? "",
    time: params.get("time") ?? "",
    pauses,
    billing: params.get("billing") ?? "",
    quarter: params.get("quarter") ?? "",
  };
}

/**
 * Writes the state as a query string (without "?"), only the parts the level uses.
 * @example writeState({ level: "csc-restore-p1", date: "2026-12-01", time: "09:00", pauses: [], billing: "", quarter: "" }, "request", false)
 * // "level=csc-restore-p1&date=2026-12-01&time=09%3A00"
 */
export function writeState(state: CalculatorState, uses: "request" | "billing-date" | "quarter-end" | "none", pausable: boolean): string {
  const params = new URLSearchParams();
  if (state.level) params.set("level", state.level);
  if (uses === "request") {
    params.set("date", state.date);
    params.set("time", state.time);
    if (pausable) for (const p of state.pauses) params.append("pause", `${p.fromDate}T${p.fromTime}/${p.toDate}T${p.toTime}`);
  } else if (uses === "billing-date") {
    params.set("billing", state.billing);
  } else if (uses === "quarter-end") {
    params.set("quarter", state.quarter);
  }
  return params.toString();
}
