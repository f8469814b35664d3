/**
 * Gate 2, links: no broken internal link or anchor, no `href="#"`, on the built site;
 * and proof on fixture sites that the check fails when it should.
 */
import { afterAll, describe, expect, test } from "vitest";
import { distDir } from "../support/serve-dist.ts";
import { cleanFixtures, fixtureSite } from "../support/fixtures.ts";
import { checkLinks, formatLinkProblems } from "./links.ts";

afterAll(cleanFixtures);

describe("links of the built site", () => {
  test(`every internal link and anchor resolves (${distDir()})`, () => {
    const problems = checkLinks(distDir());
    expect(problems, `Broken links:\n${formatLinkProblems(problems)}`).toEqual([]);
  });
});

describe("the link check fails when it should (fixtures)", () => {
  test("a complete site passes, external, mailto: and tel: links are left alone, dynamic imports and #anchors resolve", () => {
    expect(formatLinkProblems(checkLinks(fixtureSite("good")))).toBe("");
  });

  test("a link to a page that is not built (by path, by an absolute URL of the site's origin), a search form (GET) whose action is misspelt; forms that post to the API are left alone", () => {
    expect(checkLinks(fixtureSite("broken-link"))).toEqual([
      { page: "/fr/", ref: "/fr/nulle-part/", where: "a[href]", problem: "no file answers /fr/nulle-part/" },
      { page: "/fr/", ref: "https://services.example.gouv.qc.ca/fr/absente/", where: "a[href]", problem: "no file answers /fr/absente/" },
      { page: "/fr/", ref: "/fr/recherch/", where: "form[action]", problem: "no file answers /fr/recherch/" },
    ]);
  });

  test("a link to an anchor the target page does not have", () => {
    expect(checkLinks(fixtureSite("broken-anchor"))).toEqual([
      { page: "/en/", ref: "/en/privacy/#nowhere", where: "a[href]", problem: 'no element with id "nowhere" on /en/privacy/' },
    ]);
  });

  test('a dead href="#" reproduced from the source', () => {
    const problems = checkLinks(fixtureSite("dead-hash"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ page: "/fr/confidentialite/", ref: "#" });
    expect(problems[0]?.problem).toMatch(/dead link/);
  });

  test("links to a page whose file is missing, from every page that links to it", () => {
    const problems = checkLinks(fixtureSite("missing-twin"));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.ref === "/en/privacy/")).toBe(true);
  });
});
