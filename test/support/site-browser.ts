/**
 * For a browser test file: the built site (DIST_DIR or dist/) served on a free port and one Chromium, opened
 * before its tests and closed after them. Kept apart from browser.ts, which scripts outside vitest also import.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { serveDist } from "./serve-dist.ts";

export interface SiteAndBrowser {
  browser: Browser;
  server: { url: string; close: () => Promise<void> };
}

/**
 * @example let browser: Browser; let server: SiteAndBrowser["server"];
 * openSiteAndBrowser((opened) => ({ browser, server } = opened));
 */
export function openSiteAndBrowser(receive: (opened: SiteAndBrowser) => void): void {
  let opened: Partial<SiteAndBrowser> = {};
  beforeAll(async () => {
    opened.server = await serveDist();
    opened.browser = await launchBrowser();
    receive(opened as SiteAndBrowser);
  });
  afterAll(async () => {
    await opened.browser?.close();
    await opened.server?.close();
    opened = {};
  });
}
