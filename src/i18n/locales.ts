/** The site's languages, French first (it is the site's first language). */
export const languages = ["fr", "en"] as const;
export type Lang = (typeof languages)[number];

/** BCP 47 tags used for Intl formatting and hreflang. */
export const localeTag: Record<Lang, string> = { fr: "fr-CA", en: "en-CA" };

/** The other language, for the language toggle. */
export function otherLang(lang: Lang): Lang {
  return lang === "fr" ? "en" : "fr";
}

export function isLang(value: unknown): value is Lang {
  return value === "fr" || value === "en";
}

/** A text in both languages: every human-readable fact of the catalogue has this shape. */
export type Localized = Record<Lang, string>;
