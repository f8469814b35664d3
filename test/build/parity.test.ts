/**
 * Gate 1, parity: both languages of the built site have the same pages (routes table and hreflang)
 * and print every service level, price and contact of the catalogue; and proof on fixture sites
 * that the check fails when it should.
 */
import { afterAll, describe, expect, test } from "vitest";
import { allContacts, allServiceLevels, videoconferencePriceList } from "../../src/data/catalogue.ts";
import { fixtureFacts } from "../fixtures/checks/facts.ts";
import { cleanFixtures, fixtureSite } from "../support/fixtures.ts";
import { distDir } from "../support/serve-dist.ts";
import { checkDataParity, checkPageParity, formatParityProblems, missingRoutes, type CatalogueFacts } from "./parity.ts";

afterAll(cleanFixtures);

const catalogueFacts: CatalogueFacts = {
  serviceLevels: allServiceLevels(),
  contacts: allContacts(),
  priceList: videoconferencePriceList,
};

describe("parity of the built site", () => {
  test("every French page has its English twin and the reverse (routes table and hreflang alternates)", () => {
    const problems = checkPageParity(distDir());
    expect(problems, `Parity problems:\n${formatParityProblems(problems)}`).toEqual([]);
  });

  test("every page of the routes table is built in both languages", () => {
    const problems = missingRoutes(distDir());
    expect(problems, `Missing pages:\n${formatParityProblems(problems)}`).toEqual([]);
  });

  test(
    `every service level (${catalogueFacts.serviceLevels.length}), videoconference price and contact ` +
      `(${catalogueFacts.contacts.length}) of the catalogue appears in both languages`,
    () => {
      expect(catalogueFacts.serviceLevels.length).toBeGreaterThan(0);
      const problems = checkDataParity(distDir(), catalogueFacts);
      expect(problems, `Data missing from the pages:\n${formatParityProblems(problems)}`).toEqual([]);
    },
  );
});

describe("the parity check fails when it should (fixtures)", () => {
  test("a complete site passes", () => {
    expect(formatParityProblems(checkPageParity(fixtureSite("good")))).toBe("");
    expect(formatParityProblems(checkDataParity(fixtureSite("good"), fixtureFacts))).toBe("");
  });

  test("a French page without its English twin", () => {
    expect(formatParityProblems(checkPageParity(fixtureSite("missing-twin")))).toBe(
      [
        "/fr/confidentialite/: its en twin /en/privacy/ (routes table: privacy) is not built",
        "/fr/confidentialite/: hreflang=\"en-CA\" points to /en/privacy/, which is not built",
      ].join("\n"),
    );
  });

  test("hreflang alternates that do not point to each other, and a missing x-default", () => {
    const problems = formatParityProblems(checkPageParity(fixtureSite("bad-hreflang")));
    expect(problems).toContain('/en/: <link rel="alternate" hreflang="x-default"> is missing');
    expect(problems).toContain('/fr/confidentialite/: hreflang="en-CA" points to /en/ but the routes table gives /en/privacy/');
    expect(problems).toContain('/en/privacy/: its twin /fr/confidentialite/ does not point back: hreflang="en-CA" there is /en/');
  });

  test("routes of the table that are not built", () => {
    const missing = missingRoutes(fixtureSite("good")).map((p) => p.page);
    expect(missing).toContain("/fr/estimateur-couts/");
    expect(missing).toContain("/en/cost-estimator/");
    expect(missing).not.toContain("/fr/confidentialite/");
  });

  test("a price, a tel: link and a service-level description missing from one language", () => {
    expect(formatParityProblems(checkDataParity(fixtureSite("missing-data"), fixtureFacts))).toBe(
      [
        "/fr/visioconference/: price after-hours-assistance hourly « 120,00\u00a0$ » does not appear",
        "/en/telephone-communications/: #level-tel-availability does not contain its en description « Availability of the IP telephony service »",
        "/en/support-contacts/: no tel:+14186441500;ext=2415 link (contact organisation/business-development)",
      ].join("\n"),
    );
  });

  test("a catalogue fact that no page prints", () => {
    const facts: CatalogueFacts = {
      ...fixtureFacts,
      contacts: [...fixtureFacts.contacts, { key: "extra", emails: ["absent@example.org"], phones: [] }],
    };
    const problems = formatParityProblems(checkDataParity(fixtureSite("good"), facts));
    expect(problems).toBe(
      ["/fr/coordonnees-de-soutien/: no mailto: link to absent@example.org (contact extra)", "/en/support-contacts/: no mailto: link to absent@example.org (contact extra)"].join("\n"),
    );
  });
});
