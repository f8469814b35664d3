/**
 * Gate 2, links: no broken internal link or anchor in a built site.
 * Every internal reference (starting with "/", "#", or relative) of every page must resolve to a
 * file of the site (a folder answers with its index.html) and its #fragment to an id of the target
 * page. Absolute links to the site's own origin (that of the page's canonical link) count as internal.
 * Query strings are ignored; other origins and schemes (http:, https:, mailto:, tel:) too, and
 * the actions of forms that post (they go to the server's API, not to a file).
 * A bare `href="#"` is an error in itself: the sources' dead « [texte](#) » links must not be reproduced.
 */
import { extname } from "node:path";
import type { HTMLElement } from "node-html-parser";
import { fileForPath, idsOf, listPages, readHtml, resolveRef } from "../support/site.ts";

export interface LinkProblem {
  /** URL path of the page holding the reference. */
  page: string;
  /** The reference as written. */
  ref: string;
  /** The element and attribute, e.g. `a[href]`. */
  where: string;
  problem: string;
}

/** Attributes that reference another resource, by element. */
const REFERENCING: ReadonlyArray<[selector: string, attribute: string]> = [
  ["a", "href"],
  ["area", "href"],
  ["link", "href"],
  ["img", "src"],
  ["img", "srcset"],
  ["source", "src"],
  ["source", "srcset"],
  ["script", "src"],
  ["iframe", "src"],
  ["embed", "src"],
  ["object", "data"],
  ["video", "src"],
  ["video", "poster"],
  ["audio", "src"],
  ["track", "src"],
  ["form", "action"],
  ["button", "formaction"],
  ["use", "href"],
  ["use", "xlink:href"],
  ["astro-island", "component-url"],
  ["astro-island", "renderer-url"],
];

function refsOf(doc: HTMLElement): Array<{ ref: string; where: string }> {
  const refs: Array<{ ref: string; where: string }> = [];
  for (const [selector, attribute] of REFERENCING) {
    for (const el of doc.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute);
      if (value === undefined) continue;
      // A form that posts goes to the server's API (e.g. /api/inquiries), not to a file of the site.
      const method = (el.getAttribute(attribute === "formaction" ? "formmethod" : "method") ?? "get").toLowerCase();
      if ((attribute === "action" || attribute === "formaction") && method !== "get") continue;
      const where = `${selector}[${attribute}]`;
      if (attribute === "srcset") {
        for (const candidate of value.split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) refs.push({ ref: url, where });
        }
      } else {
        refs.push({ ref: value, where });
      }
    }
  }
  return refs;
}

function originOf(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url.trim())) return undefined;
  try {
    return new URL(url.trim()).origin;
  } catch {
    return undefined;
  }
}

/** Checks every page of the site in `root`; an empty list means no broken link. */
export function checkLinks(root: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const page of listPages(root)) {
    const doc = readHtml(page.file);
    // The site's own origin, from the canonical link: absolute links to it are internal links too.
    const canonical = doc.querySelectorAll("link[href]").find((l) => (l.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"));
    const origin = canonical ? originOf(canonical.getAttribute("href") ?? "") : undefined;
    for (const { ref: written, where } of refsOf(doc)) {
      const ref = origin && originOf(written) === origin ? written.trim().slice(origin.length) || "/" : written;
      const report = (problem: string) => problems.push({ page: page.path, ref: written, where, problem });
      if (ref.trim() === "#") {
        report('dead link: href="#" leads nowhere (the source\'s « [texte](#) » must become text or a real link)');
        continue;
      }
      const target = resolveRef(page.path, ref);
      if (!target) continue; // external origin or another scheme
      if (/#$/.test(ref.trim())) {
        report("empty fragment: the link ends with # and leads nowhere");
        continue;
      }
      const file = fileForPath(root, target.path);
      if (!file) {
        const folder = !target.path.endsWith("/") && fileForPath(root, `${target.path}/`);
        report(folder ? `missing trailing slash: ${target.path} is a folder, link to ${target.path}/` : `no file answers ${target.path}`);
        continue;
      }
      if (target.fragment === undefined || extname(file) !== ".html") continue;
      if (!idsOf(readHtml(file)).has(target.fragment)) {
        report(`no element with id "${target.fragment}" on ${target.path}`);
      }
    }
  }
  return problems;
}

/** One line per problem, for assertion messages and the console. */
export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.page}: ${p.where}="${p.ref}": ${p.problem}`).join("\n");
}
