/**
 * The due-date calculator in Chromium, on the built site (DIST_DIR or dist): a link with a level and a reception
 * time gives the deadline in words; the keyboard changes the time; without JavaScript the page says the tool
 * needs it and still lists every service level. Screenshots at 320 and 1280 px go to /tmp (SLA_SCREENSHOTS=1).
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { openSiteAndBrowser, type SiteAndBrowser } from "../support/site-browser.ts";
import { href } from "../../src/i18n/routes.ts";
import { useTranslations } from "../../src/i18n/index.ts";

let browser: Browser;
let server: SiteAndBrowser["server"];
openSiteAndBrowser((opened) => ({ browser, server } = opened));

const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();
const url = (lang: "fr" | "en", query: Record<string, string>) => `${server.url}${href(lang, "calculator", { query })}`;

describe("the calculator with JavaScript", () => {
  test("a link with a level and a reception time gives the deadline (fr)", async () => {
    const page = await browser.newPage();
    await page.goto(url("fr", { level: "csc-restore-p3", date: "2026-12-04", time: "15:00" }));
    const due = page.locator(".ddc-due");
    await due.waitFor();
    // Friday 15:00 → 1.5 h Friday, weekend skipped, 8 h Monday, 0.5 h Tuesday.
    expect(plain(await due.textContent())).toBe("Échéance : le mardi 8 décembre 2026 à 9 h.");
    const steps = (await page.locator(".ddc-steps li").allTextContents()).map(plain);
    expect(steps).toContain("Samedi 5 décembre 2026 et dimanche 6 décembre 2026 : fin de semaine, non comptés.");
    await page.close();
  });

  test("in English, and the keyboard changes the reception time and the address", async () => {
    const t = useTranslations("en");
    const page = await browser.newPage();
    await page.goto(url("en", { level: "cau-restore-p1", date: "2026-11-01", time: "00:30" }));
    await page.locator(".ddc-due").waitFor();
    // 3 real hours across the end of daylight saving time.
    expect(plain(await page.locator(".ddc-due").textContent())).toBe("Due: Sunday, November 1, 2026 at 2:30 a.m.");
    const time = page.getByLabel(t("sla.timeLabel"));
    await time.focus();
    await time.fill("10:15");
    await expect.poll(async () => plain(await page.locator(".ddc-due").textContent())).toBe("Due: Sunday, November 1, 2026 at 1:15 p.m.");
    // The address is written in an effect after the result renders: wait for it rather than read it once.
    await expect.poll(() => page.evaluate(() => new URLSearchParams(window.location.search).get("time"))).toBe("10:15");
    if (process.env.SLA_SCREENSHOTS) {
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `/tmp/sla-calculator-${width}.png`, fullPage: true });
      }
    }
    const overflow = await page.evaluate(() => {
      document.documentElement.style.width = "";
      return document.documentElement.scrollWidth - document.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  test("at 320 px the page does not scroll sideways", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(url("fr", { level: "cau-restore-p5", date: "2026-12-24", time: "10:00", pause: "2026-12-29T09:00/2026-12-29T10:00" }));
    await page.locator(".ddc-due").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    if (process.env.SLA_SCREENSHOTS) await page.screenshot({ path: "/tmp/sla-calculator-pauses-320.png", fullPage: true });
    await page.close();
  });
});

test("without JavaScript the page says the tool needs it and lists every level", async () => {
  const t = useTranslations("fr");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url("fr", { level: "csc-restore-p1" }));
  expect(plain(await page.locator(".ddc-noscript").textContent())).toBe(plain(t("site.requiresJavaScript")));
  expect(await page.locator(".ddc-levels li").count()).toBeGreaterThan(40);
  await context.close();
});

test("the holiday page links to its .ics file, which is a calendar", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}${href("fr", "holidays")}`);
  const link = page.locator('a[href$=".ics"]');
  const target = await link.getAttribute("href");
  expect(target).toBe("/fr/jours-feries.ics");
  const response = await page.request.get(`${server.url}${target}`);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  expect((await response.text()).startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(await page.locator("table").count()).toBe(2);
  await page.close();
});
