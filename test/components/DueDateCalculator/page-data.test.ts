// @vitest-environment happy-dom
/**
 * The calculator's island takes no data as props (issue 11): on the built page its props are a few bytes, the
 * JSON block holds only what the page does not print (strings, plans, attainments — no service name, level
 * description or target), and what the island reads back from the page (./page-data.ts) is exactly what the
 * page part computed from the catalogue. Reads the built site (`npm run build` first, or DIST_DIR).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { calculatorData } from "../../../src/components/DueDateCalculator/page-data.ts";
import { levelGroups } from "../../../src/components/DueDateCalculator/groups.ts";
import { calculatorStrings } from "../../../src/components/DueDateCalculator/strings.ts";
import { href, pickStrings, type Lang } from "../../../src/i18n/index.ts";
import { distDir } from "../../support/serve-dist.ts";

function builtPage(lang: Lang): string {
  const file = join(distDir(), href(lang, "calculator"), "index.html");
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return readFileSync(file, "utf8");
}

describe.each(["fr", "en"] as const)("the calculator page (%s)", (lang) => {
  test("island props are a few bytes; the JSON block repeats nothing the page prints", () => {
    const html = builtPage(lang);
    const props = [...html.matchAll(/<astro-island[^>]*\sprops="([^"]*)"/g)].map((m) => m[1] as string);
    expect(props).toHaveLength(1);
    expect(props[0]!.length).toBeLessThan(200);
    const block = /<script type="application\/json" id="ddc-data">([^<]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(block.length).toBeGreaterThan(0);
    for (const group of levelGroups(lang)) {
      expect(block).not.toContain(JSON.stringify(group.service));
      for (const level of group.levels) {
        expect(block).not.toContain(JSON.stringify(level.description));
        expect(block).not.toContain(JSON.stringify(level.id));
      }
    }
  });

  test("what the island reads from the page is what the page part computed", () => {
    const html = builtPage(lang);
    document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? "";
    const read = calculatorData("ddc", lang);
    expect(read.groups).toEqual(levelGroups(lang));
    expect(read.strings).toEqual(calculatorStrings(pickStrings(lang, "sla.")));
  });
});
