/**
 * Gate 3, accessibility: pa11y with the axe and HTML_CodeSniffer runners, WCAG2AA, on every page
 * of the built site, with zero errors; and proof on a fixture that an <img> without alt fails.
 * One Chromium (Debian's, through puppeteer) serves the whole file.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "puppeteer";
import { cleanFixtures, fixtureSite } from "../support/fixtures.ts";
import { distDir } from "../support/serve-dist.ts";
import { listPages } from "../support/site.ts";
import { checkAccessibility, formatA11yErrors, formatA11ySummary, launchPuppeteer } from "./a11y.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchPuppeteer();
});
afterAll(async () => {
  await browser?.close();
  cleanFixtures();
});

describe("accessibility of the built site", () => {
  // Counted up front for the test's name and timeout; a missing build fails inside the test, with its message.
  const pages = (() => {
    try {
      return listPages(distDir()).length;
    } catch {
      return 0;
    }
  })();
  test(
    `pa11y (axe + htmlcs, WCAG2AA): zero errors on all ${pages} pages`,
    // About 1.5 s a page on two shared cores; generous for a slow machine.
    { timeout: Math.max(120_000, pages * 15_000) },
    async () => {
      const results = await checkAccessibility(distDir(), { browser });
      console.log(`\nAccessibility (pa11y, WCAG2AA), ${distDir()}:\n${formatA11ySummary(results)}\n`);
      expect(results).toHaveLength(pages);
      expect(formatA11yErrors(results), "pa11y errors").toBe("");
    },
  );
});

describe("the accessibility check fails when it should (fixture)", () => {
  test(
    "an <img> without alt is an error; the accessible pages have none",
    { timeout: 60_000 },
    async () => {
      const results = await checkAccessibility(fixtureSite("missing-alt"), { browser });
      const byPath = Object.fromEntries(results.map((r) => [r.path, r.counts]));
      expect(Object.keys(byPath)).toEqual(["/", "/404.html", "/fr/"]);
      expect(byPath["/"]?.axe.error).toBe(0);
      expect(byPath["/"]?.htmlcs.error).toBe(0);
      const errors = results.find((r) => r.path === "/fr/")?.issues.filter((i) => i.type === "error") ?? [];
      expect(errors.map((i) => `${i.runner} ${i.code}`)).toEqual([
        "axe image-alt",
        "htmlcs WCAG2AA.Principle1.Guideline1_1.1_1_1.H37",
      ]);
    },
  );
});
