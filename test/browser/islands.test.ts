/**
 * The tools at first paint, in Chromium on the built site (DIST_DIR or dist): each island is server-rendered in
 * its starting state, so the page shows it before any script runs and hydration moves nothing; what the reader
 * does before an island wakes up is kept; the language link carries a calculation or an estimate across.
 *
 * "Before scripts run" is made real by holding back every module under /_astro/ (request interception) and
 * releasing them later; the inline island runtime still defines <astro-island>, as in a slow network.
 */
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openSiteAndBrowser, type SiteAndBrowser } from "../support/site-browser.ts";
import { heldPage, islandsHydrated } from "../support/browser.ts";
import { href, type PageId } from "../../src/i18n/routes.ts";
import { useTranslations } from "../../src/i18n/index.ts";
import { encodeEstimate } from "../../src/lib/estimate/url.ts";

let browser: Browser;
let server: SiteAndBrowser["server"];
openSiteAndBrowser((opened) => ({ browser, server } = opened));

const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 375, height: 740 };


/** Layout shifts without recent input, summed from the start of the load (buffered), anywhere on the page. */
async function observeShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__shift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The web fonts arrive this long after they are asked for: after first paint, as on a slow connection. */
const LATE_FONTS_MS = 400;

const tools: Array<{ page: PageId; island: string }> = [
  { page: "estimator", island: ".ce" },
  { page: "calculator", island: ".ddc" },
  { page: "cau", island: ".ph" },
  { page: "csc", island: ".ph" },
  { page: "videoconference", island: ".ce" },
];

describe("first paint shows each tool, and hydration changes nothing on screen", () => {
  for (const { page: id, island } of tools) {
    test(`${id}: the tool before its script runs looks exactly as after`, async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const { page, release } = await heldPage(context);
      await page.goto(`${server.url}${href("fr", id)}`);
      const tool = page.locator(island).first();
      await tool.scrollIntoViewIfNeeded();
      expect(await tool.isVisible()).toBe(true);
      expect(await page.locator("astro-island[ssr]").count()).toBeGreaterThan(0);
      const before = await tool.screenshot({ animations: "disabled" });
      await release();
      await islandsHydrated(page);
      const after = await tool.screenshot({ animations: "disabled" });
      expect(after.equals(before)).toBe(true);
      await context.close();
    });
  }
});

/**
 * Shared links: the address carries a calculation or an estimate, which the island fills in after hydration
 * (a static page cannot read its address on the server). Nothing painted may move when it does.
 */
const sharedLinks: Array<{ page: PageId; name: string; query: () => string }> = [
  { page: "calculator", name: "calculator with a shared calculation", query: () => "?level=csc-restore-p3&date=2026-11-30&time=10:00" },
  {
    page: "calculator",
    name: "calculator with a shared calculation and a pause",
    query: () => "?level=cau-restore-p3&date=2026-11-30&time=10:00&pause=2026-11-30T11:00/2026-11-30T12:00",
  },
  { page: "calculator", name: "calculator with a shared billing-date level", query: () => "?level=mobility-billing-reports&billing=2026-11-30" },
  {
    page: "estimator",
    name: "estimator with a shared estimate",
    query: () =>
      `?estimate=${encodeEstimate({
        version: "2017-08-24",
        startMonth: 10,
        lines: [
          { kind: "subscription", item: "standard", quantity: 10 },
          { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
        ],
      })}`,
  },
];

/** The layout-shift sum of a page, from its load to when `settle` resolves, the page scrolled through. */
async function shiftAfterLoad(
  viewport: { width: number; height: number },
  path: string,
  { lateFonts = false, settle = async () => {} }: { lateFonts?: boolean; settle?: (page: Page) => Promise<void> } = {},
): Promise<number> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (lateFonts) {
    await page.route(/\.woff2$/, async (route) => {
      await new Promise((done) => setTimeout(done, LATE_FONTS_MS));
      await route.continue();
    });
  }
  await observeShifts(page);
  await page.goto(`${server.url}${path}`, { waitUntil: "load" });
  // Scroll down so islands that wake when visible do so, then back up.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 30));
    }
  });
  await islandsHydrated(page);
  await settle(page);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  await context.close();
  return shift;
}

describe("no layout shift (CLS 0) on the tool pages, shared links and content pages, header included", () => {
  // Fonts held back on the tool pages: the fallback faces are metric-matched and the wide navigation uses
  // font-display: optional, so a late font swaps without moving anything there (src/styles/global.scss). Text
  // pages are measured with fonts on time: with fonts 400 ms late, a line of a long list can still wrap at another
  // word (the fallback matches the average width, not each word's): 0.0009 measured on the home page at 1280 px.
  const pages: Array<{ id: PageId; lateFonts: boolean }> = [
    ...tools.map((t) => ({ id: t.page, lateFonts: true })),
    { id: "accessibility", lateFonts: false },
    { id: "home", lateFonts: false },
  ];
  for (const viewport of [DESKTOP, MOBILE]) {
    for (const { id, lateFonts } of pages) {
      test(`${id} at ${viewport.width} px${lateFonts ? `, fonts ${LATE_FONTS_MS} ms late` : ""}`, async () => {
        expect(await shiftAfterLoad(viewport, href("fr", id), { lateFonts })).toBe(0);
      });
    }
    for (const { page: id, name, query } of sharedLinks) {
      test(`${name} at ${viewport.width} px`, async () => {
        const shift = await shiftAfterLoad(viewport, `${href("fr", id)}${query()}`, {
          settle: async (page) => {
            // The shared state is filled in: the result is there.
            await page.locator(id === "calculator" ? ".ddc-due" : "[data-total='monthly']").first().waitFor();
            // … and shown by the island itself, not by the 4 s safety reveal (src/components/filled-from-address.ts).
            await expect.poll(() => page.locator("[data-filling]").count(), { timeout: 2000 }).toBe(0);
            expect(await page.locator(id === "calculator" ? ".ddc-due" : "[data-total='monthly']").first().isVisible()).toBe(true);
          },
        });
        expect(shift).toBe(0);
      });
    }
  }
});

describe("the videoconference page's first load ships no JavaScript", () => {
  test("no module is fetched until the embedded estimator comes into view", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}${href("fr", "videoconference")}`, { waitUntil: "networkidle" });
    expect(scripts).toEqual([]);
    await page.locator(".ce").first().scrollIntoViewIfNeeded();
    await islandsHydrated(page);
    expect(scripts.some((path) => path.includes("CostEstimatorIsland"))).toBe(true);
    await context.close();
  });
});

describe("what the reader does before an island wakes up is kept", () => {
  test("priority helper (CSC): a first answer given before hydration survives the next answers", async () => {
    const t = useTranslations("fr");
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, release } = await heldPage(context);
    await page.goto(`${server.url}${href("fr", "csc")}`);
    const first = page.getByLabel(t("sla.priority.scope.organisation"));
    await first.scrollIntoViewIfNeeded();
    await first.check();
    await release();
    await islandsHydrated(page);
    await page.locator("#ph-csc-mission-yes").check();
    await page.locator("#ph-csc-workaround-no").check();
    expect(await first.isChecked()).toBe(true);
    await expect.poll(() => page.textContent(".ph-priority")).toContain(t("sla.priority.label", { priority: 1 }));
    await context.close();
  });

  test("calculator: a level chosen before hydration stays chosen and gets its fields", async () => {
    const t = useTranslations("fr");
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, release } = await heldPage(context);
    await page.goto(`${server.url}${href("fr", "calculator")}`);
    await page.getByLabel(t("sla.levelLabel")).selectOption("csc-restore-p3");
    await release();
    await islandsHydrated(page);
    expect(await page.getByLabel(t("sla.levelLabel")).inputValue()).toBe("csc-restore-p3");
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("level"))).toBe("csc-restore-p3");
    expect(await page.getByLabel(t("sla.dateLabel")).isVisible()).toBe(true);
    await context.close();
  });

  test("estimator: a start month and a service chosen before hydration stay chosen", async () => {
    const t = useTranslations("fr");
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, release } = await heldPage(context);
    await page.goto(`${server.url}${href("fr", "estimator")}`);
    await page.getByLabel(t("estimate.startMonth")).selectOption("10");
    await page.getByLabel(t("estimate.addLabel")).selectOption("high-definition");
    await release();
    await islandsHydrated(page);
    expect(await page.getByLabel(t("estimate.startMonth")).inputValue()).toBe("10");
    expect(await page.getByLabel(t("estimate.addLabel")).inputValue()).toBe("high-definition");
    await page.getByRole("button", { name: t("estimate.addButton") }).click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("estimate") ?? "")).toMatch(/_10_s\.high-definition\.1$/);
    await context.close();
  });
});

describe("the language link keeps the tool's state", () => {
  test("a calculation opens the same calculation in English", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const query = "?level=csc-restore-p3&date=2026-11-30&time=10:00";
    await page.goto(`${server.url}${href("fr", "calculator")}${query}`);
    await islandsHydrated(page);
    await expect.poll(() => page.getAttribute("a[hreflang='en-CA']", "href")).toBe(`${href("en", "calculator")}${query.replace(":", "%3A")}`);
    const frDue = await page.textContent(".ddc-due");
    expect(await page.locator("#ddc-level").inputValue()).toBe("csc-restore-p3");
    await page.click("a[hreflang='en-CA']");
    await page.waitForURL(/due-date-calculator/);
    await islandsHydrated(page);
    expect(await page.locator("#ddc-level").inputValue()).toBe("csc-restore-p3");
    expect(await page.locator("#ddc-date").inputValue()).toBe("2026-11-30");
    expect(await page.locator("#ddc-time").inputValue()).toBe("10:00");
    // The same deadline, in English words (Monday, November 30, 2026 … in French: lundi 30 novembre 2026).
    expect(frDue).toContain("2026");
    await expect.poll(() => page.textContent(".ddc-due")).toContain("2026");
    await context.close();
  });

  test("an estimate opens the same estimate in English, and back", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const code = encodeEstimate({ version: "2017-08-24", startMonth: 10, lines: [{ kind: "subscription", item: "standard", quantity: 10 }] });
    await page.goto(`${server.url}${href("fr", "estimator")}?estimate=${code}`);
    await islandsHydrated(page);
    await expect.poll(() => page.getAttribute("a[hreflang='en-CA']", "href")).toBe(`${href("en", "estimator")}?estimate=${code}`);
    await page.click("a[hreflang='en-CA']");
    await page.waitForURL(/cost-estimator/);
    await islandsHydrated(page);
    await expect.poll(() => page.textContent("[data-total='monthly']")).toBe("$150.00");
    await expect.poll(() => page.getAttribute("a[hreflang='fr-CA']", "href")).toBe(`${href("fr", "estimator")}?estimate=${code}`);
    await context.close();
  });

  test("the inquiry form carrying an estimate opens in English with the same estimate", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const code = encodeEstimate({ version: "2017-08-24", startMonth: 4, lines: [{ kind: "subscription", item: "standard", quantity: 2 }] });
    await page.goto(`${server.url}${href("fr", "inquiryForm")}?estimate=${code}`);
    await islandsHydrated(page);
    await expect.poll(() => page.getAttribute("a[hreflang='en-CA']", "href")).toBe(`${href("en", "inquiryForm")}?estimate=${code}`);
    await context.close();
  });
});
