/**
 * Which pages the site builds: a page exists when its MDX exists (content/pages/{lang}/{id}.mdx).
 * Other engineers add the tool and form pages; until theirs land, components leave out the links
 * to them rather than publish a broken link.
 * The file system is read (not import.meta.glob) so that listing the pages does not make Vite
 * bundle every MDX a second time. Components render at build time, from the project root.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pageIds, type PageId } from "../i18n/routes.ts";
import type { Lang } from "../i18n/locales.ts";

const cache = new Map<string, boolean>();

export function isPageBuilt(page: PageId, lang: Lang): boolean {
  const key = `${lang}/${page}`;
  let built = cache.get(key);
  if (built === undefined) {
    built = existsSync(join(process.cwd(), "content", "pages", lang, `${page}.mdx`));
    cache.set(key, built);
  }
  return built;
}

export function builtPageIds(lang: Lang): PageId[] {
  return pageIds.filter((page) => isPageBuilt(page, lang));
}
