import { getViteConfig } from "astro/config";

// Astro's Vite config, so that tests import components and `astro:content`-free modules as the site does.
export default getViteConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and accessibility tests share one machine with two cores: keep parallelism modest.
    maxWorkers: 2,
  },
});
