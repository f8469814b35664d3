import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { pageIds } from "./i18n/routes.ts";

/**
 * Narrative of each page, one MDX file per page and language: content/pages/{fr,en}/{pageId}.mdx.
 * The entry id is "{lang}/{pageId}"; src/pages/[...path].astro pairs the two languages and refuses
 * to build a page that exists in one language only.
 */
const pages = defineCollection({
  // The id keeps the file's case ("fr/adviserForm"), to match the page ids of routes.ts.
  loader: glob({ pattern: "**/*.mdx", base: "./content/pages", generateId: ({ entry }) => entry.replace(/\.mdx$/, "") }),
  schema: z.strictObject({
    /** The page's <h1> and the start of its <title>. */
    title: z.string().min(1),
    /** The meta description (and the summary search engines show). */
    description: z.string().min(1),
    /** Date of last modification shown at the foot of the page; a service page whose source has a lastUpdated uses it instead. */
    // YAML reads an unquoted 2026-11-22 as a Date: accept it and keep the ISO calendar date.
    dateModified: z.union([z.iso.date(), z.date().transform((date) => date.toISOString().slice(0, 10))]),
    /** The page id of the breadcrumb parent; the home page is always the first crumb. */
    breadcrumbParent: z.enum(pageIds as [string, ...string[]]).optional(),
    /** Kept out of search engines, the sitemap's purpose and Pagefind's index. */
    noindex: z.boolean().optional(),
    /** The page ships an island (a tool); every other page ships no JavaScript. */
    tool: z.boolean().optional(),
  }),
});

export const collections = { pages };
