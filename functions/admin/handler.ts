/**
 * What the three admin handlers share: their dependencies (built once from the environment, like the
 * public handlers'), the caller check, the JSON error shape and the log line. Handlers stay thin:
 * parse, call one core function (list.ts, workflow.ts), answer.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { configFromEnv, type Config } from "../core/config.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { json, type HttpResult } from "../core/http.ts";
import { jsonLogger, type Logger } from "../../src/lib/submissions/log.ts";
import { actorOf, type Actor, type AdminEvent } from "./event.ts";

export interface AdminDeps {
  config: Config;
  db: DynamoDBClient;
  now: () => Date;
  log: Logger;
}

export type AdminOverrides = Partial<AdminDeps> & { env?: Record<string, string | undefined> };

export function buildAdminDeps(overrides: AdminOverrides = {}): AdminDeps {
  const config = overrides.config ?? configFromEnv(overrides.env ?? process.env);
  return {
    config,
    db: overrides.db ?? dynamoClient({ ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}), ...(config.region ? { region: config.region } : {}) }),
    now: overrides.now ?? (() => new Date()),
    log: overrides.log ?? jsonLogger,
  };
}

export function problem(statusCode: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): HttpResult {
  return json(statusCode, { errors: [{ field: null, code, ...extra }] }, headers);
}

export const UNAUTHORIZED: HttpResult = problem(401, "unauthorized", {}, { "www-authenticate": 'Bearer realm="inbox"' });

/**
 * Wraps a route: refuses a request without verified claims (401), turns a database failure into
 * 503 and a bug into 500, and logs one line per request — outcome, status, latency, reference;
 * never the caller's identity nor anything from a submission.
 */
export function adminHandler(
  route: string,
  overrides: AdminOverrides,
  run: (event: AdminEvent, actor: Actor, deps: AdminDeps) => Promise<{ result: HttpResult; outcome: string; reference?: string }>,
) {
  let deps: AdminDeps | undefined;
  return async (event: AdminEvent): Promise<HttpResult> => {
    deps ??= buildAdminDeps(overrides);
    const started = performance.now();
    const log = (outcome: string, result: HttpResult, extra: { reference?: string; error?: string } = {}) => {
      deps!.log({ event: `admin:${route}`, outcome, status: result.statusCode, latencyMs: Math.round(performance.now() - started), ...extra });
      return result;
    };
    const actor = actorOf(event);
    if (!actor) return log("unauthorized", UNAUTHORIZED);
    try {
      const { result, outcome, reference } = await run(event, actor, deps);
      return log(outcome, result, reference ? { reference } : {});
    } catch (error) {
      const name = (error as Error).name ?? "Error";
      // A programming error is a 500; anything else came from the database (or the network to it).
      if (!(error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError)) {
        return log("unavailable", problem(503, "unavailable", {}, { "retry-after": "30" }), { error: name });
      }
      return log("error", problem(500, "internal"), { error: name });
    }
  };
}
