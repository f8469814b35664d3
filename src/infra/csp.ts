/**
 * Content-Security-Policy of the site, and the hashes of the inline scripts Astro emits.
 *
 * The policy allows no inline script: `script-src` lists `'self'` and the sha256 hash of each inline
 * `<script>` found in the built pages (Astro's island bootstrap, for instance). The hashes are computed
 * from `dist/` at deploy time, so a change in Astro's output never silently breaks the pages.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A CSP source expression for a sha256 hash, e.g. `'sha256-AbC…='`. */
export type ScriptHash = `'sha256-${string}'`;

const SHA256_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/**
 * The header value. Pure: the tests call it with fixed hashes.
 * `connectSources` are extra origins the page may fetch from (the Cognito hosted UI, for the inbox).
 * - `'wasm-unsafe-eval'` lets Pagefind (the site search) compile its WebAssembly; it allows no JavaScript eval.
 * - `style-src` keeps `'unsafe-inline'`: Astro and Preact render `style="…"` attributes, which hashes cannot
 *   allow (browsers ignore `'unsafe-inline'` as soon as a hash is listed); styles cannot run code.
 */
export function cspHeader(scriptHashes: readonly string[], options: { connectSources?: readonly string[] } = {}): string {
  for (const hash of scriptHashes) {
    if (!SHA256_SOURCE.test(hash)) throw new Error(`cspHeader: not a quoted sha256 source: ${hash}`);
  }
  const unique = [...new Set(scriptHashes)].sort();
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'wasm-unsafe-eval'", ...unique]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    // The inbox exchanges its sign-in code for tokens at the Cognito hosted UI's origin (when enabled).
    ["connect-src", ["'self'", ...(options.connectSources ?? [])]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["upgrade-insecure-requests", []],
  ];
  const header = directives.map(([name, values]) => [name, ...values].join(" ")).join("; ");
  // CloudFront rejects a Content-Security-Policy longer than 1783 characters in a response headers policy.
  if (header.length > CSP_MAX_LENGTH) {
    throw new Error(`cspHeader: ${header.length} characters, CloudFront allows ${CSP_MAX_LENGTH} (${unique.length} script hashes)`);
  }
  return header;
}

export const CSP_MAX_LENGTH = 1783;

/** sha256 source expression of a script's exact text, as the browser hashes it. */
export function scriptHash(text: string): ScriptHash {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

// Script types the browser executes; data blocks (JSON, JSON-LD) are not subject to script-src.
const EXECUTABLE_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/** Hashes of the inline (no `src`) executable scripts of one HTML document. */
export function inlineScriptHashes(html: string): ScriptHash[] {
  const hashes: ScriptHash[] = [];
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const match of html.matchAll(pattern)) {
    const attributes = match[1] ?? "";
    const body = match[2] ?? "";
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? "";
    if (!EXECUTABLE_TYPES.has(type)) continue;
    if (body.length === 0) continue;
    hashes.push(scriptHash(body));
  }
  return hashes;
}

/**
 * Hashes of every inline script in every `.html` file under `dir` (the built site), sorted and unique.
 * Throws a clear error when the site has not been built: deploying a policy computed from nothing
 * would block Astro's scripts.
 */
export function scriptHashesFromDist(dir: string): ScriptHash[] {
  if (!existsSync(path.join(dir, "index.html")) && !existsSync(path.join(dir, "404.html"))) {
    throw new Error(
      `No built site in ${path.resolve(dir)}: the Content-Security-Policy hashes are computed from it. ` +
        `Run \`npm run build\` first (sst deploy builds it before the stacks, see site-build.ts).`,
    );
  }
  const hashes = new Set<ScriptHash>();
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith(".html")) {
        for (const hash of inlineScriptHashes(readFileSync(full, "utf8"))) hashes.add(hash);
      }
    }
  };
  visit(dir);
  return [...hashes].sort();
}
