import { getCollection, type CollectionEntry } from "astro:content";
import type { Lang } from "../i18n/locales.ts";
import type { PageId } from "../i18n/routes.ts";

/**
 * The title of each built page in a language, from its MDX frontmatter: navigation, breadcrumbs
 * and footer links use a page's own title, so a link's text and its target's <h1> agree.
 */
export async function pageTitles(lang: Lang): Promise<Partial<Record<PageId, string>>> {
  const entries = await getCollection("pages", (entry: CollectionEntry<"pages">) => entry.id.startsWith(`${lang}/`));
  return Object.fromEntries(entries.map((entry: CollectionEntry<"pages">) => [entry.id.slice(3), entry.data.title]));
}
