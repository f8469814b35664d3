// @ts-check
/**
 * Build step for valid HTML: Astro writes its island rule (`astro-island, … {display:contents}`) as a
 * <style> element before the first island, inside <body>, which HTML forbids. The same rule is in
 * global.scss (in the head's stylesheet), so the inline copy is removed from every built page.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ISLAND_STYLE = "<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>";

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
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, "utf8");
          if (html.includes(ISLAND_STYLE)) await writeFile(file, html.split(ISLAND_STYLE).join(""));
        }
      },
    },
  };
}
