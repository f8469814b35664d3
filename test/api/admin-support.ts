/** Helpers of the admin API tests: seeding through the real public handlers, admin events with claims. */
import { createHandler } from "../../functions/core/submit.ts";
import type { AdminEvent } from "../../functions/admin/event.ts";
import type { Logger } from "../../src/lib/submissions/log.ts";
import { key, postEvent, testEnv, validAdviser, validInquiry } from "./support.ts";

export const quiet: Logger = () => {};

/** Stores a submission through POST /api/inquiries or /api/adviser-requests at the given instant. */
export async function seed(
  endpoint: string,
  type: "inquiry" | "adviser-request",
  at: Date,
  answers: Record<string, unknown> = {},
  env: Record<string, string> = {},
): Promise<string> {
  const handler = createHandler(type, { env: testEnv(endpoint, env), now: () => at, log: quiet });
  const body = { ...(type === "inquiry" ? validInquiry : validAdviser), ...answers };
  const path = type === "inquiry" ? "/api/inquiries" : "/api/adviser-requests";
  const result = await handler(postEvent(path, JSON.stringify(body), { headers: { "idempotency-key": key() } }));
  if (result.statusCode !== 201) throw new Error(`seed failed: ${result.statusCode} ${result.body}`);
  return (JSON.parse(result.body) as { reference: string }).reference;
}

export const alice = { sub: "sub-alice", email: "alice@cspq.example" };
export const bob = { sub: "sub-bob", email: "bob@cspq.example" };

/** An event as API Gateway's JWT authorizer hands it over (claims as strings). */
export function adminEvent(
  method: string,
  path: string,
  options: { query?: Record<string, string>; body?: unknown; claims?: Record<string, string> | null; reference?: string } = {},
): AdminEvent {
  const query = new URLSearchParams(options.query ?? {});
  const claims = options.claims === undefined ? { ...alice, iss: "https://cognito-idp.ca-central-1.amazonaws.com/pool", token_use: "id" } : options.claims;
  return {
    version: "2.0",
    rawPath: path,
    rawQueryString: query.toString(),
    headers: { "content-type": "application/json" },
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
    isBase64Encoded: false,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.reference ? { pathParameters: { reference: options.reference } } : {}),
    requestContext: {
      http: { method, path, sourceIp: "192.0.2.1" },
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
  };
}
