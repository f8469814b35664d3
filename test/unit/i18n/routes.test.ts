import { describe, expect, test } from "vitest";
import { href, pageIds, pageOfPath, routes } from "../../../src/i18n/routes.ts";
import { interpolate, strings, useTranslations, validateStrings } from "../../../src/i18n/index.ts";

describe("routes", () => {
  test("every page has a distinct path in each language, under its language prefix", () => {
    const all = pageIds.flatMap((id) => [routes[id].fr, routes[id].en]);
    expect(new Set(all).size).toBe(all.length);
    for (const id of pageIds) {
      expect(routes[id].fr.startsWith("/fr/")).toBe(true);
      expect(routes[id].en.startsWith("/en/")).toBe(true);
      expect(routes[id].fr.endsWith("/")).toBe(true);
    }
  });
  test("href adds query and fragment", () => {
    expect(href("en", "calculator", { query: { level: "csc-restore-p1" } })).toBe("/en/due-date-calculator/?level=csc-restore-p1");
    expect(href("fr", "telephony", { hash: "niveaux" })).toBe("/fr/communications-telephoniques/#niveaux");
    expect(href("fr", "home")).toBe("/fr/");
  });
  test("pageOfPath finds the page and language, with or without the trailing slash", () => {
    expect(pageOfPath("/en/videoconference")).toEqual({ page: "videoconference", lang: "en" });
    expect(pageOfPath("/fr/visioconference/")).toEqual({ page: "videoconference", lang: "fr" });
    expect(pageOfPath("/fr/nope/")).toBeUndefined();
  });
});

describe("interface strings", () => {
  test("both languages define exactly the same keys", () => {
    expect(Object.keys(strings.fr).sort()).toEqual(Object.keys(strings.en).sort());
  });
  test("a missing key names the language file and the key", () => {
    const { ["site.home"]: _removed, ...broken } = strings.en;
    expect(() => validateStrings("en", broken)).toThrow(/src\/i18n\/ui\/en\.ts: site\.home/);
  });
  test("placeholders are replaced and a missing value is an error", () => {
    expect(interpolate("{a} et {b}", { a: 1, b: "deux" })).toBe("1 et deux");
    expect(() => interpolate("{a}", {})).toThrow(/Missing value for \{a\}/);
  });
  test("plural forms follow each language's rules", () => {
    // French uses the singular for 0 and 1; English only for 1.
    expect(useTranslations("fr").plural("site.pageCount", 0)).toBe("0 page");
    expect(useTranslations("en").plural("site.pageCount", 0)).toBe("0 pages");
    expect(useTranslations("en").plural("site.pageCount", 1)).toBe("1 page");
  });
});

describe("the zod-free translations used by the Lambda handlers", () => {
  test("are the same texts as the validated ones, in both languages", async () => {
    const { translations, uiStrings } = await import("../../../src/i18n/translate.ts");
    for (const lang of ["fr", "en"] as const) {
      expect(uiStrings[lang]).toEqual(strings[lang]);
      expect(translations(uiStrings[lang], lang)("site.home")).toBe(useTranslations(lang)("site.home"));
      expect(translations(uiStrings[lang], lang).plural("site.pageCount", 1)).toBe(useTranslations(lang).plural("site.pageCount", 1));
    }
  });
});
