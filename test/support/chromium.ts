import { existsSync } from "node:fs";

/** The install command shown when no browser is found: tests never skip silently. */
export const INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium";

/** Debian's Chromium, or CHROME_PATH; throws with the install command when neither exists. */
export function chromiumPath(): string {
  const candidate = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(`No Chromium at ${candidate}. Install it with: ${INSTALL_CHROMIUM} (or set CHROME_PATH).`);
  }
  return candidate;
}

/**
 * Flags for headless Chromium on this machine: no sandbox (root), and no background
 * networking, since the only network here is the loopback and the package registries.
 */
export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
];
