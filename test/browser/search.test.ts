/**
 * The search page in Chromium, on the built site (DIST_DIR or dist): the site's own island (public/search.js)
 * renders Pagefind's results in the reader's language with its own words; snippets keep the spaces between
 * words of separate elements; before the first query the page loads at most 15 KB gzip of JavaScript and not
 * Pagefind; without JavaScript the page links to the catalogue and the contacts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { openSiteAndBrowser, type SiteAndBrowser } from "../support/site-browser.ts";
import { distDir } from "../support/serve-dist.ts";
import { href } from "../../src/i18n/routes.ts";
import { useTranslations } from "../../src/i18n/index.ts";

let browser: Browser;
let server: SiteAndBrowser["server"];
openSiteAndBrowser((opened) => ({ browser, server } = opened));

describe("search", () => {
  test("results from Pagefind in the site's markup, with the page's words and spaced snippets (fr)", async () => {
    const t = useTranslations("fr");
    const page = await browser.newPage();
    await page.goto(`${server.url}${href("fr", "search")}?q=premier%20contact`);
    const status = page.locator("#search-status");
    await page.waitForFunction(() => /résultat/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await status.textContent()).toMatch(/^\d+ résultats? pour « premier contact »$/);
    expect(await page.getByRole("button", { name: t("site.searchClear") }).count()).toBe(1);
    const links = await page.locator(".search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l?.startsWith("/fr/"))).toBe(true);
    const excerpts = (await page.locator(".search-excerpt").allTextContents()).join(" ");
    expect(excerpts).toMatch(/premier contact 65/);
    expect(excerpts).not.toMatch(/contact65|mobile15/);
    // Clearing empties the field and the results.
    await page.getByRole("button", { name: t("site.searchClear") }).click();
    expect(await page.locator(".search-results li").count()).toBe(0);
    expect(await page.locator("#search-q").inputValue()).toBe("");
    await page.close();
  });

  test("English page, English index and words; no results said so", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${href("en", "search")}`);
    await page.locator("#search-q").fill("zzqxj");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /No results/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await page.locator("#search-status").textContent()).toBe("No results for “zzqxj”.");
    await page.locator("#search-q").fill("videoconference");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /results? for/.test(document.getElementById("search-status")?.textContent ?? ""));
    const links = await page.locator(".search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l?.startsWith("/en/"))).toBe(true);
    await page.close();
  });

  test("before the first query: no Pagefind, at most 15 KB gzip of JavaScript", async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}${href("fr", "search")}`, { waitUntil: "networkidle" });
    expect(scripts).toEqual(["/search.js"]);
    const gzip = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(distDir(), path))).length, 0);
    expect(gzip).toBeLessThanOrEqual(15 * 1024);
    expect(await page.locator("#search-q").isVisible()).toBe(true);
    await page.close();
  });

  test("without JavaScript: links to the catalogue and the contacts, no dead form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${href("fr", "search")}`);
    expect(await page.locator("#search").isVisible()).toBe(false);
    expect(await page.locator(`[data-search-fallback] a[href="${href("fr", "home", { hash: "catalogue" })}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[data-search-fallback] a[href="${href("fr", "contacts")}"]`).isVisible()).toBe(true);
    await context.close();
  });
});
