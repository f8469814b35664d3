/**
 * The cost estimator in Chromium, on the built site (DIST_DIR or dist): a reader builds a known estimate with
 * the keyboard, reads the totals, shares the link, downloads the CSV; without JavaScript the page says the
 * tool needs it and still shows the prices.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openSiteAndBrowser, type SiteAndBrowser } from "../support/site-browser.ts";
import { islandsHydrated } from "../support/browser.ts";
import { href } from "../../src/i18n/routes.ts";
import { useTranslations } from "../../src/i18n/index.ts";

let browser: Browser;
let server: SiteAndBrowser["server"];
openSiteAndBrowser((opened) => ({ browser, server } = opened));

const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

async function totals(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page.$$eval("[data-total]", (nodes) => nodes.map((n) => [n.getAttribute("data-total"), n.textContent])),
  ) as Record<string, string>;
}

/** Chooses a service in the add list and presses Enter on the add button; the cursor lands in the new line. */
async function addByKeyboard(page: Page, item: string, values: string[]): Promise<void> {
  const t = useTranslations("fr");
  await page.getByLabel(t("estimate.addLabel")).focus();
  await page.getByLabel(t("estimate.addLabel")).selectOption(item);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  // The island moves the cursor into the new line once it has rendered it.
  await page.waitForFunction(() => document.activeElement?.closest(".ce-line") === document.querySelector(".ce-line:last-child"));
  for (const [i, value] of values.entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(value);
  }
}

describe("the estimator page", () => {
  test("a known estimate built with the keyboard gives its totals, announced once typing pauses", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}${href("fr", "estimator")}`);
    await islandsHydrated(page);

    await addByKeyboard(page, "standard", ["10"]);
    await addByKeyboard(page, "high-definition", ["2"]);
    await addByKeyboard(page, "recording", ["4", "90"]);
    await addByKeyboard(page, "training", ["3"]);
    await page.getByLabel(useTranslations("fr")("estimate.startMonth")).selectOption("10");

    const result = await totals(page);
    expect(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, plain(v)]))).toEqual({
      "monthly": "892,00 $",
      "one-time": "1 200,00 $",
      "first-month": "2 092,00 $",
      "twelve-months": "11 904,00 $",
      "fiscal-year": "6 552,00 $",
    });
    // The address is written after the totals render: wait for it rather than read it once.
    await expect
      .poll(() => page.evaluate(() => new URLSearchParams(window.location.search).get("estimate")))
      .toBe("me9u_2017-08-24_10_s.standard.10_s.high-definition.2_r.recording.4.90_h.training.3");

    await page.waitForFunction(() => (document.querySelector('.ce [role="status"]')?.textContent ?? "").length > 0);
    expect(plain(await page.textContent('.ce [role="status"]'))).toBe(
      "Sous-total mensuel 892,00 $; premier mois 2 092,00 $; 12 mois 11 904,00 $; exercice financier 6 552,00 $.",
    );

    // The link reproduces the estimate.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await shared.waitForSelector("[data-total]");
    expect(await totals(shared)).toEqual(result);
    await shared.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a wrong quantity is flagged on its field, and totals wait for the correction", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${href("en", "estimator")}?estimate=2017-08-24_4_s.standard.3`);
    const input = page.getByLabel("Number of terminals");
    await input.fill("3.5");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
    const message = await page.textContent(`#${describedBy.split(" ")[0]}`);
    expect(message).toBe(useTranslations("en")("estimate.error.notWhole"));
    expect(await page.$("[data-total]")).toBeNull();
    await input.fill("4");
    expect(plain(await page.textContent('[data-total="monthly"]'))).toBe("$60.00");
    await page.close();
  });

  test("the CSV download is in the page's language: comma separator and decimal point in English, with a BOM", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${href("en", "estimator")}?estimate=2017-08-24_4_s.web-collaboration-200.2`);
    await page.waitForSelector("[data-total]");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: useTranslations("en")("estimate.downloadCsv") }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("estimate-2017-08-24.csv");
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("Service,Unit,Quantity,Unit price ($),Monthly amount ($),One-time service fees ($)");
    expect(lines[1]).toBe('"Collaboration, web conferencing (option: 200 participants per session)",Monthly per licence,2,56.10,112.20,200.00');
    await page.close();
  });

  test("a link made with another price list says so", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${href("fr", "estimator")}?estimate=2016-01-31_4_s.standard.1`);
    await page.waitForSelector(".ce-notice");
    expect(plain(await page.textContent(".ce-notice"))).toContain("grille tarifaire du 31 janvier 2016");
    expect(plain(await page.textContent('[data-total="monthly"]'))).toBe("15,00 $");
    await page.close();
  });

  test("without JavaScript: the notice, the prices, and no inert form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${href("fr", "estimator")}`);
    expect(plain(await page.textContent(".ce-noscript"))).toBe(useTranslations("fr")("site.requiresJavaScript"));
    expect(await page.isVisible(".ce-noscript")).toBe(true);
    // The server-rendered form is there but hidden: nothing that cannot work is shown.
    expect(await page.locator(".cost-estimator :is(input, select, button):visible").count()).toBe(0);
    expect(await page.$$(".ce-price-list table")).toHaveLength(2);
    expect(plain(await page.textContent(".ce-on-request"))).toContain("Tarif sur demande");
    await context.close();
  });

  test("at 320 px the page does not scroll sideways", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${server.url}${href("fr", "estimator")}?estimate=2017-08-24_10_s.standard.10_s.web-collaboration-200.2_r.recording.4.90`);
    await page.waitForSelector("[data-total]");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });
});
