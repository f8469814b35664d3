/**
 * `npm run screenshots`: PNG screenshots of the main page types at 1280 px and 320 px, in French, into
 * docs/screenshots/ (README « The look »). Runs the local server (the built site, dist/ or DIST_DIR, with
 * the API and dynalite on a temporary folder) and Debian's Chromium; three sample submissions arrive through
 * the API so that the inbox, signed in through the development sign-in, has something to show.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { startLocalServer } from "../../src/server/start.ts";
import { routes } from "../../src/i18n/routes.ts";
import { useTranslations } from "../../src/i18n/index.ts";

const out = join(process.cwd(), "docs", "screenshots");
mkdirSync(out, { recursive: true });
const t = useTranslations("fr");

interface Shot {
  name: string;
  path: string;
  /** What to do before the picture (submit a form…). */
  act?: (page: Page) => Promise<void>;
  /** At 320 px, scroll this element to the top of the screen first (the tool rather than the introduction). */
  scrollTo?: string;
}

const shots: Shot[] = [
  { name: "home", path: routes.home.fr },
  { name: "service", path: routes.videoconference.fr },
  { name: "calculator", path: `${routes.calculator.fr}?level=cau-restore-p1&date=2026-03-06&time=16:30`, scrollTo: ".due-date-calculator" },
  { name: "estimator", path: `${routes.estimator.fr}?estimate=2017-08-24_10_s.standard.10_s.web-collaboration-200.2_r.recording.4.90`, scrollTo: ".cost-estimator" },
  {
    name: "form-errors",
    path: routes.adviserForm.fr,
    act: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".sf-error-summary").waitFor();
      // The summary takes the focus (and the browser scrolls to it): show the page from its top when the
      // summary fits on the screen, else the summary itself.
      await page.evaluate(() => {
        window.scrollTo({ top: 0, behavior: "instant" });
        const summary = document.querySelector(".sf-error-summary")?.getBoundingClientRect();
        if (summary && summary.bottom > window.innerHeight) window.scrollTo({ top: summary.top - 16, behavior: "instant" });
      });
    },
  },
  { name: "inbox", path: routes.inbox.fr, act: async (page) => void (await page.locator(".inbox-table").waitFor()), scrollTo: ".inbox-wrapper" },
];

const dataDir = mkdtempSync(join(tmpdir(), "screenshots-"));
const server = await startLocalServer({ port: 0, dataDir, distDir: process.env.DIST_DIR ?? "dist", logs: false, env: { RATE_LIMIT_MAX: "1000", MIN_FILL_MS: "0" } });
const browser = await launchBrowser();
try {
  const samples = [
    ["/api/inquiries", { organisation: "Ville de Lévis", organisationType: "municipality", name: "Léa Roy", email: "lea.roy@example.ca", services: ["videoconference"], message: "Quels sont vos tarifs ?" }],
    ["/api/adviser-requests", { organisation: "Agence de l'Exemple", name: "Paul Côté", email: "paul@example.gouv.qc.ca" }],
    ["/api/inquiries", { organisation: "Ministère de l'Exemple", organisationType: "ministry", name: "Ana Diaz", email: "ana@example.gouv.qc.ca", services: ["mobility"], message: "Bonjour" }],
  ] as const;
  for (const [path, body] of samples) {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `screenshots-${Math.random().toString(36).slice(2)}` },
      body: JSON.stringify({ preferredLanguage: "fr", lang: "fr", elapsedMs: 8000, ...body }),
    });
    if (response.status !== 201) throw new Error(`Sample submission refused: ${response.status} ${await response.text()}`);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // Sign in once (development sign-in); the session lasts for the context.
  await page.goto(`${server.url}${routes.inbox.fr}`);
  await page.getByRole("button", { name: t("inbox.signIn") }).click();
  await page.getByLabel(t("inbox.dev.name")).fill("Dana Dev");
  await page.getByLabel(t("inbox.dev.email")).fill("dana@cspq.example");
  await page.getByRole("button", { name: t("inbox.dev.submit") }).click();
  await page.locator(".inbox-table").waitFor();
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 1500 });
    for (const shot of shots) {
      await page.goto(`${server.url}${shot.path}`, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      if (shot.act) await shot.act(page);
      if (shot.scrollTo && width === 320) {
        await page.evaluate((selector) => {
          const top = document.querySelector(selector)?.getBoundingClientRect().top ?? 0;
          window.scrollTo({ top: Math.max(0, top + window.scrollY - 16), behavior: "instant" });
        }, shot.scrollTo);
      }
      const file = join(out, `${shot.name}-${width}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
