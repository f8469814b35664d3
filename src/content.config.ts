import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/** Narrative of each page, one MDX file per page and language: content/pages/{fr,en}/{pageId}.mdx */
const pages = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content/pages" }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
  }),
});

export const collections = { pages };
