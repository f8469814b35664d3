/**
 * The one static file server, as S3 + CloudFront serve the built site: folders answer with their
 * index.html, an unknown path with /404.html and status 404, and every response carries the security
 * headers of CloudFront's response headers policy (src/infra/security-headers.ts). Used by `npm start`
 * (start.ts) and by the tests (test/support/serve-dist.ts).
 *
 * Containment is decided on resolved paths: the file must lie inside the root (`path.relative`, after
 * following symbolic links), so `/..%2fdist-private/secret.txt` cannot reach a sibling folder whose
 * name merely starts with the root's.
 */
import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { scriptHashesFromDist } from "../infra/csp.ts";
import { siteSecurityHeaders } from "../infra/security-headers.ts";

/** Content types by extension, for everything the build writes (Pagefind's index included). */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export function contentType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Whether `file` lies inside `root` (both absolute): no `..` step, not another drive. */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * The file a URL path names under root, or undefined when there is none (missing, outside the root,
 * undecodable). Folders resolve to their index.html.
 */
export function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  let file = resolve(root, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
  if (!isInside(root, file) || !existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  // A symbolic link inside the root may still point outside it.
  return isInside(realpathSync(root), realpathSync(file)) ? file : undefined;
}

export interface StaticOptions {
  /** The built site (absolute or relative to the working folder). */
  root: string;
  /** Headers on every response; default: the CloudFront security headers with the site's script hashes. */
  headers?: Record<string, string>;
}

/** The headers CloudFront would add to this site's responses (CSP with the hashes of its inline scripts). */
export function localSecurityHeaders(root: string): Record<string, string> {
  const built = existsSync(join(root, "index.html")) || existsSync(join(root, "404.html"));
  // No site (an API-only server in a test): no inline script to allow.
  return siteSecurityHeaders(built ? scriptHashesFromDist(root) : []);
}

/** A request handler for the static site; GET and HEAD only. */
export function staticHandler(options: StaticOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(options.root);
  const headers = options.headers ?? localSecurityHeaders(root);
  return (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = resolveFile(root, path);
    if (!file) {
      res.writeHead(404, { "content-type": MIME_TYPES[".html"] });
      const notFound = join(root, "404.html");
      if (req.method === "GET" && existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end();
      return;
    }
    res.writeHead(200, { "content-type": contentType(file) });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };
}

/** Serves a built site alone on loopback (a random port unless given): what the browser tests use. */
export async function serveStatic(options: StaticOptions & { port?: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(staticHandler(options));
  await new Promise<void>((done) => server.listen(options.port ?? 0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    // Browsers keep connections alive: drop them, or close() waits for their keep-alive timeout.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
