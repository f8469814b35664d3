/**
 * The page a reader without JavaScript gets back when the submission cannot be saved as sent
 * (answers to correct, too many submissions, database down). The site is static, so no page of
 * it can show a server's verdict without JavaScript: the handler renders the same form markup
 * (src/lib/forms/render.ts) with the errors and every answer kept, posting to the same API.
 * Nothing personal ever goes into a URL.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { href } from "../../src/i18n/routes.ts";
import fr from "../../src/i18n/ui/fr.ts";
import en from "../../src/i18n/ui/en.ts";
import { fields, formPage, type FormType } from "../../src/lib/forms/fields.ts";
import type { FormLang } from "../../src/lib/forms/messages.ts";
import type { UiStrings } from "../../src/i18n/ui/schema.ts";
import { FormView, type SummaryItem, type Values } from "../../src/lib/forms/render.ts";
import { fillLayout, layoutTemplatePath, SLOT_END, SLOT_START } from "../../src/lib/forms/layout.ts";
import { LAYOUT_METRIC } from "../../src/lib/forms/layout-metric.ts";
import { ConfirmationView } from "../../src/components/forms/confirmation-view.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
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


/** Where the built site's layout is: `$LAYOUT_DIR` (relative to the Lambda's LAMBDA_TASK_ROOT), else DIST_DIR, else dist. */
export function layoutRoot(env: Record<string, string | undefined> = process.env): string {
  if (env.LAYOUT_DIR) return resolve(env.LAMBDA_TASK_ROOT ?? ".", env.LAYOUT_DIR);
  return env.DIST_DIR ?? "dist";
}

let reportedMissing = false;
/**
 * Says once per process that a handler wears the plain page: one JSON line with no personal data (the path and
 * the error code only), which is also a CloudWatch metric in the embedded metric format when on Lambda.
 */
function reportMissingLayout(file: string, error: unknown): void {
  if (reportedMissing) return;
  reportedMissing = true;
  const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "unknown";
  console.error(JSON.stringify({
    level: "error",
    event: "layout_template_missing",
    file,
    code,
    ...(functionName
      ? {
          _aws: {
            Timestamp: Date.now(),
            CloudWatchMetrics: [{ Namespace: LAYOUT_METRIC.namespace, Dimensions: [["FunctionName"]], Metrics: [{ Name: LAYOUT_METRIC.name, Unit: "Count" }] }],
          },
          FunctionName: functionName,
          [LAYOUT_METRIC.name]: 1,
        }
      : {}),
  }));
}

/**
 * The built confirmation page of a language, the layout every handler page wears (src/lib/forms/layout.ts):
 * read once from the built site (layoutRoot: the Lambda bundle's copy on AWS, see src/infra/site-build.ts).
 */
const templates = new Map<FormLang, string>();
export function layoutTemplate(lang: FormLang): string {
  let template = templates.get(lang);
  if (template === undefined) {
    const file = join(layoutRoot(), layoutTemplatePath(lang));
    try {
      template = readFileSync(file, "utf8");
    } catch (error) {
      // No build beside the handler: a plain, valid page rather than a failure (it holds no copy of the site's
      // header or styles), reported once so that a deploy without its layout does not go unnoticed.
      reportMissingLayout(file, error);
      const name = escape(uiStrings[lang]["site.name"]);
      template = `<!DOCTYPE html><html lang="${lang === "fr" ? "fr-CA" : "en-CA"}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
        `<title>${name}</title></head><body><main id="main"><h1>${name}</h1>${SLOT_START}${SLOT_END}</main></body></html>`;
    }
    templates.set(lang, template);
  }
  return template;
}

export function renderFormPage(input: FormPageInput): string {
  const strings = uiStrings[input.lang];
  const title = strings[`forms.type.${input.type}`];
  const errorWord = strings["forms.errorPrefix"];
  const o = input.siteOrigin;
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
  const other = input.lang === "fr" ? "en" : "fr";
  return fillLayout(layoutTemplate(input.lang), {
    title: `${errorWord} ${title}`,
    currentHref: `${o}${input.source}`,
    otherLanguageHref: `${o}${href(other, formPage[input.type])}`,
    main: `<h1>${escape(title)}</h1>${form}`,
  });
}

/**
 * The confirmation of a form posted without JavaScript: the site's confirmation page (what happens next, the
 * contact) with the reference filled in; its language link opens the other language's confirmation of the
 * same reference.
 */
export function renderConfirmationPage(input: { lang: FormLang; reference: string; siteOrigin: string }): string {
  const t = createTranslator(uiStrings[input.lang], input.lang);
  const other = input.lang === "fr" ? "en" : "fr";
  const slot = renderToString(h(ConfirmationView, { t, reference: input.reference, print: false }));
  return fillLayout(layoutTemplate(input.lang), {
    otherLanguageHref: `${input.siteOrigin}${href(other, "confirmation", { query: { ref: input.reference } })}`,
    slot,
  });
}
