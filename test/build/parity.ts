/**
 * Gate 1, parity: the two languages of the built site say the same things.
 * - Pages: every page under /fr/ has its English twin and the reverse, by the routes table AND by
 *   each page's `<link rel="alternate" hreflang>` (fr-CA, en-CA, x-default), which must point to each other.
 * - Data: every service level, price and contact of the catalogue appears on the built pages of both languages.
 */
import { languages, localeTag, otherLang, type Lang } from "../../src/i18n/locales.ts";
import { formatMoney, telHref, type PhoneNumber } from "../../src/i18n/format.ts";
import { pageIds, pageOfPath, routes, type PageId } from "../../src/i18n/routes.ts";
import { collapseSpaces, fileForPath, listPages, readHtml, resolveRef } from "../support/site.ts";

export interface ParityProblem {
  /** URL path of the page concerned (or of the page that should exist). */
  page: string;
  problem: string;
}

const HREFLANGS = { fr: localeTag.fr.toLowerCase(), en: localeTag.en.toLowerCase(), default: "x-default" } as const;

/** The language folder of a URL path, or undefined for pages outside /fr/ and /en/ (the root redirect, 404). */
function langOfPath(path: string): Lang | undefined {
  return languages.find((lang) => path.startsWith(`/${lang}/`));
}

/** The hreflang alternates of a page: hreflang (lowercase) → URL path (origin dropped). */
function alternatesOf(file: string, pagePath: string): Map<string, string[]> {
  const alternates = new Map<string, string[]>();
  for (const link of readHtml(file).querySelectorAll("link[hreflang]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (!rel.includes("alternate")) continue;
    const hreflang = (link.getAttribute("hreflang") ?? "").toLowerCase();
    const href = link.getAttribute("href") ?? "";
    // Absolute alternates (as search engines require) are compared by path: the origin changes per stage.
    const path = /^https?:\/\//i.test(href) ? new URL(href).pathname : resolveRef(pagePath, href)?.path;
    if (path === undefined) continue;
    alternates.set(hreflang, [...(alternates.get(hreflang) ?? []), path]);
  }
  return alternates;
}

/**
 * Pages: twins by the routes table and by hreflang, both ways.
 * Pages outside /fr/ and /en/ (the root redirect, 404.html) have no twin and are left out.
 */
export function checkPageParity(root: string): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const report = (page: string, problem: string) => problems.push({ page, problem });
  const pages = listPages(root).filter((page) => langOfPath(page.path) !== undefined);

  for (const page of pages) {
    const lang = langOfPath(page.path) as Lang;
    const other = otherLang(lang);
    const doc = readHtml(page.file);

    const htmlLang = (doc.querySelector("html")?.getAttribute("lang") ?? "").toLowerCase();
    if (!htmlLang.startsWith(lang)) report(page.path, `<html lang="${htmlLang}"> but the page is under /${lang}/`);

    // 1. The routes table.
    const known = pageOfPath(page.path);
    let twinByRoutes: string | undefined;
    if (!known) {
      report(page.path, "not in the routes table (src/i18n/routes.ts): its twin cannot be known");
    } else if (known.lang !== lang) {
      report(page.path, `the routes table gives it as ${known.lang} (${known.page}) but it is under /${lang}/`);
    } else {
      twinByRoutes = routes[known.page][other];
      if (!fileForPath(root, twinByRoutes)) report(page.path, `its ${other} twin ${twinByRoutes} (routes table: ${known.page}) is not built`);
    }

    // 2. The hreflang alternates.
    const alternates = alternatesOf(page.file, page.path);
    for (const [hreflang, paths] of alternates) {
      if (paths.length > 1) report(page.path, `${paths.length} alternates for hreflang="${hreflang}"`);
    }
    const self = alternates.get(HREFLANGS[lang])?.[0];
    const twin = alternates.get(HREFLANGS[other])?.[0];
    const xDefault = alternates.get(HREFLANGS.default)?.[0];
    if (self === undefined) report(page.path, `no <link rel="alternate" hreflang="${localeTag[lang]}"> (to itself)`);
    else if (self !== page.path) report(page.path, `hreflang="${localeTag[lang]}" points to ${self}, not to the page itself`);
    if (twin === undefined) {
      report(page.path, `no <link rel="alternate" hreflang="${localeTag[other]}"> (to its twin)`);
    } else {
      if (twinByRoutes && twin !== twinByRoutes) {
        report(page.path, `hreflang="${localeTag[other]}" points to ${twin} but the routes table gives ${twinByRoutes}`);
      }
      const twinFile = fileForPath(root, twin);
      if (!twinFile) {
        report(page.path, `hreflang="${localeTag[other]}" points to ${twin}, which is not built`);
      } else {
        const back = alternatesOf(twinFile, twin).get(HREFLANGS[lang])?.[0];
        if (back !== page.path) {
          report(page.path, `its twin ${twin} does not point back: hreflang="${localeTag[lang]}" there is ${back ?? "missing"}`);
        }
      }
    }
    // x-default: a built page (the French twin, or the root language chooser), the same for both twins.
    if (xDefault === undefined) report(page.path, '<link rel="alternate" hreflang="x-default"> is missing');
    else if (!fileForPath(root, xDefault)) report(page.path, `hreflang="x-default" points to ${xDefault}, which is not built`);
    else if (twin !== undefined) {
      const twinFile = fileForPath(root, twin);
      const twinDefault = twinFile ? alternatesOf(twinFile, twin).get(HREFLANGS.default)?.[0] : undefined;
      if (twinFile && twinDefault !== xDefault) {
        report(page.path, `hreflang="x-default" is ${xDefault} here but ${twinDefault ?? "missing"} on its twin ${twin}`);
      }
    }
  }
  return problems;
}

/** Route ids of the table with no built page in a language: the site is not complete. */
export function missingRoutes(root: string, ids: readonly PageId[] = pageIds): ParityProblem[] {
  const problems: ParityProblem[] = [];
  for (const id of ids) {
    for (const lang of languages) {
      if (!fileForPath(root, routes[id][lang])) problems.push({ page: routes[id][lang], problem: `route "${id}" (${lang}) is not built` });
    }
  }
  return problems;
}

/** The parts of the catalogue the data parity check needs (src/data/catalogue.ts provides them). */
export interface CatalogueFacts {
  serviceLevels: ReadonlyArray<{ service: { id: string }; level: { id: string; description: Record<Lang, string> } }>;
  /** `key` (catalogue.ts's ContactEntry) or `id` names the contact in messages. */
  contacts: ReadonlyArray<{ key?: string; id?: string; phones?: readonly PhoneNumber[]; emails?: readonly string[] }>;
  priceList: {
    subscriptions: ReadonlyArray<{ id: string; monthlyCents: number; serviceFeeCents: number }>;
    optional: ReadonlyArray<
      | { kind: "recording"; id: string; firstHourCents: number; additionalBlockCents: number }
      | { kind: "hourly"; id: string; hourlyCents: number }
    >;
  };
}

/** Text compared loosely on spacing and apostrophes only (descriptions; money is compared exactly). */
function looseText(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").replace(/[’ʼ]/g, "'").trim();
}

/** Every amount of the price list, in integer cents, with what it is. */
export function pricesOf(priceList: CatalogueFacts["priceList"]): Array<{ what: string; cents: number }> {
  const prices: Array<{ what: string; cents: number }> = [];
  for (const s of priceList.subscriptions) {
    prices.push({ what: `${s.id} monthly`, cents: s.monthlyCents }, { what: `${s.id} service fee`, cents: s.serviceFeeCents });
  }
  for (const o of priceList.optional) {
    if (o.kind === "recording") {
      prices.push({ what: `${o.id} first hour`, cents: o.firstHourCents }, { what: `${o.id} additional block`, cents: o.additionalBlockCents });
    } else {
      prices.push({ what: `${o.id} hourly`, cents: o.hourlyCents });
    }
  }
  return prices;
}

/** Data: service levels on the service pages, prices on the videoconference page, contacts on the contacts page. */
export function checkDataParity(root: string, facts: CatalogueFacts): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const report = (page: string, problem: string) => problems.push({ page, problem });
  const pageDoc = (id: string, lang: Lang) => {
    const path = (routes as Record<string, Record<Lang, string>>)[id]?.[lang];
    if (!path) return { path: `(${id})`, doc: undefined };
    const file = fileForPath(root, path);
    return { path, doc: file ? readHtml(file) : undefined };
  };

  for (const lang of languages) {
    // Service levels: an element #level-{id} on its service page whose text holds the description.
    for (const { service, level } of facts.serviceLevels) {
      const { path, doc } = pageDoc(service.id, lang);
      if (!doc) {
        report(path, `service page of "${service.id}" is not built: service level ${level.id} cannot appear`);
        continue;
      }
      const el = doc.getElementById(`level-${level.id}`);
      if (!el) report(path, `no element with id "level-${level.id}" (service level of ${service.id})`);
      else if (!looseText(el.text).includes(looseText(level.description[lang]))) {
        report(path, `#level-${level.id} does not contain its ${lang} description « ${level.description[lang]} »`);
      }
    }

    // Prices: every amount, formatted for the language, on the videoconference page.
    {
      const { path, doc } = pageDoc("videoconference", lang);
      if (!doc) report(path, "videoconference page is not built: its prices cannot appear");
      else {
        const text = collapseSpaces(doc.querySelector("body")?.text ?? doc.text);
        for (const { what, cents } of pricesOf(facts.priceList)) {
          const money = formatMoney(cents, lang);
          if (!text.includes(money)) report(path, `price ${what} « ${money} » does not appear`);
        }
      }
    }

    // Contacts: every email as a mailto: link, every phone as a tel: link, on the contacts page.
    {
      const { path, doc } = pageDoc("contacts", lang);
      if (!doc) report(path, "contacts page is not built: the contacts cannot appear");
      else {
        const hrefs = new Set(
          doc.querySelectorAll("a[href]").map((a) => (a.getAttribute("href") ?? "").trim()),
        );
        const mailtos = new Set([...hrefs].filter((h) => /^mailto:/i.test(h)).map((h) => decodeURIComponent(h.slice(7).split("?")[0] ?? "").toLowerCase()));
        for (const contact of facts.contacts) {
          for (const email of contact.emails ?? []) {
            if (!mailtos.has(email.toLowerCase())) report(path, `no mailto: link to ${email} (contact ${contact.key ?? contact.id})`);
          }
          for (const phone of contact.phones ?? []) {
            const tel = telHref(phone);
            if (!hrefs.has(tel)) report(path, `no ${tel} link (contact ${contact.key ?? contact.id})`);
          }
        }
      }
    }
  }
  return problems;
}

/** One line per problem, for assertion messages and the console. */
export function formatParityProblems(problems: ParityProblem[]): string {
  return problems.map((p) => `${p.page}: ${p.problem}`).join("\n");
}
