/**
 * The one error the service-level engine throws for bad input. It never returns a wrong date instead.
 * `code` is stable (tests and the island switch on it); `message` is for developers, in English.
 */
export type SlaErrorCode =
  | "invalid-date"
  | "invalid-instant"
  | "invalid-time"
  | "invalid-amount"
  | "invalid-window"
  | "invalid-rule"
  | "invalid-pause"
  | "pauses-not-supported"
  | "out-of-range"
  | "invalid-holiday-table";

/**
 * @example
 * try { isBusinessDay("2026-02-30") } catch (e) { (e as SlaInputError).code } // "invalid-date"
 */
export class SlaInputError extends Error {
  readonly code: SlaErrorCode;
  constructor(code: SlaErrorCode, message: string) {
    super(message);
    this.name = "SlaInputError";
    this.code = code;
  }
}

/** True for an SlaInputError, also across module copies (checks the name and code, not the prototype). */
export function isSlaInputError(error: unknown): error is SlaInputError {
  return error instanceof Error && error.name === "SlaInputError" && typeof (error as SlaInputError).code === "string";
}
