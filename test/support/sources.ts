/**
 * The source comparison (`test/unit/data/seeds.test.ts`) checks the catalogue against the five French source pages
 * the site was written from. Those pages are not part of the repository: their folder is given by the environment
 * variable SOURCES_DIR (absolute, or relative to the repository root). `.ci/run` sets it when the folder exists.
 * Without SOURCES_DIR the comparison file is left out of the run (vitest.config.ts) — not skipped — and `npm test`
 * (test/run.ts) says in its summary that the comparison did not run and why. A SOURCES_DIR that names a missing
 * folder is an error: the comparison then runs and fails, naming the folder.
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The test file that compares the catalogue with the source pages (relative to the repository root). */
export const sourceComparisonTest = "test/unit/data/seeds.test.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The folder of the source pages, resolved against the repository root; undefined when SOURCES_DIR is unset or empty. */
export function sourcesDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.SOURCES_DIR?.trim();
  if (!value) return undefined;
  return isAbsolute(value) ? value : resolve(repoRoot, value);
}

/** One line for the summary of `npm test`: whether the source comparison ran, and why not. */
export function sourceComparisonStatus(env: NodeJS.ProcessEnv = process.env): string {
  const dir = sourcesDir(env);
  return dir
    ? `source comparison ran against ${dir} (SOURCES_DIR)`
    : "source comparison not run: SOURCES_DIR is not set (set it to the folder of the five source pages to compare the catalogue with them)";
}
