/**
 * `npm test`: the whole suite, in the order a failure is cheapest to read.
 * 1. Chromium is present (or the command that installs it is printed);
 * 2. the site builds (astro build + pagefind index);
 * 3. vitest runs every test: unit, build checks, accessibility, browser, infrastructure;
 * 4. the page-weight budget.
 */
import { spawnSync } from "node:child_process";
import { chromiumPath } from "./support/chromium.ts";

function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

console.log(`Chromium: ${chromiumPath()}`);
step("Build", "npm", ["run", "--silent", "build"]);
step("Tests", "npx", ["vitest", "run"]);
step("Page weight", "npm", ["run", "--silent", "budget"]);
