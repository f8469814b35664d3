import type { Lang } from "./locales.ts";

/**
 * Every page of the site, by a stable id, with its path in each language.
 * Links are always built from this table through `href`, never written by hand,
 * so that the language toggle, hreflang alternates, sitemap and link checks agree.
 */
export const routes = {
  home: { fr: "/fr/", en: "/en/" },
  telephony: { fr: "/fr/communications-telephoniques/", en: "/en/telephone-communications/" },
  videoconference: { fr: "/fr/visioconference/", en: "/en/videoconference/" },
  mobility: { fr: "/fr/mobilite-cellulaire/", en: "/en/cellular-mobility/" },
  cau: { fr: "/fr/centre-assistance-utilisateurs/", en: "/en/user-assistance-centre/" },
  csc: { fr: "/fr/centre-service-clientele/", en: "/en/customer-service-centre/" },
  contacts: { fr: "/fr/coordonnees-de-soutien/", en: "/en/support-contacts/" },
  privacy: { fr: "/fr/confidentialite/", en: "/en/privacy/" },
  accessibility: { fr: "/fr/accessibilite/", en: "/en/accessibility/" },
  search: { fr: "/fr/recherche/", en: "/en/search/" },
  calculator: { fr: "/fr/calculateur-echeances/", en: "/en/due-date-calculator/" },
  holidays: { fr: "/fr/jours-feries/", en: "/en/public-holidays/" },
  estimator: { fr: "/fr/estimateur-couts/", en: "/en/cost-estimator/" },
  adviserForm: { fr: "/fr/trouver-son-conseiller/", en: "/en/find-your-adviser/" },
  inquiryForm: { fr: "/fr/demande-information/", en: "/en/service-inquiry/" },
  confirmation: { fr: "/fr/confirmation/", en: "/en/confirmation/" },
  inbox: { fr: "/fr/boite-de-reception/", en: "/en/inbox/" },
  attainment: { fr: "/fr/rapport-atteinte-niveaux-service/", en: "/en/service-level-attainment-report/" },
} as const satisfies Record<string, Record<Lang, `/${Lang}/${string}`>>;

export type PageId = keyof typeof routes;

export const pageIds = Object.keys(routes) as PageId[];

/**
 * The path of a page in a language, with an optional fragment and query.
 * @example href("en", "calculator", { query: { level: "csc-restore-p1" } }) // "/en/due-date-calculator/?level=csc-restore-p1"
 * @example href("fr", "telephony", { hash: "niveaux-de-service" })      // "/fr/communications-telephoniques/#niveaux-de-service"
 */
export function href(
  lang: Lang,
  page: PageId,
  options: { hash?: string; query?: Record<string, string> } = {},
): string {
  let path: string = routes[page][lang];
  if (options.query && Object.keys(options.query).length > 0) {
    path += `?${new URLSearchParams(options.query).toString()}`;
  }
  if (options.hash) path += `#${options.hash}`;
  return path;
}

/** Finds which page and language a path belongs to (trailing slash optional). */
export function pageOfPath(path: string): { page: PageId; lang: Lang } | undefined {
  const normalised = path.endsWith("/") ? path : `${path}/`;
  for (const page of pageIds) {
    for (const lang of ["fr", "en"] as const) {
      if (routes[page][lang] === normalised) return { page, lang };
    }
  }
  return undefined;
}

// --- mailto links (h1, issue 13) ---
/**
 * A `mailto:` link to exactly one address: each part percent-encoded (RFC 6068), so characters such as
 * `?`, `&` or `%` in an address can never add a recipient, a subject or a body.
 * @example mailtoHref("prenom.nom@cspq.gouv.qc.ca") // "mailto:prenom.nom@cspq.gouv.qc.ca"
 * @example mailtoHref("a?cc=x@evil.example@x.ca") // "mailto:a%3Fcc%3Dx%40evil.example@x.ca"
 */
export function mailtoHref(address: string): string {
  const at = address.lastIndexOf("@");
  const encode = (part: string) => encodeURIComponent(part).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return at < 0 ? `mailto:${encode(address)}` : `mailto:${encode(address.slice(0, at))}@${encode(address.slice(at + 1))}`;
}
