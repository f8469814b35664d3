/**
 * Gate 4, page weight (`npm run budget`, or `node test/budget/budget.ts [folder]`).
 * For every built page: its HTML, and the CSS and JavaScript it makes the browser load up front,
 * raw and gzip. CSS comes from `<link rel="stylesheet">` (and CSS @import); JavaScript from
 * `<script src>`, `<link rel="modulepreload">`, inline scripts, and for islands the
 * `<astro-island component-url renderer-url>` modules, each followed through its static imports.
 * Fails when:
 * - a content page ships JavaScript other than the on-demand search: Pagefind's files (/pagefind/, loaded
 *   on demand, not counted) and a loader of at most 2 KB gzip that fetches them (a script naming /pagefind/);
 * - a page's HTML + CSS exceeds 40 KB gzip, a content page's 14 KB;
 * - a content page's first visit (HTML, CSS, JS, fonts, images) exceeds 80 KB over the wire;
 * - a page loads anything (style sheet, script, font, image) from another origin;
 * - the calculator or estimator ships 20 KB gzip of JavaScript or more.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { pageOfPath, type PageId } from "../../src/i18n/routes.ts";
import { distDir } from "../support/serve-dist.ts";
import { fileForPath, listPages, readHtml, resolveRef } from "../support/site.ts";
import { CONTENT_HTML_CSS_BUDGET_GZIP, FIRST_VISIT_BUDGET, HTML_CSS_BUDGET_GZIP, JS_BUDGET_GZIP, SEARCH_LOADER_MAX_GZIP, SEARCH_PREFIX, TOOL_PAGES } from "./pages.ts";

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  path: string;
  routeId: PageId | undefined;
  kind: "content" | "tool";
  html: Weight;
  css: Weight;
  js: Weight;
  /** Fonts (declared by the CSS or preloaded) and images: WOFF2 as they are, others gzip. */
  assets: Weight;
  /** HTML + CSS + JS gzip + assets: the first visit over the wire. */
  firstVisit: number;
  /** The files counted (URL paths), and "inline" for inline scripts. */
  cssFiles: string[];
  assetFiles: string[];
  jsFiles: string[];
  /** Pagefind files the page refers to (loaded on demand, not counted in `js`). */
  searchFiles: string[];
  problems: string[];
}

const gzipSizes = new Map<string, Weight>();
function weigh(content: Buffer | string): Weight {
  const buffer = typeof content === "string" ? Buffer.from(content) : content;
  return { raw: buffer.length, gzip: gzipSync(buffer).length };
}
function weighFile(file: string): Weight {
  let weight = gzipSizes.get(file);
  if (!weight) {
    weight = weigh(readFileSync(file));
    gzipSizes.set(file, weight);
  }
  return weight;
}
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Weight = { raw: 0, gzip: 0 };

/** Script types that execute (JSON-LD, import maps and templates do not). */
function isExecutable(type: string | undefined): boolean {
  const t = (type ?? "").trim().toLowerCase();
  return t === "" || t === "module" || /^(text|application)\/(x-)?(java|ecma)script$/.test(t);
}

/** Static imports of an ES module (not `import()`, which loads on demand). */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?<![\w$.])(?:import|export)(?:\s*[\w$*{}\s,]*?\s*from)?\s*["']([^"'\n]+)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** CSS url() targets (fonts, images), not data: URLs. */
function cssUrls(code: string): string[] {
  return [...code.matchAll(/url\(\s*["']?([^"')\s]+)["']?\s*\)/g)].map((m) => m[1] as string).filter((u) => !u.startsWith("data:"));
}

/** A URL that leaves the site's origin (absolute http(s) or protocol-relative). */
const external = (ref: string) => /^(https?:)?\/\//i.test(ref);

/** CSS @import targets. */
function cssImports(code: string): string[] {
  return [...code.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)["']?\s*\)?/g)].map((m) => m[1] as string);
}

/**
 * Follows a set of entry URLs through their static imports (JS) or @imports (CSS).
 * @returns the URL paths of the files reached in the site; external URLs are left out.
 */
function closure(root: string, entries: Array<{ from: string; ref: string }>, imports: (code: string) => string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const { from, ref } = queue.shift() as { from: string; ref: string };
    const target = resolveRef(from, ref);
    if (!target || seen.has(target.path)) continue;
    const file = fileForPath(root, target.path);
    if (!file) continue; // a missing file is the link check's business
    seen.add(target.path);
    const code = readFileSync(file, "utf8");
    for (const next of imports(code)) {
      if (next.startsWith(".") || next.startsWith("/")) queue.push({ from: target.path, ref: next });
    }
  }
  return [...seen].sort();
}

/** The kind of a page, from its route id. */
export function kindOf(routeId: PageId | undefined): "content" | "tool" {
  return routeId && TOOL_PAGES.includes(routeId) ? "tool" : "content";
}

/** Weighs every page of the site in `root` and judges it against the budgets. */
export function measureBudget(root: string): PageWeight[] {
  return listPages(root).map((page) => {
    const doc = readHtml(page.file);
    const routeId = pageOfPath(page.path)?.page;
    const kind = kindOf(routeId);
    const problems: string[] = [];

    const cssEntries = doc
      .querySelectorAll("link[href]")
      .filter((l) => (l.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet"))
      .map((l) => ({ from: page.path, ref: l.getAttribute("href") as string }));
    const cssFiles = closure(root, cssEntries, cssImports);

    const jsEntries: Array<{ from: string; ref: string }> = [];
    let inline = ZERO;
    const inlineLoaders: string[] = [];
    for (const script of doc.querySelectorAll("script")) {
      if (!isExecutable(script.getAttribute("type"))) continue;
      const src = script.getAttribute("src");
      if (src !== undefined) jsEntries.push({ from: page.path, ref: src });
      else {
        const code = script.rawText;
        if (code.trim() === "") continue;
        inline = add(inline, weigh(code));
        inlineLoaders.push(code);
        // An inline module's own static imports load up front too.
        for (const ref of staticImports(code)) jsEntries.push({ from: page.path, ref });
      }
    }
    for (const link of doc.querySelectorAll("link[href]")) {
      if ((link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("modulepreload")) {
        jsEntries.push({ from: page.path, ref: link.getAttribute("href") as string });
      }
    }
    for (const island of doc.querySelectorAll("astro-island")) {
      for (const attribute of ["component-url", "renderer-url"]) {
        const url = island.getAttribute(attribute);
        if (url) jsEntries.push({ from: page.path, ref: url });
      }
    }
    const reached = closure(root, jsEntries, staticImports);

    // Fonts and images: the CSS's url()s, preloaded files, <img src>. Anything from another origin fails.
    const assetRefs: Array<{ from: string; ref: string }> = [];
    for (const path of cssFiles) {
      for (const ref of cssUrls(readFileSync(fileForPath(root, path) as string, "utf8"))) assetRefs.push({ from: path, ref });
    }
    for (const link of doc.querySelectorAll("link[href]")) {
      if ((link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("preload")) assetRefs.push({ from: page.path, ref: link.getAttribute("href") as string });
    }
    for (const img of doc.querySelectorAll("img[src]")) assetRefs.push({ from: page.path, ref: img.getAttribute("src") as string });
    const outside = [
      ...assetRefs.map((a) => a.ref),
      ...jsEntries.map((e) => e.ref),
      ...cssEntries.map((e) => e.ref),
    ].filter(external);
    if (outside.length > 0) problems.push(`loads from another origin: ${[...new Set(outside)].join(", ")}`);
    const assetFiles = [...new Set(assetRefs.filter((a) => !external(a.ref)).map((a) => resolveRef(a.from, a.ref)?.path).filter((p): p is string => Boolean(p && fileForPath(root, p))))].sort();
    const assets = assetFiles.reduce((sum, path) => {
      const file = fileForPath(root, path) as string;
      const w = weighFile(file);
      return add(sum, /\.(woff2?|png|jpe?g|webp|avif)$/i.test(path) ? { raw: w.raw, gzip: w.raw } : w);
    }, ZERO);
    const searchFiles = reached.filter((path) => path.startsWith(SEARCH_PREFIX));
    const jsFiles = reached.filter((path) => !path.startsWith(SEARCH_PREFIX));

    const html = weighFile(page.file);
    const css = cssFiles.reduce((sum, path) => add(sum, weighFile(fileForPath(root, path) as string)), ZERO);
    const js = jsFiles.reduce((sum, path) => add(sum, weighFile(fileForPath(root, path) as string)), inline);

    if (kind === "content") {
      // The only JavaScript a content page may ship is the on-demand search: Pagefind's own files
      // (not counted), and a small loader — a script that fetches them (it names /pagefind/).
      const loaders = jsFiles.filter((path) => readFileSync(fileForPath(root, path) as string, "utf8").includes(SEARCH_PREFIX));
      const others = jsFiles.filter((path) => !loaders.includes(path));
      const inlineOthers = inlineLoaders.filter((code) => !code.includes(SEARCH_PREFIX));
      if (others.length > 0) problems.push(`content page ships JavaScript: ${others.join(", ")}`);
      if (inlineOthers.length > 0) problems.push(`content page ships ${inlineOthers.length} inline script(s) that are not the on-demand search loader`);
      if (others.length === 0 && inlineOthers.length === 0 && js.gzip > SEARCH_LOADER_MAX_GZIP) {
        problems.push(`the on-demand search loader weighs ${kb(js.gzip)} gzip (at most ${kb(SEARCH_LOADER_MAX_GZIP)})`);
      }
    }
    const budget = routeId ? JS_BUDGET_GZIP[routeId] : undefined;
    if (budget !== undefined && js.gzip >= budget) {
      problems.push(`JavaScript ${kb(js.gzip)} gzip, over the budget of ${kb(budget)}`);
    }
    const htmlCss = html.gzip + css.gzip;
    const htmlCssBudget = kind === "content" ? CONTENT_HTML_CSS_BUDGET_GZIP : HTML_CSS_BUDGET_GZIP;
    if (htmlCss > htmlCssBudget) {
      problems.push(`HTML + CSS ${kb(htmlCss)} gzip, over the budget of ${kb(htmlCssBudget)}`);
    }
    const firstVisit = htmlCss + js.gzip + assets.gzip;
    if (kind === "content" && firstVisit > FIRST_VISIT_BUDGET) {
      problems.push(`first visit ${kb(firstVisit)} over the wire (fonts and images included), over the budget of ${kb(FIRST_VISIT_BUDGET)}`);
    }

    return {
      path: page.path,
      routeId,
      kind,
      html,
      css,
      js,
      assets,
      firstVisit,
      cssFiles,
      assetFiles,
      jsFiles: inlineLoaders.length > 0 ? [...jsFiles, "inline"] : jsFiles,
      searchFiles,
      problems,
    };
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The report `npm run budget` prints: one row per page, then the problems. */
export function formatBudget(rows: PageWeight[]): string {
  const header = ["page", "kind", "HTML raw", "HTML gz", "CSS raw", "CSS gz", "JS raw", "JS gz", "HTML+CSS gz", "fonts+img", "1st visit", ""];
  const lines = rows.map((r) => [
    r.path,
    r.routeId ? `${r.kind} (${r.routeId})` : r.kind,
    kb(r.html.raw),
    kb(r.html.gzip),
    kb(r.css.raw),
    kb(r.css.gzip),
    kb(r.js.raw),
    kb(r.js.gzip),
    kb(r.html.gzip + r.css.gzip),
    kb(r.assets.gzip),
    kb(r.firstVisit),
    r.problems.length > 0 ? "FAIL" : "ok",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ").trimEnd();
  const out = [row(header), row(widths.map((w) => "-".repeat(w))), ...lines.map(row)];
  const failing = rows.filter((r) => r.problems.length > 0);
  out.push(
    "",
    `Budgets: HTML+CSS ≤ ${kb(CONTENT_HTML_CSS_BUDGET_GZIP)} gzip per content page, ≤ ${kb(HTML_CSS_BUDGET_GZIP)} per tool page; ` +
      `first visit of a content page ≤ ${kb(FIRST_VISIT_BUDGET)} with fonts and images; nothing from another origin; no JavaScript on content pages but the on-demand search (${SEARCH_PREFIX}); ` +
      Object.entries(JS_BUDGET_GZIP).map(([id, b]) => `${id} JS < ${kb(b as number)}`).join(", ") + " gzip.",
  );
  for (const r of failing) for (const p of r.problems) out.push(`✖ ${r.path}: ${p}`);
  out.push(failing.length > 0 ? `Page weight: ${failing.length} of ${rows.length} pages over budget.` : `Page weight: ${rows.length} pages within budget.`);
  return out.join("\n");
}

// Run as a script (`npm run budget`), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const root = process.argv[2] ? resolve(process.argv[2]) : distDir();
  if (!existsSync(root)) {
    console.error(`No built site in ${root}: run \`npm run build\` (or set DIST_DIR).`);
    process.exit(1);
  }
  const rows = measureBudget(root);
  console.log(formatBudget(rows));
  process.exitCode = rows.some((r) => r.problems.length > 0) ? 1 : 0;
}
