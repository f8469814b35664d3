/**
 * Which pages may ship JavaScript, and how much: the one place the budget's page kinds live.
 * A page's kind comes from its route id (src/i18n/routes.ts), looked up from its URL path.
 */
import type { PageId } from "../../src/i18n/routes.ts";

/** Tool pages (MDX frontmatter `tool: true`): they ship an island. Every other page is a content page. */
export const TOOL_PAGES: readonly PageId[] = ["calculator", "estimator", "adviserForm", "inquiryForm", "confirmation", "inbox"];

/** JavaScript budget (gzip bytes, all the page loads up front) of the tool pages that have one. */
export const JS_BUDGET_GZIP: Partial<Record<PageId, number>> = {
  calculator: 20 * 1024,
  estimator: 20 * 1024,
};

/** HTML + CSS budget of every page (gzip bytes). */
export const HTML_CSS_BUDGET_GZIP = 40 * 1024;

/**
 * The on-demand search: Pagefind's files, fetched only when someone searches. Content pages may
 * reference them, and may carry a small loader that fetches them (an inline script or a file whose
 * code names /pagefind/), of at most this many gzip bytes in all.
 */
export const SEARCH_PREFIX = "/pagefind/";
export const SEARCH_LOADER_MAX_GZIP = 2 * 1024;
