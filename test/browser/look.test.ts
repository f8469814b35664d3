/**
 * The PIV frame in Chromium, on the built site (DIST_DIR or dist): at 320 px the main navigation is a closed
 * <details> menu that the keyboard opens (no JavaScript needed), the page title shows on the first screen and
 * nothing scrolls sideways; at 1280 px the navigation is a row; the fonts come from the site's origin; print
 * keeps the signature and hides navigation, search and the tools' controls.
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { openSiteAndBrowser, type SiteAndBrowser } from "../support/site-browser.ts";
import { href } from "../../src/i18n/routes.ts";

let browser: Browser;
let server: SiteAndBrowser["server"];
openSiteAndBrowser((opened) => ({ browser, server } = opened));

describe("the PIV frame", () => {
  test("320 px without JavaScript: collapsed menu the keyboard opens, title on the first screen, no sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of [href("fr", "home"), href("en", "telephony"), href("fr", "contacts")]) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(320);
      expect(await page.locator(".nav-wide").isVisible()).toBe(false);
      expect(await page.locator(".nav-narrow a").first().isVisible()).toBe(false);
      const h1 = await page.locator("h1").boundingBox();
      expect(h1 && h1.y + 40).toBeLessThan(640);
    }
    await page.locator(".nav-narrow summary").focus();
    await page.keyboard.press("Enter");
    expect(await page.locator(".nav-narrow a").first().isVisible()).toBe(true);
    await context.close();
  });

  test("1280 px: the navigation is a row, the fonts load from the site's origin", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${server.url}${href("fr", "videoconference")}`, { waitUntil: "networkidle" });
    expect(await page.locator(".nav-wide").isVisible()).toBe(true);
    expect(await page.locator(".nav-narrow").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.fonts.check('16px "Open Sans"') && document.fonts.check('bold 16px "Roboto"'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".piv-band") as Element).backgroundColor)).toBe("rgb(9, 87, 151)");
    expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith("data:"))).toEqual([]);
    expect(requests.some((url) => url.endsWith(".woff2"))).toBe(true);
    await context.close();
  });

  test("print keeps the signature and drops navigation, search and the tools' controls", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${href("fr", "calculator")}`, { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".piv-logo img").isVisible()).toBe(true);
    for (const selector of [".site-nav", ".piv-search", ".breadcrumbs", ".ddc form"]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    await page.close();
  });
});
