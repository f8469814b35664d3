/**
 * Which pages to build from the MDX entries present: the rule of src/pages/[...path].astro,
 * kept apart from Astro so it can be tested on its own.
 */
import { languages, isLang, type Lang } from "../i18n/locales.ts";
import { pageIds, routes, type PageId } from "../i18n/routes.ts";

export interface PlannedPage {
  page: PageId;
  lang: Lang;
  /** The collection entry id, "{lang}/{pageId}". */
  entryId: string;
  /** The [...path] parameter: the route's path without its leading and trailing slashes. */
  path: string;
}

/**
 * @param entryIds the ids of the `pages` collection, "{lang}/{pageId}"
 * @returns every (page, language) to build, in routes.ts order, French first
 * @throws naming the file, for an MDX that is not a page of routes.ts, or a page present in one language only
 */
export function planPages(entryIds: readonly string[]): PlannedPage[] {
  const present = new Set(entryIds);
  for (const id of entryIds) {
    const [lang, page, ...rest] = id.split("/");
    if (!isLang(lang) || rest.length > 0 || !page || !(pageIds as string[]).includes(page)) {
      throw new Error(
        `content/pages/${id}.mdx: not a page of the site. Pages are content/pages/{fr,en}/{pageId}.mdx with a page id of src/i18n/routes.ts (${pageIds.join(", ")}).`,
      );
    }
  }
  return pageIds.flatMap((page) => {
    const found = languages.filter((lang) => present.has(`${lang}/${page}`));
    if (found.length === 0) return [];
    const missing = languages.filter((lang) => !found.includes(lang));
    if (missing.length > 0) {
      throw new Error(
        `Page "${page}" exists in one language only: add ${missing.map((l) => `content/pages/${l}/${page}.mdx`).join(" and ")} (every page is published in French and in English).`,
      );
    }
    return languages.map((lang) => ({ page, lang, entryId: `${lang}/${page}`, path: routes[page][lang].slice(1, -1) }));
  });
}
