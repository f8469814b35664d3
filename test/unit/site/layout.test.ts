/**
 * The layout's contracts on the built site (DIST_DIR, else dist/): head, skip link, language toggle,
 * no JavaScript on content pages, Pagefind only on the search page, robots.txt, sitemap, 404 and /.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { distDir } from "../../support/serve-dist.ts";
import { routes, type PageId } from "../../../src/i18n/routes.ts";

const dist = distDir();
const read = (path: string) => {
  const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npx astro build --outDir … and DIST_DIR=…).`);
  return readFileSync(file, "utf8");
};
const contentPages: PageId[] = ["home", "telephony", "videoconference", "mobility", "cau", "csc", "contacts", "privacy", "accessibility"];
/** Content pages that embed one tool (issue 3: the priority helper; issue 4: the estimator), and only that one. */
const embeddedTool: Partial<Record<PageId, string>> = { videoconference: "CostEstimatorIsland", cau: "PriorityHelperIsland", csc: "PriorityHelperIsland" };
const origin = (html: string) => /<link rel="canonical" href="(https?:\/\/[^/]+)/.exec(html)?.[1];

describe("the layout of every content page, in both languages", () => {
  for (const page of contentPages) {
    for (const lang of ["fr", "en"] as const) {
      test(`${page} (${lang})`, () => {
        const html = read(routes[page][lang]);
        const other = lang === "fr" ? "en" : "fr";
        const base = origin(html);
        expect(html).toContain(`<html lang="${lang}-CA"`);
        expect(html).toContain(`<link rel="canonical" href="${base}${routes[page][lang]}"`);
        expect(html).toContain(`<link rel="alternate" hreflang="fr-CA" href="${base}${routes[page].fr}"`);
        expect(html).toContain(`<link rel="alternate" hreflang="en-CA" href="${base}${routes[page].en}"`);
        expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${base}/"`);
        expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
        expect(html).not.toContain('name="robots"');
        // Skip link first, to a focusable main.
        expect(html.indexOf('class="skip-link" href="#main"')).toBeLessThan(html.indexOf("<header"));
        expect(html).toContain('<main id="main" tabindex="-1" data-pagefind-body');
        // The toggle leads to the same page in the other language.
        expect(html).toMatch(new RegExp(`class="language-toggle" href="${routes[page][other]}"`));
        // Exactly one h1, and a date of modification.
        expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
        expect(html).toMatch(/class="date-modified">[^<]+<time datetime="\d{4}-\d{2}-\d{2}">/);
        // Footer: the general line and the links to contacts, privacy, accessibility.
        expect(html).toContain('href="tel:+14186442777"');
        for (const id of ["contacts", "privacy", "accessibility"] as const) expect(html).toContain(`href="${routes[id][lang]}"`);
        // No JavaScript on content pages but an embedded tool's island, and no inline style attribute (CSP).
        const tool = embeddedTool[page];
        if (tool) {
          const islands = [...html.matchAll(/<astro-island[^>]*component-url="\/_astro\/([A-Za-z]+)\./g)].map((m) => m[1]);
          expect(islands).toEqual([tool]);
        } else {
          expect(html).not.toMatch(/<script/);
          expect(html).not.toMatch(/<style/);
        }
        expect(html).not.toMatch(/style="/);
      });
    }
  }
  test("service pages carry the source's date of last update", () => {
    expect(read(routes.videoconference.fr)).toContain('<time datetime="2017-08-24">24 août 2017</time>');
    expect(read(routes.mobility.en)).toContain('<time datetime="2019-12-11">December 11, 2019</time>');
  });
});

describe("the PIV frame and the SDG kit (issue 10)", () => {
  for (const lang of ["fr", "en"] as const) {
    test(`header, navigation and footer of every content page (${lang})`, () => {
      const other = lang === "fr" ? "en" : "fr";
      const year = new Date().getFullYear();
      for (const page of contentPages) {
        const html = read(routes[page][lang]);
        const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
        // The white signature on PIV blue, a link home with a text alternative; the site title.
        expect(header).toMatch(new RegExp(`<a class="piv-logo" href="${routes.home[lang]}"><img src="/_astro/QUEBEC_blanc\\.[\\w-]+\\.svg" alt="[^"]{10,}"`));
        expect(header).toContain('class="piv-title"');
        // The header's links: the other language first, then the contacts.
        const links = header.slice(header.indexOf('class="piv-links"'));
        const hrefs = [...links.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]);
        expect(hrefs.slice(0, 2)).toEqual([routes[page][other], routes.contacts[lang]]);
        // The main navigation collapses into a <details> menu on narrow screens (no JavaScript).
        expect(header).toMatch(/<nav class="main-nav"[^>]*><details class="nav-narrow"><summary>/);
        // Footer: colour signature, copyright of the year, the CSPQ line's numbers labelled, Québec.ca.
        const footer = html.slice(html.indexOf('<footer class="piv-footer"'));
        expect(footer).toMatch(/<img src="\/_astro\/QUEBEC_couleur\.[\w-]+\.svg" alt="[^"]{10,}"/);
        expect(footer).toContain(lang === "fr" ? `© Gouvernement du Québec, ${year}` : `© Government of Québec, ${year}`);
        expect(footer).toMatch(lang === "fr" ? /Local : <a href="tel:\+14186442777"/ : /Local: <a href="tel:\+14186442777"/);
        expect(footer).toMatch(lang === "fr" ? /Sans frais : <a href="tel:\+18556442777"/ : /Toll-free: <a href="tel:\+18556442777"/);
        expect(footer).toContain(`href="${lang === "fr" ? "https://www.quebec.ca/" : "https://www.quebec.ca/en/"}"`);
        // Two fonts preloaded, from the site's own origin.
        const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin>/g)].map((m) => m[1]);
        expect(preloads).toHaveLength(2);
        expect(preloads.every((href) => href?.startsWith("/_astro/") && href.endsWith(".woff2"))).toBe(true);
      }
    });
  }
  test("the stylesheet: the kit's fonts (WOFF2, swap, three faces), metric-matched local fallbacks, the navigation's optional face, no kit web component, no other origin", () => {
    const html = read(routes.home.fr);
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read((m[1] as string).slice(1))).join("\n");
    const faces = css.match(/@font-face\{[^}]+\}/g) ?? [];
    const web = faces.filter((face) => /url\(/.test(face));
    const swapping = web.filter((face) => face.includes("font-display:swap"));
    expect(swapping).toHaveLength(3);
    for (const face of web) expect(face).toMatch(/url\(\/_astro\/[\w.-]+\.woff2\) ?format\("woff2"\)/);
    // The wide navigation: the same Open Sans file, never swapped in late (no sideways slide of the row).
    const optional = web.filter((face) => face.includes("font-display:optional"));
    expect(optional).toHaveLength(1);
    expect(optional[0]).toContain("Open Sans nav");
    // Fallbacks draw local fonts only, scaled to the web fonts' metrics.
    const fallbacks = faces.filter((face) => !/url\(/.test(face));
    expect(fallbacks).toHaveLength(3);
    for (const face of fallbacks) {
      expect(face).toMatch(/src:local\(/);
      expect(face).toMatch(/size-adjust:\d+(\.\d+)?%/);
      expect(face).toMatch(/ascent-override:\d+(\.\d+)?%/);
    }
    expect(css).toContain("#095797");
    expect(css).not.toMatch(/(url\(|@import)\s*["']?(https?:)?\/\//);
    expect(html).not.toMatch(/qc-sdg|<qc-/);
  });
});

describe("search", () => {
  test("the search page loads our module only, which loads Pagefind's JavaScript API; without JavaScript it says so and links to the catalogue and the contacts", () => {
    for (const lang of ["fr", "en"] as const) {
      const html = read(routes.search[lang]);
      expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/search.js">']);
      expect(html).not.toContain("pagefind-ui.css");
      expect(html).toContain(`href="${routes.home[lang]}#catalogue"`);
      expect(html).toContain(`href="${routes.contacts[lang]}"`);
      expect(html).not.toContain("data-pagefind-body");
    }
    expect(read("search.js")).toContain('import("/pagefind/pagefind.js")');
    expect(read("search.js")).not.toContain("pagefind-ui");
  });
  test("every content page has a plain search form leading to the search page of its language", () => {
    expect(read(routes.telephony.fr)).toMatch(/<form class="search-form" role="search" action="\/fr\/recherche\/" method="get">/);
    expect(read(routes.telephony.en)).toContain('name="q"');
  });
  test("the Pagefind index has both languages", () => {
    const entry = JSON.parse(read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(["en-ca", "fr-ca"]);
    expect(entry.languages["fr-ca"]?.page_count).toBe(entry.languages["en-ca"]?.page_count);
  });
});

describe("/, 404, robots.txt and sitemap", () => {
  test("/ offers both languages, French first, with no JavaScript", () => {
    const html = read("index.html");
    expect(html.indexOf('href="/fr/"')).toBeLessThan(html.indexOf('href="/en/"'));
    expect(html).toContain('<section class="bilingual-part" lang="en-CA"');
    expect(html).not.toMatch(/<script/);
  });
  test("the 404 page is in both languages, each part with its lang", () => {
    const html = read("404.html");
    expect(html).toContain('lang="fr-CA"');
    expect(html).toContain('<section class="bilingual-part" lang="en-CA"');
    expect(html).toContain("Page introuvable");
    expect(html).toContain("Page not found");
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
  test("robots.txt points to the sitemap, whose pages include both languages", () => {
    const robots = read("robots.txt");
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    const sitemap = read("sitemap-0.xml");
    for (const page of contentPages) {
      expect(sitemap).toContain(`${routes[page].fr}</loc>`);
      expect(sitemap).toContain(`${routes[page].en}</loc>`);
    }
  });
});
