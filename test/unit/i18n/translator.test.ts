import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createTranslator, fill, type Slice } from "../../../src/i18n/translator.ts";
import { pickKeys, pickStrings, strings, useTranslations } from "../../../src/i18n/index.ts";

describe("the one translator", () => {
  test("fills {name} placeholders", () => {
    expect(fill("{a} et {b}", { a: 1, b: "deux" })).toBe("1 et deux");
    const t = createTranslator(pickStrings("fr", "estimate."), "fr");
    expect(t("estimate.removeLabel", { service: "Service standard" })).toBe(strings.fr["estimate.removeLabel"].replace("{service}", "Service standard"));
  });

  test("a placeholder without a value throws, naming it", () => {
    expect(() => fill("{a}", {})).toThrow('Missing value for {a} in "{a}"');
    const t = createTranslator(pickStrings("en", "estimate."), "en");
    expect(() => t("estimate.removeLabel")).toThrow(/Missing value for \{service\}/);
  });

  test("a key missing from the slice throws, naming it", () => {
    const slice = { "estimate.remove": "Retirer" } as Slice<"estimate.remove" | "estimate.addButton">;
    const t = createTranslator(slice, "fr");
    expect(t("estimate.remove")).toBe("Retirer");
    expect(() => t("estimate.addButton")).toThrow('Missing interface string "estimate.addButton"');
    expect(t.has("estimate.remove")).toBe(true);
    expect(t.has("estimate.addButton")).toBe(false);
  });

  test("plural forms by Intl.PluralRules, {count} with the language's grouping", () => {
    const fr = createTranslator(pickKeys("fr", ["estimate.monthCount", "site.pageCount"]), "fr");
    const en = createTranslator(pickKeys("en", ["estimate.monthCount", "site.pageCount"]), "en");
    expect(en.plural("estimate.monthCount", 1)).toBe("1 month");
    expect(en.plural("estimate.monthCount", 12)).toBe("12 months");
    expect(en.plural("site.pageCount", 1200)).toBe("1,200 pages");
    expect(fr.plural("site.pageCount", 1200)).toBe("1\u00a0200 pages");
    // French: 0 and 1 are singular.
    expect(fr.plural("site.pageCount", 0)).toBe(fr.plural("site.pageCount", 1).replace("1", "0"));
  });

  test("an island's translator gives the same text as the pages' translator", () => {
    for (const lang of ["fr", "en"] as const) {
      const island = createTranslator(pickStrings(lang, "sla."), lang);
      const site = useTranslations(lang);
      expect(island("sla.addPause")).toBe(site("sla.addPause"));
    }
  });

  test("a sentence's period after a.m. / p.m. is not doubled", () => {
    expect(fill("Due at {time}.", { time: "8:30 a.m." })).toBe("Due at 8:30 a.m.");
  });
});

describe("one placeholder rule in the code", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|astro)$/.test(name) ? [path] : [];
    });
  const root = new URL("../../../", import.meta.url).pathname;
  const sources = [...files(join(root, "src")), ...files(join(root, "functions"))];

  test("only src/i18n/translator.ts fills {name} placeholders", () => {
    const fillers = sources.filter((path) => /replace\(\/\\\{\(\\w\+\)\\\}\/g/.test(readFileSync(path, "utf8")));
    expect(fillers.map((path) => path.slice(root.length))).toEqual(["src/i18n/translator.ts"]);
  });

  test("no interface strings reach code through an `as unknown as` cast", () => {
    const casts = sources.filter((path) => /ui\/(fr|en)\.ts/.test(readFileSync(path, "utf8")) && /as unknown as/.test(readFileSync(path, "utf8")));
    expect(casts.map((path) => path.slice(root.length))).toEqual([]);
  });
});
