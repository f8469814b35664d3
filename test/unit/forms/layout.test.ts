import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fillLayout, layoutTemplatePath, SLOT_END, SLOT_START } from "../../../src/lib/forms/layout.ts";
import { DEDUPE_WINDOW_MS, dedupeSeed } from "../../../src/lib/submissions/dedupe.ts";
import { distDir } from "../../support/serve-dist.ts";

const template = `<!DOCTYPE html><html lang="fr-CA"><head><title>Demande envoyée – Site</title><script>x()</script></head><body>
<header><a class="language-toggle" href="/en/confirmation/" hreflang="en-CA">English</a></header>
<nav><ol><li><a href="/fr/">Accueil</a></li><li><a href="/fr/confirmation/" aria-current="page">Demande envoyée</a></li></ol></nav>
<main id="main"><h1>Demande envoyée</h1>${SLOT_START}<noscript>où</noscript><script>y()</script><astro-island></astro-island>${SLOT_END}<h2>La suite</h2></main>
<footer>pied</footer></body></html>`;

describe("fillLayout: a handler's page in the site's layout", () => {
  test("a form page: title, breadcrumb, language link and the whole main replaced; scripts gone", () => {
    const page = fillLayout(template, {
      title: "Erreur : Demande d'information", currentHref: "/fr/demande-information/", otherLanguageHref: "/en/service-inquiry/",
      main: "<h1>Demande d'information</h1><form></form>",
    });
    expect(page).toContain("<title>Erreur : Demande d&#39;information – Site</title>");
    expect(page).toContain('<a href="/fr/demande-information/" aria-current="page">Erreur : Demande d&#39;information</a>');
    expect(page).toContain('<a class="language-toggle" href="/en/service-inquiry/" hreflang="en-CA">');
    expect(page).toContain('<main id="main"><h1>Demande d\'information</h1><form></form></main>');
    expect(page).toContain("<footer>pied</footer>");
    expect(page).not.toContain("<script");
  });

  test("a confirmation: only the slot is filled, the narrative stays", () => {
    const page = fillLayout(template, { otherLanguageHref: "/en/confirmation/?ref=INF-2345-6789", slot: "<p>INF-2345-6789</p>" });
    expect(page).toContain("<h1>Demande envoyée</h1><p>INF-2345-6789</p><h2>La suite</h2>");
    expect(page).toContain('href="/en/confirmation/?ref=INF-2345-6789"');
    expect(page).not.toContain("noscript");
  });

  test("a template without what it needs is a loud error, not a broken page", () => {
    expect(() => fillLayout("<html><main></main></html>", { otherLanguageHref: "/", slot: "" })).toThrow(/no <h1>/);
    expect(() => fillLayout("<h1>x</h1>", { otherLanguageHref: "/", main: "" })).toThrow(/no <main>/);
    expect(() => fillLayout("<h1>x</h1><main></main>", { otherLanguageHref: "/", slot: "" })).toThrow(/no confirmation slot/);
  });

  test("the build emits the template of each language, with its slot", () => {
    for (const lang of ["fr", "en"] as const) {
      const built = readFileSync(join(distDir(), layoutTemplatePath(lang)), "utf8");
      expect(built).toContain(SLOT_START);
      expect(built).toContain(SLOT_END);
      const page = fillLayout(built, { otherLanguageHref: "/x/", slot: "<p data-reference>REF</p>" });
      expect(page).toContain("<p data-reference>REF</p>");
      expect(page).toMatch(/<header[\s\S]*<main[\s\S]*<footer/);
    }
  });
});

describe("dedupeSeed: identical answers to a form, within the window, are one submission", () => {
  const at = (iso: string) => new Date(iso);
  test("same answers in the same window: same seed, whatever the order of the fields", () => {
    const a = dedupeSeed("inquiry", { name: "A", email: "a@b.ca" }, at("2026-11-30T15:00:01Z"));
    const b = dedupeSeed("inquiry", { email: "a@b.ca", name: "A" }, at("2026-11-30T15:09:59Z"));
    expect(a).toBe(b);
  });
  test("other answers, another form or a later window: another seed", () => {
    const base = dedupeSeed("inquiry", { name: "A" }, at("2026-11-30T15:00:00Z"));
    expect(dedupeSeed("inquiry", { name: "B" }, at("2026-11-30T15:00:00Z"))).not.toBe(base);
    expect(dedupeSeed("adviser-request", { name: "A" }, at("2026-11-30T15:00:00Z"))).not.toBe(base);
    expect(dedupeSeed("inquiry", { name: "A" }, new Date(at("2026-11-30T15:00:00Z").getTime() + DEDUPE_WINDOW_MS))).not.toBe(base);
  });
  test("the seed holds no answer in clear", () => {
    expect(dedupeSeed("inquiry", { email: "personne@exemple.ca" }, new Date())).not.toContain("personne");
  });
});
