/**
 * Which pages may ship JavaScript, and how much: the one place the budget's page kinds live.
 * A page's kind comes from its route id (src/i18n/routes.ts), looked up from its URL path.
 */
import type { PageId } from "../../src/i18n/routes.ts";

/**
 * Tool pages (MDX frontmatter `tool: true`): they ship an island and only their island. The videoconference
 * page embeds the cost estimator under its prices (issue 4) and the help-desk pages the priority helper
 * (issue 3); every other page is a content page and ships no JavaScript.
 */
export const TOOL_PAGES: readonly PageId[] = [
  "calculator", "estimator", "adviserForm", "inquiryForm", "confirmation", "inbox", "videoconference", "cau", "csc",
  // The attainment report (issue 15).
  "attainment",
];

/** JavaScript budget (gzip bytes, all the page loads up front) of every tool page. */
export const JS_BUDGET_GZIP: Partial<Record<PageId, number>> = {
  // The two budgets the issues set.
  calculator: 20 * 1024,
  estimator: 20 * 1024,
  // Pages that embed one of those tools keep the same budget as the tool's own page.
  videoconference: 20 * 1024,
  cau: 20 * 1024,
  csc: 20 * 1024,
  // Issue 11: every page's JavaScript at first load ≤ 20 KB. Forms load their checks (zod) on the first keystroke
  // and the pricing code only with an estimate; the inbox loads an estimate's summary only when one is opened.
  adviserForm: 20 * 1024,
  inquiryForm: 20 * 1024,
  confirmation: 15 * 1024,
  inbox: 20 * 1024,
  // The attainment report (issue 15): under 20 KB like the other tools.
  attainment: 20 * 1024,
};

/** HTML + CSS budget of every page (gzip bytes). */
export const HTML_CSS_BUDGET_GZIP = 40 * 1024;

/** HTML + CSS budget of a content page (gzip bytes): what fits in the first TCP round trip (issue 10). */
export const CONTENT_HTML_CSS_BUDGET_GZIP = 14 * 1024;

/**
 * A content page's first visit over the wire (bytes): HTML, CSS and JavaScript gzip, the fonts its CSS
 * declares and the fonts it preloads (WOFF2, already compressed: counted as they are), its images (SVG
 * gzip). Every font is counted, whether the page uses it or not (issue 10).
 */
export const FIRST_VISIT_BUDGET = 80 * 1024;

/**
 * The on-demand search: Pagefind's files, fetched only when someone searches. Content pages may
 * reference them, and may carry a small loader that fetches them (an inline script or a file whose
 * code names /pagefind/), of at most this many gzip bytes in all.
 */
export const SEARCH_PREFIX = "/pagefind/";
export const SEARCH_LOADER_MAX_GZIP = 2 * 1024;
