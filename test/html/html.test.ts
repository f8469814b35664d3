/**
 * Gate 5, valid HTML: the Nu HTML Checker reports no error on any built page (both languages, /, 404),
 * and proof on a fixture that a <style> element inside <body> (what Astro writes before an island, and
 * what the forms once inlined) is an error. The page a handler renders (a form sent back with its errors)
 * is valid too and wears the site's own layout (the build's confirmation page filled by src/lib/forms/layout.ts:
 * PIV header and footer, the site's stylesheets).
 */
import { afterAll, describe, expect, test } from "vitest";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderConfirmationPage, renderFormPage } from "../../functions/core/page.ts";
import { cleanFixtures, fixtureSite } from "../support/fixtures.ts";
import { distDir } from "../support/serve-dist.ts";
import { listPages } from "../support/site.ts";
import { checkHtml, formatHtmlErrors } from "./vnu.ts";

afterAll(cleanFixtures);

describe("valid HTML (Nu HTML Checker)", () => {
  test("zero errors on every built page", { timeout: 180_000 }, async () => {
    const pages = listPages(distDir());
    expect(pages.length).toBeGreaterThan(30);
    const errors = await checkHtml(distDir());
    console.log(`\nNu HTML Checker, ${distDir()}: ${pages.length} pages, ${errors.length} errors\n`);
    expect(formatHtmlErrors(errors)).toBe("");
  });

  test("the check fails when it should (fixture): a <style> inside <body>", { timeout: 120_000 }, async () => {
    const root = fixtureSite("invalid-html");
    const errors = await checkHtml(root, [join(root, "fr", "confidentialite", "index.html")]);
    expect(errors.map((e) => e.message)).toContain("A “style” element in “body” must be the first child of its parent.");
  });
});

describe("the page a handler renders", () => {
  test("valid, in the site's layout and stylesheets, for a form sent back and a confirmation", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "handler-page-"));
    try {
      const files = (["fr", "en"] as const).map((lang) => {
        const message = lang === "fr" ? "Le champ « Organisation » est obligatoire." : "The “Organisation” field is required.";
        const html = renderFormPage({
          type: "adviser-request",
          lang,
          values: { organisation: "" },
          errors: { organisation: message },
          summary: [{ field: "organisation", message }],
          source: "/",
          siteOrigin: "",
          retentionMonths: 24,
        });
        const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] as string);
        expect(sheets.length).toBeGreaterThan(0);
        for (const sheet of sheets) expect(existsSync(join(distDir(), sheet)), sheet).toBe(true);
        expect(html).toContain('class="piv-band"');
        expect(html).toContain(lang === "fr" ? "© Gouvernement du Québec, " : "© Government of Québec, ");
        expect(html).not.toContain("<style");
        const file = join(dir, `${lang}.html`);
        writeFileSync(file, html);
        const confirmation = join(dir, `${lang}-confirmation.html`);
        writeFileSync(confirmation, renderConfirmationPage({ lang, reference: "CON-2345-6789", siteOrigin: "" }));
        return [file, confirmation];
      }).flat();
      expect(formatHtmlErrors(await checkHtml(dir, files))).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
