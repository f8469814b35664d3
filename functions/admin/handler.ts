/**
 * What the three admin handlers share: their dependencies (built once from the environment, like the
 * public handlers'), the caller check, and the one wrapper. Handlers stay thin: parse, call one domain
 * function (src/lib/submissions/queries.ts, workflow.ts), answer.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { configFromEnv, type Config } from "../core/config.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import type { HttpResult } from "../core/http.ts";
import { httpHandler, problem, type Route, type WrapperDeps } from "../core/lambda.ts";
import { jsonLogger, type Logger } from "../../src/lib/submissions/log.ts";
import { actorOf, type Actor, type AdminEvent } from "./event.ts";

export interface AdminDeps extends WrapperDeps {
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
    ...(config.originSecret ? { originSecret: config.originSecret } : {}),
    budgetMs: overrides.budgetMs ?? config.budgetMs,
  };
}

export { problem };

export const UNAUTHORIZED: HttpResult = problem({ status: 401, code: "unauthorized", headers: { "www-authenticate": 'Bearer realm="inbox"' } });

/**
 * Wraps a route in the one Lambda wrapper (core/lambda.ts: origin check, 503/500, error shape, log
 * line) and refuses a request without verified claims (401). The log line holds the outcome, status,
 * latency and reference; never the caller's identity nor anything from a submission.
 */
export function adminHandler(
  route: string,
  overrides: AdminOverrides,
  run: (event: AdminEvent, actor: Actor, deps: AdminDeps) => Promise<Route>,
) {
  return httpHandler<AdminEvent, AdminDeps>({
    name: `admin:${route}`,
    deps: () => buildAdminDeps(overrides),
    run: async (event, deps) => {
      const actor = actorOf(event);
      if (!actor) return { result: UNAUTHORIZED, outcome: "unauthorized" };
      return run(event, actor, deps);
    },
  });
}
