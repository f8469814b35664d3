/**
 * The page a reader without JavaScript gets back when the submission cannot be saved as sent
 * (answers to correct, too many submissions, database down). The site is static, so no page of
 * it can show a server's verdict without JavaScript: the handler renders the same form markup
 * (src/lib/forms/render.ts) with the errors and every answer kept, posting to the same API.
 * Nothing personal ever goes into a URL.
 */
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { href } from "../../src/i18n/routes.ts";
import fr from "../../src/i18n/ui/fr.ts";
import en from "../../src/i18n/ui/en.ts";
import { fields, type FormType } from "../../src/lib/forms/fields.ts";
import type { FormLang } from "../../src/lib/forms/messages.ts";
import type { UiStrings } from "../../src/i18n/ui/schema.ts";
import { FormView, type SummaryItem, type Values } from "../../src/lib/forms/render.ts";
import { serviceLabels } from "../../src/lib/forms/service-labels.ts";

export const uiStrings: Record<FormLang, UiStrings> = { fr, en };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface FormPageInput {
  type: FormType;
  lang: FormLang;
  values: Values;
  errors: Record<string, string>;
  summary: SummaryItem[];
  formError?: string;
  source: string;
  siteOrigin: string;
  retentionMonths: number;
}

/** Keeps only the answers the form has (as strings or lists), to refill it. */
export function refillValues(type: FormType, raw: Record<string, unknown>): Values {
  const values: Values = {};
  for (const spec of fields[type]) {
    const value = raw[spec.name];
    if (typeof value === "string") values[spec.name] = spec.kind === "checkboxes" ? [value] : value;
    else if (Array.isArray(value)) values[spec.name] = spec.kind === "checkboxes" ? value.filter((v) => typeof v === "string") : value.filter((v) => typeof v === "string").join(" ");
  }
  return values;
}

export function renderFormPage(input: FormPageInput): string {
  const strings = uiStrings[input.lang];
  const site = strings["site.name"];
  const title = (strings[`forms.type.${input.type}`] as string) ?? input.type;
  const errorWord = (strings["forms.errorPrefix"] as string) ?? "";
  const o = input.siteOrigin;
  // The page wears the site's PIV header and footer, styled by the build's dist/sdg/handler.css (src/styles/sdg-kit.mjs).
  const word = (key: string) => ((strings as Record<string, unknown>)[key] as string | undefined) ?? "";
  const estimate = typeof input.values.estimate === "string" ? { code: input.values.estimate } : undefined;
  const form = renderToString(
    h(FormView, {
      type: input.type,
      lang: input.lang,
      strings,
      values: input.values,
      errors: input.errors,
      summary: input.summary,
      ...(input.formError ? { formError: input.formError } : {}),
      serviceLabels: serviceLabels(input.lang),
      privacyHref: `${o}${href(input.lang, "privacy")}`,
      retentionMonths: input.retentionMonths,
      source: input.source,
      ...(estimate ? { estimate } : {}),
    }),
  );
  return `<!doctype html>
<html lang="${input.lang === "fr" ? "fr-CA" : "en-CA"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(`${errorWord} ${title} – ${site}`)}</title>
<link rel="stylesheet" href="${escape(`${o}/sdg/handler.css`)}">
</head>
<body>
<a class="skip-link" href="#main">${escape(word("site.skipLink"))}</a>
<header class="piv-header"><div class="piv-band"><div class="wrap piv-top">
<a class="piv-logo" href="${escape(`${o}${href(input.lang, "home")}`)}"><img src="${escape(`${o}/sdg/img/QUEBEC_blanc.svg`)}" alt="${escape(word("site.signatureHomeAlt"))}" width="200" height="40"></a>
<p class="piv-title"><a href="${escape(`${o}${href(input.lang, "home")}`)}">${escape(site)}</a></p>
</div></div></header>
<div class="wrap">
<main id="main" tabindex="-1">
<h1>${escape(title)}</h1>
${form}
</main>
</div>
<footer class="piv-footer"><div class="wrap piv-footer-bottom">
<img src="${escape(`${o}/sdg/img/QUEBEC_couleur.svg`)}" alt="${escape(word("site.signatureAlt"))}" width="140" height="28">
<p class="copyright">${escape(word("site.copyright").replace("{year}", String(new Date().getFullYear())))}</p>
</div></footer>
</body>
</html>`;
}
