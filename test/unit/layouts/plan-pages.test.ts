import { describe, expect, test } from "vitest";
import { planPages } from "../../../src/layouts/plan-pages.ts";

describe("which pages are built from the MDX present", () => {
  test("a page with both languages gives two routes, French first, with the routes.ts paths", () => {
    expect(planPages(["en/telephony", "fr/telephony"])).toEqual([
      { page: "telephony", lang: "fr", entryId: "fr/telephony", path: "fr/communications-telephoniques" },
      { page: "telephony", lang: "en", entryId: "en/telephony", path: "en/telephone-communications" },
    ]);
  });
  test("the home page's path is the language folder", () => {
    expect(planPages(["fr/home", "en/home"]).map((p) => p.path)).toEqual(["fr", "en"]);
  });
  test("a page with no MDX in either language is simply not built", () => {
    expect(planPages(["fr/home", "en/home"]).some((p) => p.page === "calculator")).toBe(false);
    expect(planPages([])).toEqual([]);
  });
  test("a page present in one language only fails, naming the missing file", () => {
    expect(() => planPages(["fr/home", "en/home", "fr/adviserForm"])).toThrow(
      /Page "adviserForm" exists in one language only: add content\/pages\/en\/adviserForm\.mdx/,
    );
  });
  test("an MDX that is not a page of routes.ts fails, naming the file", () => {
    expect(() => planPages(["fr/nouvelle-page"])).toThrow(/content\/pages\/fr\/nouvelle-page\.mdx: not a page of the site/);
    expect(() => planPages(["de/home"])).toThrow(/content\/pages\/de\/home\.mdx/);
  });
});
