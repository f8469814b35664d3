/**
 * The one static file server (src/server/static.ts), used by `npm start` and by the tests' serveDist:
 * containment on resolved paths, the 404 page, one MIME table, and CloudFront's security headers
 * from the definition the response headers policy is built from (src/infra/security-headers.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspHeader, scriptHash } from "../../src/infra/csp.ts";
import { PERMISSIONS_POLICY, SECURITY_HEADERS, securityHeaders } from "../../src/infra/security-headers.ts";
import { contentType, isInside, resolveFile, serveStatic } from "../../src/server/static.ts";
import { realWarnings } from "../../src/server/start.ts";

let base: string;
let root: string;
let server: { url: string; close: () => Promise<void> };
const INLINE = "console.log('island')";

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "static-"));
  root = join(base, "dist");
  mkdirSync(join(root, "fr", "accueil"), { recursive: true });
  writeFileSync(join(root, "index.html"), `<!doctype html><title>x</title><script>${INLINE}</script>`);
  writeFileSync(join(root, "404.html"), "<!doctype html><title>404</title>Page introuvable");
  writeFileSync(join(root, "fr", "accueil", "index.html"), "<!doctype html><title>Accueil</title>");
  writeFileSync(join(root, "fragment.pf_fragment"), "x");
  // A sibling folder whose name starts with the root's, and a link inside the root pointing at it.
  mkdirSync(join(base, "dist-private"));
  writeFileSync(join(base, "dist-private", "secret.txt"), "secret");
  symlinkSync(join(base, "dist-private", "secret.txt"), join(root, "link.txt"));
  server = await serveStatic({ root });
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

/** A raw request: the path goes out exactly as written (fetch would resolve the dots). */
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    request({ host: url.hostname, port: url.port, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on("error", fail)
      .end();
  });
}

describe("containment", () => {
  it.each([
    "/..%2fdist-private/secret.txt",
    "/..%2Fdist-private%2Fsecret.txt",
    "/%2e%2e/dist-private/secret.txt",
    "/../dist-private/secret.txt",
    "/fr/..%2f..%2fdist-private/secret.txt",
    "/link.txt",
    "/%00index.html",
    "/%E0%A4%A",
  ])("%s → 404 with the 404 page, never the sibling's file", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("secret");
  });

  it("decides on resolved paths", () => {
    expect(isInside("/srv/dist", "/srv/dist-private/secret.txt")).toBe(false);
    expect(isInside("/srv/dist", "/srv/dist/..")).toBe(false);
    expect(isInside("/srv/dist", "/srv/dist/fr/index.html")).toBe(true);
    expect(resolveFile(root, "/..%2fdist-private/secret.txt")).toBeUndefined();
    expect(resolveFile(root, "/fr/accueil/")).toBe(join(root, "fr", "accueil", "index.html"));
  });
});

describe("as S3 + CloudFront serve the site", () => {
  it("answers a folder with its index.html and an unknown path with the 404 page", async () => {
    expect((await get("/fr/accueil/")).status).toBe(200);
    const missing = await get("/fr/nulle-part/");
    expect(missing.status).toBe(404);
    expect(missing.body).toContain("Page introuvable");
  });

  it("takes content types from one table (Pagefind's files included)", async () => {
    expect(contentType("a.pf_fragment")).toBe("application/octet-stream");
    expect(contentType("a.csv")).toBe("text/csv; charset=utf-8");
    expect(contentType("a.woff2")).toBe("font/woff2");
    expect((await get("/")).headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("sends CloudFront's security headers on every response, 404s included, from the one definition", async () => {
    const expected = securityHeaders(cspHeader([scriptHash(INLINE)]));
    for (const path of ["/", "/fr/accueil/", "/nulle-part", "/..%2fdist-private/secret.txt"]) {
      const { headers } = await get(path);
      for (const [name, value] of Object.entries(expected)) expect(headers[name], `${path} ${name}`).toBe(value);
    }
    expect(expected["strict-transport-security"]).toBe(`max-age=${SECURITY_HEADERS.hstsMaxAgeSeconds}; includeSubDomains`);
    expect(expected["permissions-policy"]).toBe(PERMISSIONS_POLICY);
    expect(expected["content-security-policy"]).toContain(scriptHash(INLINE));
    expect(expected["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

describe("quiet start", () => {
  it("keeps real warnings and errors, drops the bundler's note on Astro's head-inject directive", () => {
    const output = [
      "20:18:20 [build] output: \"static\"",
      "20:18:22 [WARN] [vite] \x1b[33m[MODULE_LEVEL_DIRECTIVE] \x1b[0mThe semantics of the module level directive \"use astro:head-inject\" in \"content/pages/en/csc.mdx?astroPropagatedAssets\" may not be preserved when bundling.",
      "   ╭─[ content/pages/en/csc.mdx?astroPropagatedAssets:2:6 ]",
      " 2 │ \"use astro:head-inject\";",
      "───╯",
      "",
      "20:18:22 [WARN] [content] Duplicate id \"x\" in content/pages/fr",
      "20:18:23 [build] 36 page(s) built in 4.28s",
      "20:18:23 [ERROR] something real",
    ].join("\n");
    expect(realWarnings(output)).toEqual(["20:18:22 [WARN] [content] Duplicate id \"x\" in content/pages/fr", "20:18:23 [ERROR] something real"]);
  });
});
