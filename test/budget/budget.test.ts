/**
 * Gate 4, page weight: the budgets hold on the built site (`npm run budget` prints the table),
 * and proof on fixture sites that the check fails when it should.
 */
import { afterAll, describe, expect, test } from "vitest";
import { cleanFixtures, fixtureSite } from "../support/fixtures.ts";
import { distDir } from "../support/serve-dist.ts";
import { formatBudget, measureBudget, staticImports, type PageWeight } from "./budget.ts";

afterAll(cleanFixtures);

const failures = (rows: PageWeight[]) => rows.filter((r) => r.problems.length > 0).map((r) => `${r.path}: ${r.problems.join("; ")}`);

describe("page weight of the built site", () => {
  test("every page within its budgets", () => {
    const rows = measureBudget(distDir());
    expect(failures(rows), formatBudget(rows)).toEqual([]);
  });
});

describe("the page-weight check fails when it should (fixtures)", () => {
  test("a complete site passes; the island's static imports are counted, its dynamic import and the search's Pagefind are not", () => {
    const rows = measureBudget(fixtureSite("good"));
    expect(failures(rows)).toEqual([]);
    const calculator = rows.find((r) => r.path === "/fr/calculateur-echeances/");
    expect(calculator?.kind).toBe("tool");
    expect(calculator?.jsFiles).toEqual(["/_astro/Calculator.js", "/_astro/client.js", "/_astro/dates.js", "/_astro/preact.js"]);
    const privacy = rows.find((r) => r.path === "/fr/confidentialite/");
    expect(privacy?.cssFiles).toEqual(["/_astro/site.css", "/_astro/tokens.css"]);
    expect(privacy?.js.raw).toBe(0);
    // The search pages' loaders (an external module, an inline one) are the on-demand search: allowed, and weighed.
    const search = rows.filter((r) => r.routeId === "search");
    expect(search.map((r) => [r.path, r.jsFiles, r.problems.length])).toEqual([
      ["/en/search/", ["/search.js"], 0],
      ["/fr/recherche/", ["inline"], 0],
    ]);
    expect(search.every((r) => r.js.gzip > 0)).toBe(true);
  });

  test("a content page that ships JavaScript", () => {
    expect(failures(measureBudget(fixtureSite("content-js")))).toEqual(["/en/privacy/: content page ships JavaScript: /_astro/dates.js"]);
  });

  test("a page over the HTML + CSS budget", () => {
    const found = failures(measureBudget(fixtureSite("overweight")));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\/fr\/confidentialite\/: HTML \+ CSS \d+\.\d KB gzip, over the budget of 14\.0 KB$/);
  });

  test("a content page whose fonts push the first visit over 80 KB", () => {
    const found = failures(measureBudget(fixtureSite("heavy-fonts")));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\/fr\/confidentialite\/: first visit \d+\.\d KB over the wire \(fonts and images included\), over the budget of 80\.0 KB$/);
  });

  test("a page that loads a font from another origin", () => {
    expect(failures(measureBudget(fixtureSite("external-font")))).toEqual([
      "/fr/confidentialite/: loads from another origin: https://fonts.example.com/css2?family=Roboto",
    ]);
  });

  test("a calculator over its JavaScript budget", () => {
    const found = failures(measureBudget(fixtureSite("heavy-calculator")));
    expect(found).toHaveLength(2);
    expect(found.join("\n")).toMatch(/\/fr\/calculateur-echeances\/: JavaScript \d+\.\d KB gzip, over the budget of 20\.0 KB/);
  });

  test("static imports are followed, dynamic ones are not", () => {
    expect(staticImports('import{h as e}from"./preact.js";import"./dates.js";export{x}from"./x.js";const l=()=>import("./lazy.js");')).toEqual([
      "./preact.js",
      "./dates.js",
      "./x.js",
    ]);
  });
});
