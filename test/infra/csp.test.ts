/**
 * The Content-Security-Policy builder, the inline-script hashing it relies on, and the CloudFront
 * viewer-request function: pure code, tested without synthesizing anything.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSP_MAX_LENGTH, cspHeader, inlineScriptHashes, scriptHash, scriptHashesFromDist } from "../../src/infra/csp.ts";
import { stripJsonImportAttributes } from "../../src/infra/import-attributes.ts";
import { viewerRequestSource } from "../../src/infra/viewer-request.ts";
import { FIXED_HASHES } from "./synth.ts";

const directives = (header: string) =>
  new Map(header.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("cspHeader", () => {
  const header = cspHeader(FIXED_HASHES);
  const policy = directives(header);

  it("allows scripts from the site and the given hashes only — never inline or eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", ...[...FIXED_HASHES].sort()]);
    expect(header).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it("sets the required fetch and navigation directives", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  });

  it("deduplicates and sorts hashes so the header is stable between builds", () => {
    const [a, b] = FIXED_HASHES;
    expect(cspHeader([b, a, b])).toBe(cspHeader([a, b]));
  });

  it("rejects anything that is not a quoted sha256 source", () => {
    expect(() => cspHeader(["'unsafe-inline'"])).toThrow(/sha256/);
    expect(() => cspHeader(["sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="])).toThrow(/sha256/);
  });

  it("refuses a header longer than CloudFront accepts", () => {
    const many = Array.from({ length: 40 }, (_, i) => scriptHash(`script ${i}`));
    expect(() => cspHeader(many)).toThrow(new RegExp(String(CSP_MAX_LENGTH)));
  });
});

describe("inline script hashes", () => {
  it("hashes the exact text of inline executable scripts, as the browser does", () => {
    const body = "(()=>{var a=1;})();";
    const expected = `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
    const html = `<head><script type="module">${body}</script><script src="/_astro/x.js"></script>
      <script type="application/ld+json">{"@context":"https://schema.org"}</script>
      <script>${body}</script></head>`;
    expect(inlineScriptHashes(html)).toEqual([expected, expected]);
  });

  it("reads every html file of a built site, and fails clearly when there is none", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "csp-"));
    try {
      expect(() => scriptHashesFromDist(dir)).toThrow(/npm run build/);
      mkdirSync(path.join(dir, "fr", "services"), { recursive: true });
      writeFileSync(path.join(dir, "index.html"), "<script>one()</script>");
      writeFileSync(path.join(dir, "fr", "services", "index.html"), "<script>two()</script><script>one()</script>");
      writeFileSync(path.join(dir, "fr", "app.js"), "<script>not html()</script>");
      expect(scriptHashesFromDist(dir)).toEqual([scriptHash("one()"), scriptHash("two()")].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("viewer-request function (directory index)", () => {
  type Request = { uri: string; querystring?: Record<string, { value: string; multiValue?: Array<{ value: string }> }> };
  const handler = new Function(`${viewerRequestSource}; return handler;`)() as (event: { request: Request }) => any;
  const run = (uri: string, querystring: Request["querystring"] = {}) => handler({ request: { uri, querystring } });

  it("serves index.html for directory URLs", () => {
    expect(run("/").uri).toBe("/index.html");
    expect(run("/fr/services/").uri).toBe("/fr/services/index.html");
  });

  it("passes files through", () => {
    expect(run("/404.html").uri).toBe("/404.html");
    expect(run("/_astro/client.Ab12.js").uri).toBe("/_astro/client.Ab12.js");
    expect(run("/pagefind/pagefind.js").uri).toBe("/pagefind/pagefind.js");
  });

  it("redirects slashless pages to the slashed URL Astro builds, keeping the query", () => {
    const response = run("/en/services", { q: { value: "cloud" }, tag: { value: "a", multiValue: [{ value: "a" }, { value: "b" }] } });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location.value).toBe("/en/services/?q=cloud&tag=a&tag=b");
    expect(run("/fr").headers.location.value).toBe("/fr/");
  });
});

describe("JSON import attributes for SST's bundler", () => {
  it("drops `with { type: \"json\" }` from static .json imports only", () => {
    const source = [
      `import telephony from "../../../content/catalogue/services/telephony.json" with { type: "json" };`,
      `import data from './data.json'with{type:'json'};`,
      `import { with as w } from "./with.ts";`,
      `const text = "from 'x.json' with { type: 'json' }";`,
    ].join("\n");
    expect(stripJsonImportAttributes(source).split("\n")).toEqual([
      `import telephony from "../../../content/catalogue/services/telephony.json";`,
      `import data from './data.json';`,
      `import { with as w } from "./with.ts";`,
      `const text = "from 'x.json' with { type: 'json' }";`,
    ]);
  });
});
