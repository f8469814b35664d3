// @vitest-environment happy-dom
/**
 * The estimator's island takes no data as props (issue 11, "Budgets"): on the built estimator and videoconference
 * pages its props are a few bytes; the price list is read back from data attributes on the island's own options
 * (never from formatted amounts), the JSON block holds only the list's version and the strings the island needs
 * (no item name, unit label, price, nor a string only the page part prints); and what the island reads back from
 * the page (src/components/CostEstimator/page-data.ts) is the catalogue's price list in the page's language.
 * Reads the built site (`npm run build` first, or DIST_DIR).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import {
  estimatorData, forgetPageData, islandStrings, localPriceList, PAGE_ONLY_KEYS,
} from "../../../src/components/CostEstimator/page-data.ts";
import { videoconferencePriceList } from "../../../src/data/catalogue.ts";
import { href, pickStrings, type Lang } from "../../../src/i18n/index.ts";
import { distDir } from "../../support/serve-dist.ts";

function builtPage(lang: Lang, page: "estimator" | "videoconference"): string {
  const file = join(distDir(), href(lang, page), "index.html");
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return readFileSync(file, "utf8");
}

const cases = (["fr", "en"] as const).flatMap((lang) => [
  { lang, page: "estimator" as const, prefix: "ce" },
  { lang, page: "videoconference" as const, prefix: "ce-embed" },
]);

beforeEach(() => forgetPageData());

describe.each(cases)("the $page page ($lang)", ({ lang, page, prefix }) => {
  test("island props are a few bytes; the JSON block repeats nothing the page prints", () => {
    const html = builtPage(lang, page);
    const props = [...html.matchAll(/<astro-island[^>]*\scomponent-url="[^"]*CostEstimatorIsland[^"]*"[^>]*>/g)]
      .map((m) => /\sprops="([^"]*)"/.exec(m[0])?.[1] ?? "");
    expect(props).toHaveLength(1);
    expect(props[0]!.length).toBeLessThanOrEqual(200);
    const blocks = [...html.matchAll(new RegExp(`<script type="application/json" id="${prefix}-data">([^<]*)</script>`, "g"))];
    expect(blocks).toHaveLength(1);
    const block = blocks[0]![1]!;
    const items = [...videoconferencePriceList.subscriptions, ...videoconferencePriceList.optional];
    for (const item of items) {
      expect(block).not.toContain(JSON.stringify(item.name[lang]));
      expect(block).not.toContain(JSON.stringify(item.unitLabel[lang]));
      expect(block).not.toContain(JSON.stringify(item.id));
    }
    expect(block).not.toMatch(/Cents/);
    const parsed = JSON.parse(block) as { v: string; s: Record<string, unknown> };
    expect(Object.keys(parsed).sort()).toEqual(["s", "v"]);
    for (const key of PAGE_ONLY_KEYS) expect(parsed.s).not.toHaveProperty(key);
  });

  test("what the island reads from the page is the catalogue's price list in the page's language", () => {
    const html = builtPage(lang, page);
    document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? "";
    const read = estimatorData(prefix, lang);
    expect(read.priceList).toEqual(localPriceList(videoconferencePriceList, lang));
    expect(read.strings).toEqual(islandStrings(pickStrings(lang, "estimate.")));
    // Every price is a number read from an attribute, never from the formatted text.
    for (const sub of read.priceList.subscriptions) expect(Number.isInteger(sub.monthlyCents)).toBe(true);
  });
});
