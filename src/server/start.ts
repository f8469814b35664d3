/**
 * `npm start`: the whole product on one machine, in one process.
 *   1. builds the site when dist/ is missing or older than its sources (astro build + pagefind);
 *   2. starts dynalite persisted under .data/ and creates the missing tables (src/lib/submissions/tables.ts);
 *   3. serves the static site as S3 + CloudFront would (static.ts: folders → index.html, unknown →
 *      404.html with status 404, CloudFront's security headers on every response) and /api/* through
 *      the SAME Lambda handlers, with an API Gateway v2 event. Like CloudFront, it adds its own origin
 *      secret (a new random one at each start) and the viewer's address to every request it forwards,
 *      and drops any the client sent: the handlers check both exactly as on AWS.
 * Data survives a restart: it is LevelDB files under .data/dynamodb/.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { ORIGIN_HEADER } from "../../functions/core/lambda.ts";
import { VIEWER_ADDRESS_HEADER } from "../../functions/core/rate-limit.ts";
import { createHandler } from "../../functions/core/submit.ts";
import type { HttpEvent, HttpResult } from "../../functions/core/http.ts";
import { localSecurityHeaders, staticHandler } from "./static.ts";
import { localTableNames } from "../lib/submissions/tables.ts";
import { formAction, formTypes } from "../lib/forms/fields.ts";
import { ensureTables, startDynalite } from "./dynalite.ts";
import { createLocalAdmin } from "./auth/local-admin.ts"; // inbox (issue 7): sign-in, admin API, retention purge


/** The file where a running server says which dynalite endpoint holds the data (read by the CLI). */
export const ENDPOINT_FILE = "dynamodb-endpoint.json";

/** API Gateway accepts far more; the handlers answer 413 above 16 KB, this only bounds memory. */
const MAX_READ_BYTES = 1024 * 1024;

export interface LocalServerOptions {
  /** 0 = a free port. Default: PORT or 4321. */
  port?: number;
  host?: string;
  /** Where dynalite keeps its files. Default: .data */
  dataDir?: string;
  /** The built site. Default: DIST_DIR or dist */
  distDir?: string;
  /** Extra environment for the handlers (e.g. RATE_LIMIT_MAX for the load test). */
  env?: Record<string, string>;
  /** Print the handlers' JSON logs (default: true for npm start, false when a test asks). */
  logs?: boolean;
}

export interface LocalServer {
  url: string;
  /** The origin secret this server adds to the requests it forwards (tests call handlers without it). */
  originSecret: string;
  /** dynalite's endpoint, for tests and the CLI. */
  dynamoEndpoint: string;
  dataDir: string;
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_READ_BYTES) chunks.push(chunk);
    });
    req.on("end", () => done(size > MAX_READ_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", fail);
  });
}

/** The API Gateway HTTP API (payload 2.0) event for a request, source address from the socket. */
export function toEvent(req: IncomingMessage, body: Buffer): HttpEvent {
  const url = new URL(req.url ?? "/", "http://localhost");
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  const contentType = (headers["content-type"] ?? "").toLowerCase();
  // Like API Gateway: text types arrive as text, anything else base64-encoded.
  const textual = /^(application\/(json|x-www-form-urlencoded)|text\/)/.test(contentType);
  const sourceIp = (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  return {
    version: "2.0",
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(body.length > 0 ? { body: textual ? body.toString("utf8") : body.toString("base64") } : {}),
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      requestId: crypto.randomUUID(),
      timeEpoch: Date.now(),
      http: { method: req.method ?? "GET", path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp, userAgent: headers["user-agent"] ?? "" },
    },
  };
}

function send(res: ServerResponse, result: HttpResult): void {
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
}

/**
 * The host name of a Host header, without its port.
 * @example hostName("localhost:4321") // "localhost"
 * @example hostName("[::1]:4321") // "[::1]"
 */
export function hostName(header: string | undefined): string {
  if (!header) return "";
  const match = /^(\[[^\]]*\]|[^:]*)/.exec(header.trim().toLowerCase());
  return match?.[1] ?? "";
}

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const dataDir = resolve(options.dataDir ?? ".data");
  const distDir = resolve(options.distDir ?? process.env.DIST_DIR ?? "dist");
  // The handlers' pages wear the built site's layout (src/lib/forms/layout.ts): the same build as served here.
  process.env.LAYOUT_DIR ??= distDir;
  const dynamo = await startDynalite({ path: join(dataDir, "dynamodb") });
  await ensureTables(dynamo.endpoint, localTableNames);
  // What CloudFront's custom origin header carries on AWS: here a fresh secret for this process.
  const originSecret = randomBytes(32).toString("base64url");
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    SUBMISSIONS_TABLE: localTableNames.submissions,
    RATE_LIMIT_TABLE: localTableNames.rateLimits,
    SITE_ORIGIN: "",
    AWS_REGION: "local",
    OUTBOX_DIR: join(dataDir, "outbox"), // inbox (issue 7): new-submission notifications as .eml files
    ...options.env,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    ORIGIN_SECRET: originSecret,
  };
  const quiet = options.logs === false ? { log: () => {} } : {};
  const routes = new Map(formTypes.map((type) => [formAction[type], createHandler(type, { env, ...quiet })]));
  const inbox = createLocalAdmin({ dataDir, env, ...quiet }); // inbox (issue 7)

  // Only the names this server is reached by on this machine: a page on another domain that re-resolves to
  // 127.0.0.1 (DNS rebinding) must not reach the local data or the development sign-in.
  const allowedHosts = new Set(["localhost", "127.0.0.1", "[::1]", ...(options.host ? [options.host] : [])]);
  const headers = localSecurityHeaders(distDir);
  const serveSite = staticHandler({ root: distDir, headers });
  const server = createServer(async (req, res) => {
    try {
      // CloudFront's response headers policy applies to the site and the API alike.
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      // What CloudFront adds to a request for the API, replacing whatever the client sent.
      req.headers[ORIGIN_HEADER] = originSecret;
      const peer = req.socket.remoteAddress ?? "127.0.0.1";
      req.headers[VIEWER_ADDRESS_HEADER] = `${peer.replace(/^::ffff:(?=\d+\.)/, "")}:${req.socket.remotePort ?? 0}`;
      if (!allowedHosts.has(hostName(req.headers.host))) {
        res.writeHead(421, { "content-type": "text/plain; charset=utf-8" }).end("Misdirected request: unknown host name.\n");
        return;
      }
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (await inbox.handle(req, res)) return; // inbox (issue 7): /api/admin/*, /dev/auth/*, /inbox-config.json
      if (path.startsWith("/api/")) {
        const handler = routes.get(path.replace(/\/$/, ""));
        if (!handler) {
          send(res, { statusCode: 404, headers: { "content-type": "application/json" }, body: '{"errors":[{"field":null,"code":"not_found","message":"Not found"}]}' });
          return;
        }
        const body = await readBody(req);
        if (!body) {
          send(res, { statusCode: 413, headers: { "content-type": "application/json" }, body: '{"errors":[{"field":null,"code":"too_large","message":"Payload too large"}]}' });
          return;
        }
        send(res, await handler(toEvent(req, body)));
        return;
      }
      serveSite(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500);
      res.end();
      process.stderr.write(`local server: ${(error as Error).name}\n`);
    }
  });
  const port = options.port ?? Number(process.env.PORT ?? 4321);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${address.port}`;
  // issue 14: links in emails are absolute; locally they use this server's own address (the handlers read
  // their settings at their first request, after this line).
  env.LOCAL_ORIGIN ||= url;
  const endpointFile = join(dataDir, ENDPOINT_FILE);
  writeFileSync(endpointFile, JSON.stringify({ endpoint: dynamo.endpoint, pid: process.pid }));
  return {
    url: url.replace("localhost", "127.0.0.1"),
    originSecret,
    dynamoEndpoint: dynamo.endpoint,
    dataDir,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(endpointFile, { force: true });
      await inbox.close(); // the database closes after a purge under way (inbox, issue 7)
      await dynamo.close();
    },
  };
}

/** Latest modification time under the given paths (files and folders, recursively). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) if (entry !== "node_modules") visit(join(path, entry));
  };
  paths.forEach(visit);
  return newest;
}

/** dist is stale when missing or older than anything the build reads. */
export function needsBuild(distDir: string, root = process.cwd()): boolean {
  const index = join(distDir, "index.html");
  if (!existsSync(index)) return true;
  const sources = ["src", "content", "public", "astro.config.mjs", "package.json"].map((p) => join(root, p));
  return newestMtime(sources) > statSync(index).mtimeMs;
}

/**
 * The warnings of a build worth showing: Astro's and Vite's `[WARN]`/`[ERROR]` blocks, without the
 * bundler's note that Astro's own "use astro:head-inject" directive is not preserved (one per MDX
 * page, harmless: Astro handles head injection itself).
 */
export function realWarnings(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of plain.split("\n")) {
    const starts = /^\d{2}:\d{2}:\d{2} /.test(line) || /^(error|warning)\b/i.test(line);
    if (starts) {
      if (current) blocks.push(current.join("\n").trimEnd());
      current = /\[(WARN|ERROR)\]|^(error|warning)\b/i.test(line) ? [line] : undefined;
    } else if (current) current.push(line);
  }
  if (current) blocks.push(current.join("\n").trimEnd());
  return blocks.filter((block) => !(/MODULE_LEVEL_DIRECTIVE/.test(block) && /use astro:head-inject/.test(block)));
}

function build(distDir: string): void {
  process.stdout.write(`Building the site into ${distDir} … `);
  const started = performance.now();
  const run = (args: string[]) => {
    const result = spawnSync("npx", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
    if (result.status !== 0) {
      process.stdout.write("failed\n");
      process.stderr.write(output);
      throw new Error(`npx ${args.join(" ")} failed (exit ${result.status})`);
    }
    for (const warning of realWarnings(output)) process.stderr.write(`${warning}\n`);
  };
  run(["astro", "build", "--outDir", distDir]);
  run(["pagefind", "--site", distDir, "--quiet"]);
  process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

async function main(): Promise<void> {
  const distDir = resolve(process.env.DIST_DIR ?? "dist");
  if (needsBuild(distDir)) build(distDir);
  const server = await startLocalServer({ distDir });
  console.log(`Site and API: ${server.url.replace("127.0.0.1", "localhost")}/`);
  console.log(`Database: ${join(server.dataDir, "dynamodb")} (kept across restarts; npm run submissions -- list)`);
  console.log("Stop with Ctrl+C.");
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (import.meta.main) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
