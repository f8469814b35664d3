/**
 * Reading a built static site (dist/ or a fixture folder) the way the host serves it:
 * every check of test/build, test/a11y and test/budget works through these helpers,
 * so the same function runs on the real build and on the small fixture sites.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

export interface BuiltPage {
  /** Absolute path of the HTML file. */
  file: string;
  /** The URL path that serves it: "/fr/" for fr/index.html, "/404.html" for 404.html. */
  path: string;
}

/** Every file under a folder (recursively), as absolute paths, sorted for stable output. */
export function listFiles(root: string, filter: (file: string) => boolean = () => true): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (filter(full)) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

/** The URL path of a file of the site. */
export function urlPathOf(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join("/");
  if (rel === "index.html") return "/";
  if (rel.endsWith("/index.html")) return `/${rel.slice(0, -"index.html".length)}`;
  return `/${rel}`;
}

/** Every HTML page of a built site, discovered from the folder (never a hand list). */
export function listPages(root: string): BuiltPage[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`No built site in ${root}: run \`npm run build\` (or set DIST_DIR).`);
  }
  const pages = listFiles(root, (file) => file.endsWith(".html"))
    .map((file) => ({ file, path: urlPathOf(root, file) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (pages.length === 0) throw new Error(`No HTML page in ${root}.`);
  return pages;
}

const parsed = new Map<string, HTMLElement>();
/** A page's parsed document (cached per file for the duration of the process). */
export function readHtml(file: string): HTMLElement {
  let doc = parsed.get(file);
  if (!doc) {
    doc = parse(readFileSync(file, "utf8"), { comment: false });
    parsed.set(file, doc);
  }
  return doc;
}

/** Forgets cached documents (tests that rewrite files between runs). */
export function clearHtmlCache(): void {
  parsed.clear();
}

/** True for references the link check leaves alone: other origins and other schemes. */
export function isExternal(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith("//");
}

/**
 * Where a reference made from a page leads in the built site.
 * @returns the URL path (query dropped, percent-decoded) and the fragment, or undefined for external references.
 */
export function resolveRef(fromPath: string, ref: string): { path: string; fragment: string | undefined } | undefined {
  const trimmed = ref.trim();
  if (isExternal(trimmed)) return undefined;
  const url = new URL(trimmed, `http://site.invalid${fromPath}`);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : undefined;
  return { path: posix.normalize(path), fragment };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The file that answers a URL path, as the static host does: a folder answers with its index.html.
 * @returns the absolute file, or undefined when nothing answers (the host would serve the 404 page).
 */
export function fileForPath(root: string, urlPath: string): string | undefined {
  const candidate = join(root, ...urlPath.split("/").filter(Boolean));
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate)) {
    if (statSync(candidate).isDirectory()) {
      // Astro builds with trailingSlash "always": "/fr" is not "/fr/" for the host.
      if (!urlPath.endsWith("/")) return undefined;
      const index = join(candidate, "index.html");
      return existsSync(index) ? index : undefined;
    }
    return urlPath.endsWith("/") ? undefined : candidate;
  }
  return undefined;
}

/** Every id defined in a document (also the legacy `<a name>` targets). */
export function idsOf(doc: HTMLElement): Set<string> {
  const ids = new Set<string>();
  for (const el of doc.querySelectorAll("[id]")) ids.add(el.getAttribute("id") ?? "");
  for (const el of doc.querySelectorAll("a[name]")) ids.add(el.getAttribute("name") ?? "");
  return ids;
}

/** Collapses runs of ASCII whitespace (not no-break spaces, which formatted numbers rely on). */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, " ").trim();
}
