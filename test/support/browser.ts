import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { chromiumArgs, chromiumPath } from "./chromium.ts";

/** Debian's Chromium driven by playwright-core: no test tool downloads a browser of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/**
 * Resolves once every island of the page has hydrated (Astro removes `ssr` when it has). Islands are rendered on the
 * server, so their controls exist before their script runs: a test of the JavaScript path waits for this first.
 */
export async function islandsHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll("astro-island")].every((el) => !el.hasAttribute("ssr")));
}

/** A page whose modules under /_astro/ wait until `release()`: the tool as it is before any script runs. */
export async function heldPage(context: BrowserContext): Promise<{ page: Page; release: () => Promise<void> }> {
  const page = await context.newPage();
  const held: Route[] = [];
  let open = false;
  await page.route(/\/_astro\/.*\.js$/, (route) => {
    if (open) void route.continue();
    else held.push(route);
  });
  return {
    page,
    release: async () => {
      open = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core (pa11y's engine) on the live page, WCAG 2.2 A and AA: each violation as "rule: targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
