/**
 * Gate 3, accessibility: pa11y with both runners (axe and HTML_CodeSniffer), standard WCAG2AA,
 * on every HTML page of a built site (discovered from the folder), served on loopback.
 * One Chromium for the whole run, pages checked sequentially (two shared cores).
 */
// @ts-expect-error pa11y ships no type declarations
import pa11y from "pa11y";
import puppeteer, { type Browser } from "puppeteer";
import { chromiumArgs, chromiumPath } from "../support/chromium.ts";
import { serveDist } from "../support/serve-dist.ts";
import { listPages } from "../support/site.ts";

export const RUNNERS = ["axe", "htmlcs"] as const;
export type Runner = (typeof RUNNERS)[number];
export type IssueType = "error" | "warning" | "notice";

export interface A11yIssue {
  runner: Runner;
  type: IssueType;
  code: string;
  message: string;
  selector: string;
  context: string;
}

export interface A11yPageResult {
  path: string;
  issues: A11yIssue[];
  /** Issue counts by runner and type. */
  counts: Record<Runner, Record<IssueType, number>>;
}

/** Launches Debian's Chromium through puppeteer (pa11y's own driver): never a downloaded browser. */
export async function launchPuppeteer(): Promise<Browser> {
  return puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

function countIssues(issues: A11yIssue[]): A11yPageResult["counts"] {
  const counts = {} as A11yPageResult["counts"];
  for (const runner of RUNNERS) counts[runner] = { error: 0, warning: 0, notice: 0 };
  for (const issue of issues) counts[issue.runner][issue.type] += 1;
  return counts;
}

/**
 * Runs pa11y on every page of the site in `root`.
 * @param options.browser a browser to reuse (otherwise one is launched and closed)
 * @param options.onPage called after each page, for progress output
 */
export async function checkAccessibility(
  root: string,
  options: { browser?: Browser; timeoutMs?: number; onPage?: (result: A11yPageResult, index: number, total: number) => void } = {},
): Promise<A11yPageResult[]> {
  const pages = listPages(root);
  const server = await serveDist(root);
  const browser = options.browser ?? (await launchPuppeteer());
  const results: A11yPageResult[] = [];
  try {
    for (const [index, page] of pages.entries()) {
      const report = await pa11y(`${server.url}${page.path}`, {
        browser,
        runners: [...RUNNERS],
        standard: "WCAG2AA",
        includeWarnings: true,
        includeNotices: true,
        timeout: options.timeoutMs ?? 60_000,
        // pa11y logs nothing; the summary table says what matters.
        log: { debug: () => {}, error: () => {}, info: () => {} },
      });
      const issues: A11yIssue[] = (report.issues as Array<Record<string, string>>).map((i) => ({
        runner: i.runner as Runner,
        type: i.type as IssueType,
        code: i.code ?? "",
        message: i.message ?? "",
        selector: i.selector ?? "",
        context: i.context ?? "",
      }));
      const result = { path: page.path, issues, counts: countIssues(issues) };
      results.push(result);
      options.onPage?.(result, index, pages.length);
    }
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
  return results;
}

/** The summary table: errors per runner for each page, warnings and notices as counts only. */
export function formatA11ySummary(results: A11yPageResult[]): string {
  const header = ["page", "axe errors", "htmlcs errors", "warnings", "notices"];
  const lines = results.map((r) => [
    r.path,
    String(r.counts.axe.error),
    String(r.counts.htmlcs.error),
    String(r.counts.axe.warning + r.counts.htmlcs.warning),
    String(r.counts.axe.notice + r.counts.htmlcs.notice),
  ]);
  const total = (runner: Runner, type: IssueType) => results.reduce((sum, r) => sum + r.counts[runner][type], 0);
  lines.push([
    `total (${results.length} pages)`,
    String(total("axe", "error")),
    String(total("htmlcs", "error")),
    String(total("axe", "warning") + total("htmlcs", "warning")),
    String(total("axe", "notice") + total("htmlcs", "notice")),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  return [row(header), row(widths.map((w) => "-".repeat(w))), ...lines.map(row)].join("\n");
}

/** Every error, one per line: page, runner, rule, element. */
export function formatA11yErrors(results: A11yPageResult[]): string {
  return results
    .flatMap((r) => r.issues.filter((i) => i.type === "error").map((i) => `${r.path} [${i.runner}] ${i.code}: ${i.message} (${i.selector})`))
    .join("\n");
}
