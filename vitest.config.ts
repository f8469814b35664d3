import { getViteConfig } from "astro/config";
import { sourceComparisonTest, sourcesDir } from "./test/support/sources.ts";

/** The gates that read the built site (DIST_DIR, or dist/): parity, links, accessibility, page weight. */
const builtSiteChecks = ["test/build/**/*.test.ts", "test/a11y/**/*.test.ts", "test/budget/**/*.test.ts", "test/html/**/*.test.ts"];

/** The comparison with the source pages runs only when SOURCES_DIR names their folder (test/support/sources.ts). */
const withoutSources = sourcesDir() ? [] : [sourceComparisonTest];

// Astro's Vite config, so that tests import components and `astro:content`-free modules as the site does.
// Two projects: `code` (unit, component, browser, API, infrastructure tests) and `site` (the checks of the
// built site). `npx vitest run` runs both; `npx vitest run test/unit/...` and `--project site` pick one part.
export default getViteConfig({
  test: {
    // No `include` here: projects extend this config and would add to it.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and accessibility tests share one machine with two cores: keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "code", include: ["test/**/*.test.{ts,tsx}"], exclude: ["**/node_modules/**", ...builtSiteChecks, ...withoutSources] },
      },
      {
        extends: true,
        // The accessibility test sets its own timeout from the number of pages.
        test: { name: "site", include: builtSiteChecks, testTimeout: 60_000 },
      },
    ],
  },
});
