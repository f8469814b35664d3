/**
 * `npm run screenshots`: PNG screenshots of the main page types at 1280 px and 320 px, in French,
 * into docs/screenshots/ (README « Look »). Serves the built site (dist/, or DIST_DIR) with
 * Debian's Chromium; the inbox is shown signed in through the local server's development sign-in
 * when `INBOX_URL` points at a running `npm start` (e.g. http://localhost:4321), else signed out.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { serveDist } from "../support/serve-dist.ts";
import { routes } from "../../src/i18n/routes.ts";

const out = join(process.cwd(), "docs", "screenshots");
mkdirSync(out, { recursive: true });

interface Shot {
  name: string;
  path: string;
  /** What to do before the picture (fill a form, submit it…). */
  act?: (page: Page) => Promise<void>;
  /** Full page (default) or only the first screen. */
  fullPage?: boolean;
}

const shots: Shot[] = [
  { name: "home", path: routes.home.fr },
  { name: "service", path: routes.videoconference.fr, fullPage: false },
  { name: "calculator", path: `${routes.calculator.fr}?level=cau-restore-p1&date=2026-03-06&time=16:30`, fullPage: false },
  { name: "estimator", path: `${routes.estimator.fr}`, fullPage: false },
  {
    name: "form-errors",
    path: routes.adviserForm.fr,
    act: async (page) => {
      await page.waitForSelector("astro-island:not([ssr])", { timeout: 10_000 }).catch(() => {});
      await page.locator("main form button[type=submit]").first().click();
      await page.waitForTimeout(300);
      // The summary takes the focus; show it with the page title above it.
      await page.evaluate(() => window.scrollTo(0, Math.max(0, (document.querySelector("h1")?.getBoundingClientRect().top ?? 0) + window.scrollY - 16)));
    },
    fullPage: false,
  },
  { name: "inbox", path: routes.inbox.fr, fullPage: false },
];

const site = await serveDist();
const browser = await launchBrowser();
try {
  for (const width of [1280, 320]) {
    const context = await browser.newContext({ viewport: { width, height: width === 320 ? 640 : 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const shot of shots) {
      await page.goto(`${site.url}${shot.path}`, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      if (shot.act) await shot.act(page);
      const file = join(out, `${shot.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? width === 1280 });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
