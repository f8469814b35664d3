/**
 * The one Lambda wrapper every handler goes through. It decides the status of every failure, so that
 * the routes only say what they do:
 * - the request did not come through CloudFront (no origin secret) → 403, logged;
 * - the database or the network to it failed, or the time budget ran out → 503 with Retry-After
 *   (the client may try again; nothing was half-written: every write is one conditional item write);
 * - anything else thrown is a programming error → 500, logged with the error's name and its stack
 *   frames — never its message, which may quote input — and nothing of the request;
 * - every error answer has the same JSON shape, `{ errors: [{ field, code, message }] }`, in the
 *   reader's language, unless the route presents it otherwise (the no-JavaScript form page).
 */
import { timingSafeEqual } from "node:crypto";
import type { Lang } from "../../src/i18n/locales.ts";
import type { Logger, LogEntry } from "../../src/lib/submissions/log.ts";
import { ReferenceExhaustedError } from "../../src/lib/submissions/store.ts";
import { ORIGIN_HEADER } from "../../src/lib/submissions/api.ts";
import { header, json, languageFromHeader, type HttpEvent, type HttpResult } from "./http.ts";

export { ORIGIN_HEADER };

/** Seconds a client is asked to wait when the database fails. */
export const UNAVAILABLE_RETRY_AFTER = 30;

/** One error of an answer: which field (null: the request as a whole), a stable code, a sentence. */
export interface Problem {
  status: number;
  code: string;
  field?: string | null;
  message?: string;
  headers?: Record<string, string>;
  /** More members of the error object (e.g. `max`). */
  extra?: Record<string, unknown>;
}

/** The JSON error answer, the same everywhere. */
export function problem(p: Problem): HttpResult {
  return json(p.status, { errors: [{ field: p.field ?? null, code: p.code, ...(p.message ? { message: p.message } : {}), ...p.extra }] }, p.headers ?? {});
}

/** A failure a later retry can get past (the store's own "no free reference" is one). */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "ESOCKETTIMEDOUT",
]);
const RETRYABLE_SERVICE_ERRORS = new Set([
  "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded", "LimitExceededException",
  "TransactionConflictException", "InternalServerError", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException",
  "RequestTimeout", "RequestTimeoutException", "TimeoutError",
]);

/**
 * Whether an error is the database's or the network's (503), as opposed to a bug (500). An AWS service
 * error counts when the service says it is its fault or a throttle; a client-side fault (a malformed
 * expression, a missing table, a denied action) is a bug of the code or of the deployment.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof UnavailableError || error instanceof ReferenceExhaustedError) return true;
  const e = error as Error & { code?: unknown; $fault?: unknown; $metadata?: unknown; cause?: unknown };
  if (RETRYABLE_SERVICE_ERRORS.has(e.name) || e.name === "AbortError") return true;
  if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || e.code.startsWith("UND_ERR"))) return true;
  if (e.$metadata !== undefined) return e.$fault === "server";
  return e.cause !== undefined && e.cause !== error && isUnavailable(e.cause);
}

/** The stack frames of an error, without its message (which may quote the request). */
export function stackFrames(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  return stack.split("\n").filter((line) => /^\s+at /.test(line)).map((line) => line.trim()).slice(0, 15).join("\n");
}

export interface Route {
  /** What the route answered; `outcome` and the rest go to the log line. */
  result: HttpResult;
  outcome: string;
  reference?: string;
  errors?: string[];
  attempts?: number;
  error?: string;
}

/** What a route can set while it runs: the reader's language, and how to present an error it did not decide. */
export interface Request {
  lang: Lang;
  /** Renders a failure decided by the wrapper (503, 500) the route's way, e.g. the form page with the answers kept. */
  present?: (problem: Problem) => HttpResult;
}

export interface WrapperDeps {
  log: Logger;
  /** The secret CloudFront sends in ORIGIN_HEADER; unset: no check (a handler called directly, in tests). */
  originSecret?: string;
  /** Time the handler gives itself before answering 503 (below the Lambda timeout). */
  budgetMs: number;
}

export interface HandlerOptions<E extends HttpEvent, D extends WrapperDeps> {
  /** The log line's `event` ("submission", "admin:list"). */
  name: string;
  /** The form type, for the log line. */
  type?: string;
  deps: () => D;
  run: (event: E, deps: D, request: Request) => Promise<Route>;
  /**
   * The sentence for a failure the wrapper decides, in the reader's language. The public handlers give
   * it (their readers see it); the admin ones do not (the inbox words its own messages from the code),
   * which keeps the interface strings out of their bundles.
   */
  say?: (code: "forbidden" | "unavailable" | "unexpected", lang: Lang) => string;
}

/** Lambda's context: the wrapper keeps a second in reserve before the function's own timeout. */
export interface LambdaContext {
  getRemainingTimeInMillis?: () => number;
}

const message = (text: string | undefined): { message?: string } => (text ? { message: text } : {});

class BudgetExceeded extends Error {
  override name = "TimeoutError";
}

function sameSecret(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function httpHandler<E extends HttpEvent, D extends WrapperDeps>(options: HandlerOptions<E, D>) {
  let deps: D | undefined;
  return async (event: E, context?: LambdaContext): Promise<HttpResult> => {
    deps ??= options.deps();
    const d = deps;
    const started = performance.now();
    const request: Request = { lang: languageFromHeader(header(event, "accept-language")) };
    const log = (entry: Omit<LogEntry, "event" | "latencyMs" | "status">, result: HttpResult): HttpResult => {
      d.log({ event: options.name, ...(options.type ? { type: options.type } : {}), ...entry, status: result.statusCode, latencyMs: Math.round(performance.now() - started) });
      return result;
    };
    const say = (code: "forbidden" | "unavailable" | "unexpected") => options.say?.(code, request.lang);

    if (d.originSecret !== undefined && !sameSecret(header(event, ORIGIN_HEADER), d.originSecret)) {
      return log({ outcome: "forbidden" }, problem({ status: 403, code: "forbidden", ...message(say("forbidden")) }));
    }

    const remaining = context?.getRemainingTimeInMillis?.();
    const budget = Math.max(100, Math.min(d.budgetMs, remaining === undefined ? Infinity : remaining - 1000));
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        options.run(event, d, request),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new BudgetExceeded(`No answer within ${budget} ms`)), budget);
        }),
      ]);
      const { result, ...rest } = outcome;
      return log(rest, result);
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      if (isUnavailable(error)) {
        const p: Problem = { status: 503, code: "unavailable", ...message(say("unavailable")), headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER) } };
        return log({ outcome: "unavailable", error: name }, request.present?.(p) ?? problem(p));
      }
      const frames = stackFrames(error);
      const p: Problem = { status: 500, code: "internal", ...message(say("unexpected")) };
      let result: HttpResult;
      try {
        result = request.present?.(p) ?? problem(p);
      } catch {
        result = problem(p);
      }
      return log({ outcome: "error", error: name, ...(frames ? { stack: frames } : {}) }, result);
    } finally {
      clearTimeout(timer);
    }
  };
}
