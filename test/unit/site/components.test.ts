/**
 * The site's components rendered with Astro's Container API, in both languages, on the real catalogue.
 * The tool and form pages are declared built (mock) so the links to them are rendered and checked.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("../../../src/components/built-pages.ts", () => ({
  isPageBuilt: () => true,
  builtPageIds: () => [],
}));

import ServiceLevelTable from "../../../src/components/ServiceLevelTable/ServiceLevelTable.astro";
import ContactCard from "../../../src/components/ContactCard/ContactCard.astro";
import ContactDirectory from "../../../src/components/ContactDirectory/ContactDirectory.astro";
import DocumentOnRequest from "../../../src/components/DocumentOnRequest/DocumentOnRequest.astro";
import PriorityMatrix from "../../../src/components/PriorityMatrix/PriorityMatrix.astro";
import PriceTable from "../../../src/components/PriceTable/PriceTable.astro";
import SupportMatrix from "../../../src/components/SupportMatrix/SupportMatrix.astro";
import ServiceCatalogue from "../../../src/components/ServiceCatalogue/ServiceCatalogue.astro";
import LanguageToggle from "../../../src/components/LanguageToggle/LanguageToggle.astro";
import Breadcrumbs from "../../../src/components/Breadcrumbs/Breadcrumbs.astro";
import DateModified from "../../../src/components/DateModified/DateModified.astro";
import ServiceGroups from "../../../src/components/ServiceGroups/ServiceGroups.astro";
import { catalogue, serviceById } from "../../../src/data/catalogue.ts";

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
const render = (component: Parameters<AstroContainer["renderToString"]>[0], props: Record<string, unknown>) =>
  container.renderToString(component, { props });
/** Text with no-break spaces made ordinary and entities decoded, for readable assertions. */
const text = (html: string) =>
  html.replace(/\u00a0|&nbsp;|&#160;/g, " ").replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
const table = (service: Parameters<typeof serviceById>[0], id: string) => {
  const found = serviceById(service).serviceLevelTables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

describe("ServiceLevelTable", () => {
  test("a row shows the formatted target and links to the calculator, with an accessible name naming the level (fr)", async () => {
    const html = text(await render(ServiceLevelTable, { lang: "fr", table: table("mobility", "mobility-providers") }));
    const level = table("mobility", "mobility-providers").levels.find((l) => l.description.fr.startsWith("Réinitialiser"))!;
    expect(html).toContain(`<tr id="level-${level.id}">`);
    expect(html).toContain(">4 heures ouvrables</td>");
    expect(html).toContain(`href="/fr/calculateur-echeances/?level=${level.id}"`);
    expect(html).toContain(`aria-label="Calculer l'échéance : ${level.description.fr}"`);
    expect(html).toContain(">Calculer l'échéance</a>");
  });
  test("the same row in English", async () => {
    const html = text(await render(ServiceLevelTable, { lang: "en", table: table("mobility", "mobility-providers") }));
    expect(html).toContain(">4 business hours</td>");
    expect(html).toContain("/en/due-date-calculator/?level=");
    expect(html).toContain(">Calculate the due date</a>");
  });
  test("footnote markers link to the conditions, which carry matching ids", async () => {
    const html = await render(ServiceLevelTable, { lang: "fr", table: table("csc", "csc-targets") });
    const targets = [...html.matchAll(/href="#(condition-csc-targets-[a-e])"/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(new Set(["a", "b", "c", "d", "e"].map((r) => `condition-csc-targets-${r}`)));
    for (const id of new Set(targets)) expect(html).toContain(`id="${id}"`);
    expect(text(html)).toContain('aria-label="condition b"');
  });
  test("« Entente commune » / By agreement, with no calculator link; « S. O. » / N/A where there are no conditions", async () => {
    const t = table("telephony", "telephony-lines");
    const fr = text(await render(ServiceLevelTable, { lang: "fr", table: t }));
    const en = text(await render(ServiceLevelTable, { lang: "en", table: t }));
    expect(fr).toContain("99,999 % mensuel");
    expect(en).toContain("99.999% monthly");
    expect(fr).toContain("Entente commune");
    expect(en).toContain("By agreement");
    expect(fr).not.toContain("level=telephony-analog-install-15-plus");
    expect(fr).toMatch(/<abbr title="sans objet">S\. O\.<\/abbr>/);
    expect(en).toMatch(/<abbr title="not applicable">N\/A<\/abbr>/);
  });
  test("a table whose source prints no conditions section shows none (not « S. O. »)", async () => {
    const t = table("videoconference", "videoconference-subscriptions");
    expect(t.conditionsOmitted).toBe(true);
    const fr = text(await render(ServiceLevelTable, { lang: "fr", table: t }));
    expect(fr).not.toContain("S. O.");
    expect(fr).not.toContain("Conditions d");
  });
  test("« dans 85 % des cas » follows the target", async () => {
    const fr = text(await render(ServiceLevelTable, { lang: "fr", table: table("cau", "cau-targets") }));
    expect(fr).toContain("3 heures dans 85 % des cas");
    expect(text(await render(ServiceLevelTable, { lang: "en", table: table("cau", "cau-targets") }))).toContain("3 hours in 85% of cases");
  });
});

describe("contacts", () => {
  test("a contact: tel: link with the extension, phone formatted per language, mailto: link", async () => {
    const contact = catalogue.organisation.businessDevelopment;
    const fr = text(await render(ContactCard, { lang: "fr", contact }));
    const en = text(await render(ContactCard, { lang: "en", contact }));
    expect(fr).toContain('href="tel:+14186441500;ext=2415"');
    expect(fr).toContain("418 644-1500, poste 2415");
    expect(en).toContain("418-644-1500, ext. 2415");
    expect(fr).toContain('href="mailto:edep.vpsi@cspq.gouv.qc.ca"');
    expect(fr).toContain('id="contact-business-development"');
  });
  test("opening hours per language", async () => {
    const contact = serviceById("videoconference").contacts.find((c) => c.hours)!;
    expect(text(await render(ContactCard, { lang: "fr", contact }))).toContain("du lundi au vendredi, de 8 h 30 à 17 h");
    expect(text(await render(ContactCard, { lang: "en", contact }))).toContain("Monday to Friday, 8:30 a.m. to 5:00 p.m.");
  });
  test("the mobility table: carriers as column headers, question types as row headers, menu options", async () => {
    const fr = text(await render(SupportMatrix, { lang: "fr", service: "mobility" }));
    expect(fr).toMatch(/<th scope="col"[^>]*>TELUS/);
    expect(fr).toMatch(/<th scope="col"[^>]*>Rogers/);
    expect(fr.indexOf(">TELUS")).toBeLessThan(fr.indexOf(">Rogers"));
    expect(fr).toContain('<th scope="row">Aux commandes</th>');
    expect(fr).toContain("1 855 330-2777</a>, option 1");
    expect(fr).toMatch(/colspan="2"/);
    expect(text(await render(SupportMatrix, { lang: "en", service: "mobility" }))).toContain("1-844-288-2777</a>, option 3");
  });
  test("the directory lists every phone and email of the catalogue, in both languages", async () => {
    const json = JSON.stringify(catalogue);
    const phones = new Set([...json.matchAll(/"e164":"(\+1\d{10})"/g)].map((m) => m[1]));
    const emails = new Set([...json.matchAll(/"(?:emails?|email)":(?:\["?|")([^"\]]+@[^"\]]+)/g)].map((m) => m[1]));
    for (const email of [...json.matchAll(/"([\w.+-]+@[\w.-]+\.\w+)"/g)].map((m) => m[1])) emails.add(email);
    expect(phones.size).toBeGreaterThan(4);
    for (const lang of ["fr", "en"] as const) {
      const html = await render(ContactDirectory, { lang });
      for (const phone of phones) expect(html, `${lang} ${phone}`).toContain(`href="tel:${phone}`);
      for (const email of emails) expect(html, `${lang} ${email}`).toContain(`href="mailto:${email}"`);
      expect(html).toContain('id="contacts-mobility"');
    }
  });
});

describe("documents, prices, priorities", () => {
  test("a document on request is said to be available from business development, never a link", async () => {
    const html = text(await render(DocumentOnRequest, { lang: "fr", service: "telephony" }));
    const item = /<li id="document-product-and-service-directory">(.*?)<\/li>/s.exec(html)?.[1] ?? "";
    expect(item).toBe("Le document « Répertoire des produits et services » est disponible auprès du développement des affaires.");
    expect(item).not.toContain("<a");
    const en = text(await render(DocumentOnRequest, { lang: "en", service: "mobility" }));
    expect(en).toMatch(/<li id="document-contract-terms-overview">The document “[^”]+” is available from business development\.<\/li>/);
  });
  test("prices per locale: 15,00 $ / $15.00, service fee, recording blocks, price-list date", async () => {
    const fr = text(await render(PriceTable, { lang: "fr", service: "videoconference" }));
    const en = text(await render(PriceTable, { lang: "en", service: "videoconference" }));
    expect(fr).toContain("15,00 $");
    expect(fr).toContain("100,00 $");
    expect(fr).toContain("56,10 $");
    expect(en).toContain("$15.00");
    expect(en).toContain("$56.10");
    expect(fr).toContain("85,00 $ (1re heure)");
    expect(fr).toContain('<time datetime="2017-08-24">24 août 2017</time>');
    expect(en).toContain('<time datetime="2017-08-24">August 24, 2017</time>');
    expect(fr).not.toContain("Tarif sur demande");
  });
  test("« Tarif sur demande » / Price on request links to the inquiry form", async () => {
    const fr = text(await render(PriceTable, { lang: "fr", service: "telephony" }));
    const en = text(await render(PriceTable, { lang: "en", service: "mobility" }));
    expect(fr).toContain("Tarif sur demande");
    expect(fr).toContain('href="/fr/demande-information/?service=telephony"');
    expect(en).toContain("Price on request");
    expect(en).toContain('href="/en/service-inquiry/?service=mobility"');
  });
  test("the CAU and the CSC name their priorities differently", async () => {
    const cau = text(await render(PriorityMatrix, { lang: "fr", service: "cau" }));
    const csc = text(await render(PriorityMatrix, { lang: "fr", service: "csc" }));
    const severity = (html: string, n: number) => new RegExp(`id="priority-\\w+-p${n}"><th scope="row">P${n}</th><td>([^<]+)</td>`).exec(html)?.[1];
    expect(severity(cau, 1)).toBe("Critique");
    expect(severity(csc, 1)).toBe("Critique");
    expect(severity(cau, 2)).toBe("Majeur");
    expect(severity(csc, 2)).toBe("Élevé");
    for (const n of [2, 3, 4, 5]) expect(severity(cau, n)).not.toBe(severity(csc, n));
    expect(text(await render(PriorityMatrix, { lang: "en", service: "cau" }))).toMatch(/<caption[^>]*>Incident prioritization – User Assistance Centre/);
  });
});

describe("navigation pieces and the home catalogue", () => {
  test("the language toggle leads to the same page in the other language", async () => {
    const fr = await render(LanguageToggle, { lang: "fr", page: "videoconference" });
    expect(fr).toContain('href="/en/videoconference/"');
    expect(fr).toContain('hreflang="en-CA"');
    expect(fr).toContain('<span lang="en-CA">English</span>');
    expect(await render(LanguageToggle, { lang: "en", page: "mobility" })).toContain('href="/fr/mobilite-cellulaire/"');
  });
  test("breadcrumbs: a labelled nav, the current page marked", async () => {
    const html = await render(Breadcrumbs, {
      lang: "en",
      items: [{ href: "/en/", label: "Home" }, { href: "/en/privacy/", label: "Privacy notice" }],
    });
    expect(html).toContain('aria-label="Breadcrumb"');
    expect(html).toContain('<a href="/en/privacy/" aria-current="page">Privacy notice</a>');
  });
  test("date modified in words with its machine-readable date", async () => {
    expect(text(await render(DateModified, { lang: "fr", date: "2019-12-11" }))).toContain('Date de modification : <time datetime="2019-12-11">11 décembre 2019</time>');
    expect(await render(DateModified, { lang: "en", date: "2019-12-11" })).toContain("December 11, 2019");
  });
  test("the home catalogue has every entry of organisation.catalogue, each linking to its service page or group", async () => {
    for (const lang of ["fr", "en"] as const) {
      const html = await render(ServiceCatalogue, { lang });
      for (const entry of catalogue.organisation.catalogue) expect(html).toContain(`id="catalogue-${entry.id}"`);
    }
    const fr = await render(ServiceCatalogue, { lang: "fr" });
    expect(fr).toContain('href="/fr/communications-telephoniques/#group-lines-and-access"');
    expect(fr).toContain('href="/fr/centre-service-clientele/"');
    expect(fr).toContain("Offert par : ITQ".replace(" :", "\u00a0:"));
  });
  test("service groups carry the anchors the home catalogue links to", async () => {
    const html = await render(ServiceGroups, { lang: "fr", service: "telephony" });
    for (const group of serviceById("telephony").groups) expect(html).toContain(`id="group-${group.id}"`);
  });
});
