// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";
import { sdgKit } from "./src/styles/sdg-kit.mjs";
import { languages, localeTag } from "./src/i18n/locales.ts";
import { pageOfPath, routes } from "./src/i18n/routes.ts";

/** Public origin of the site; set per stage at deploy time (SITE_URL). */
const site = process.env.SITE_URL ?? "https://services.example.gouv.qc.ca";

/** Pages that are not for search engines: the inbox and the confirmation of a submission. */
const unlisted = new Set(["inbox", "confirmation"]);

export default defineConfig({
  site,
  output: "static",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [
    mdx(),
    preact(),
    sdgKit(),
    sitemap({
      filter: (page) => {
        const found = pageOfPath(new URL(page).pathname);
        return !(found && unlisted.has(found.page));
      },
      // The French and English slugs differ, so each page's alternates come from the route table.
      serialize(item) {
        const found = pageOfPath(new URL(item.url).pathname);
        if (!found) return item;
        return {
          ...item,
          links: languages.map((lang) => ({ lang: localeTag[lang], url: new URL(routes[found.page][lang], site).href })),
        };
      },
    }),
  ],
  devToolbar: { enabled: false },
  vite: {
    // The SDG kit (qc-trousse-sdg) at build time: its SCSS settings for global.scss, its fonts and
    // images through the @sdg alias (emitted with a content hash, served from the site's origin).
    resolve: { alias: { "@sdg": fileURLToPath(new URL("./node_modules/qc-trousse-sdg/dist", import.meta.url)) } },
    css: {
      preprocessorOptions: {
        scss: {
          loadPaths: [fileURLToPath(new URL("./node_modules/qc-trousse-sdg/src/sdg/scss", import.meta.url))],
          quietDeps: true,
          silenceDeprecations: ["if-function"],
        },
      },
    },
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Every island loads Preact, its hooks and its JSX runtime: one chunk instead of three.
              { name: "preact", test: /node_modules[\\/]preact[\\/]/ },
            ],
          },
        },
      },
    },
  },
});
