import { chromium, type Browser } from "playwright-core";
import { chromiumArgs, chromiumPath } from "./chromium.ts";

/** Debian's Chromium driven by playwright-core: no test tool downloads a browser of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}
