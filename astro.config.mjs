// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import sitemap from "@astrojs/sitemap";

/** Public origin of the site; overridden per stage at deploy time (SITE_URL). */
const site = process.env.SITE_URL ?? "https://services.example.gouv.qc.ca";

export default defineConfig({
  site,
  output: "static",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [
    mdx(),
    preact(),
    sitemap({
      // The inbox and confirmation pages are not for search engines.
      filter: (page) => !/\/(boite-de-reception|inbox|confirmation)\//.test(page),
      i18n: { defaultLocale: "fr", locales: { fr: "fr-CA", en: "en-CA" } },
    }),
  ],
  devToolbar: { enabled: false },
});
