/**
 * The inbox's part of the local server (`npm start`), mounted by src/server/start.ts:
 *   - GET /inbox-config.json: where the inbox page signs in (here: the development sign-in);
 *     on AWS the deploy writes the same file with the Cognito hosted UI's domain and client id;
 *   - /dev/auth/…: the development sign-in (dev-sign-in.ts), absent from AWS;
 *   - /api/admin/…: the admin handlers, reached only after the token is verified here — signature
 *     (local ES256 key), issuer, audience, expiry — with the claims injected where API Gateway's JWT
 *     authorizer puts them. No token, or a bad one: 401 without invoking anything.
 *   - the retention purge of expired submissions, at start-up and daily (dynalite has no TTL).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { createGetHandler } from "../../../functions/admin-get.ts";
import { createListHandler } from "../../../functions/admin-list.ts";
import { createUpdateHandler } from "../../../functions/admin-update.ts";
import type { AdminEvent } from "../../../functions/admin/event.ts";
import { UNAUTHORIZED } from "../../../functions/admin/handler.ts";
import { purgeExpired, schedulePurge } from "../retention.ts";
import { configFromEnv } from "../../../functions/core/config.ts";
import { dynamoClient } from "../../lib/submissions/dynamo.ts";
import type { HttpResult } from "../../../functions/core/http.ts";
import { jsonLogger, type Logger } from "../../lib/submissions/log.ts";
import { AUTHORITY_PATH, createDevAuth, LOCAL_CLIENT_ID, LOCAL_ISSUER } from "./dev-sign-in.ts";
import { claimsAsApiGateway, loadOrCreateKeyPair, verifyJwt, type KeyPair } from "./jwt.ts";

/** The configuration the inbox page reads (public/inbox-config.json on AWS, written by the deploy). */
export interface InboxConfig {
  /** Base URL of the authorization server: Cognito's hosted UI domain, or the local sign-in. */
  authority: string;
  clientId: string;
  scope: string;
  /** True for the development sign-in (the page says so). */
  local?: boolean;
}

export interface LocalAdminOptions {
  /** .data: the signing key lives in <dataDir>/auth/. */
  dataDir: string;
  /** The handlers' environment (same as the public handlers': table names, DYNAMODB_ENDPOINT…). */
  env: Record<string, string | undefined>;
  log?: Logger;
  now?: () => Date;
  /** Run the retention purge (default true). */
  purge?: boolean;
}

export interface LocalAdmin {
  /** Handles the request when it is the inbox's; false otherwise (the server goes on). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The first purge has finished. */
  ready: Promise<void>;
  keys: KeyPair;
  /** Stops the daily purge; resolves when a purge under way has finished. */
  close(): Promise<void>;
}

const ADMIN_ROUTES: Array<{ method: string; pattern: RegExp; name: "list" | "get" | "update" }> = [
  { method: "GET", pattern: /^\/api\/admin\/submissions\/?$/, name: "list" },
  { method: "GET", pattern: /^\/api\/admin\/submissions\/([^/]+)\/?$/, name: "get" },
  { method: "PATCH", pattern: /^\/api\/admin\/submissions\/([^/]+)\/?$/, name: "update" },
];

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => done(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

function send(res: ServerResponse, result: { statusCode: number; headers: Record<string, string>; body: string }): void {
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
}

/** The origin the browser used (loopback server: the Host header is the one it connected to). */
function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? "127.0.0.1"}`;
}

export function createLocalAdmin(options: LocalAdminOptions): LocalAdmin {
  const keys = loadOrCreateKeyPair(join(options.dataDir, "auth"));
  const log = options.log ?? jsonLogger;
  const now = options.now ?? (() => new Date());
  const devAuth = createDevAuth(keys, now);
  const overrides = { env: options.env, log, now };
  const handlers = { list: createListHandler(overrides), get: createGetHandler(overrides), update: createUpdateHandler(overrides) };

  const config = configFromEnv(options.env);
  const db = dynamoClient({ ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}), region: config.region ?? "local" });
  const purge = options.purge === false
    ? { ready: Promise.resolve(), stop: () => Promise.resolve() }
    : schedulePurge(
        () => purgeExpired(db, config.submissionsTable, now()),
        // A purge that found nothing says nothing (a quiet `npm start`); a deletion or a failure is logged.
        (outcome) => {
          if (outcome.error || (outcome.deleted ?? 0) > 0) log({ event: "retention-purge", outcome: outcome.error ? "error" : `deleted:${outcome.deleted ?? 0}`, ...(outcome.error ? { error: outcome.error } : {}) });
        },
      );

  async function admin(req: IncomingMessage, url: URL): Promise<HttpResult> {
    const method = (req.method ?? "GET").toUpperCase();
    const route = ADMIN_ROUTES.find((r) => r.pattern.test(url.pathname) && r.method === method);
    // The authorizer runs before routing answers anything about the API's shape.
    const authorization = req.headers.authorization ?? "";
    const match = /^Bearer ([^\s]+)$/.exec(authorization);
    if (!match) return UNAUTHORIZED;
    const verified = verifyJwt(match[1] as string, { publicKey: keys.publicKey, issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID, now: now() });
    if (!verified.ok) return UNAUTHORIZED;
    if (!route) return { statusCode: 404, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"errors":[{"field":null,"code":"not_found"}]}' };
    const body = await readBody(req);
    if (body === undefined) return { statusCode: 413, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"errors":[{"field":null,"code":"too_large"}]}' };
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
    const reference = route.pattern.exec(url.pathname)?.[1];
    const event: AdminEvent = {
      version: "2.0",
      routeKey: `${method} ${route.name === "list" ? "/api/admin/submissions" : "/api/admin/submissions/{reference}"}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(body !== "" ? { body } : {}),
      isBase64Encoded: false,
      ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
      ...(reference ? { pathParameters: { reference: decodeURIComponent(reference) } } : {}),
      requestContext: {
        requestId: crypto.randomUUID(),
        timeEpoch: Date.now(),
        http: { method, path: url.pathname, sourceIp: (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, "") },
        authorizer: { jwt: { claims: claimsAsApiGateway(verified.claims), scopes: null } },
      },
    };
    return handlers[route.name](event);
  }

  return {
    keys,
    ready: purge.ready,
    close: () => purge.stop(),
    async handle(req, res) {
      const url = new URL(req.url ?? "/", "http://local");
      const method = (req.method ?? "GET").toUpperCase();
      if (url.pathname === "/inbox-config.json" && method === "GET") {
        const body: InboxConfig = { authority: `${originOf(req)}${AUTHORITY_PATH}`, clientId: LOCAL_CLIENT_ID, scope: "openid email profile", local: true };
        send(res, { statusCode: 200, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }, body: JSON.stringify(body) });
        return true;
      }
      if (url.pathname.startsWith(`${AUTHORITY_PATH}/`)) {
        const body = method === "POST" ? await readBody(req) : "";
        const result = body === undefined ? undefined : devAuth.handle(method, url, body, originOf(req));
        if (!result) send(res, { statusCode: 404, headers: { "content-type": "text/plain; charset=utf-8" }, body: "Not found" });
        else send(res, { statusCode: result.status, headers: result.headers, body: result.body });
        return true;
      }
      if (url.pathname === "/api/admin" || url.pathname.startsWith("/api/admin/")) {
        send(res, await admin(req, url));
        return true;
      }
      return false;
    },
  };
}
