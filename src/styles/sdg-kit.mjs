// @ts-check
/**
 * The SDG kit's build step (an Astro integration), run when `astro build` is done:
 * - valid HTML: Astro writes its island rule (`astro-island, … {display:contents}`) as a <style> element
 *   before the first island, inside <body>, which HTML forbids. The same rule is in global.scss (in the
 *   head's stylesheet), so the inline copy is removed from every built page;
 * - search snippets with their spaces: Astro writes adjacent cells and items without white space between
 *   them (`</td><td>`), so Pagefind, which indexes the built pages next, read « contact65% » for « contact »
 *   and « 65 % » in two cells. A line break goes between a closing cell, item or block tag and the next tag;
 *   browsers ignore that white space in tables, lists and between blocks.
 * (The kit's fonts and images are emitted by Vite through the @sdg alias of astro.config.mjs.)
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ISLAND_STYLE = "<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>";
const BLOCK_END = /(<\/(?:td|th|tr|li|dt|dd|p|h[1-6]|caption|div|section)>)(?=<)/g;

/** The built page, valid (no inline island style) and with white space between cells, items and blocks. */
export function tidyHtml(/** @type {string} */ html) {
  return html.split(ISLAND_STYLE).join("").replace(BLOCK_END, "$1\n");
}

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

/** @returns {import("astro").AstroIntegration} */
export function sdgKit() {
  return {
    name: "sdg-kit",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for await (const file of htmlFiles(outDir)) {
          const html = await readFile(file, "utf8");
          const tidy = tidyHtml(html);
          if (tidy !== html) await writeFile(file, tidy);
        }
      },
    },
  };
}
