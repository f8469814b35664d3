/**
 * The site's own layout for the pages a handler renders (a form sent back with its errors, the confirmation of a
 * form posted without JavaScript). The build emits the confirmation page of each language
 * (`dist/{lang}/confirmation/index.html`); it is the template: header, navigation, language link, footer and
 * styles exactly as every other page, so these pages change when the layout changes and `functions/` holds no
 * second copy of any of it. `fillLayout` replaces the parts that differ:
 *   - the title (and the breadcrumb's current page) — the confirmation page's own h1 is the marker;
 *   - the target of the language link;
 *   - either the whole `<main>` (a form page), or only the confirmation's reference slot, marked in
 *     src/components/forms/Confirmation.astro by `<!--confirmation-slot-->` … `<!--/confirmation-slot-->`, so
 *     the page's narrative (what happens next, the contact) stays the one written in content/pages/;
 *   - scripts go: a handler's page works without JavaScript.
 */

export const SLOT_START = "<!--confirmation-slot-->";
export const SLOT_END = "<!--/confirmation-slot-->";

export interface LayoutParts {
  /** The page's name (the first part of the <title> and the breadcrumb); the template's when absent. */
  title?: string;
  /** Where the breadcrumb's current page leads (the form, for a form page); the template's when absent. */
  currentHref?: string;
  /** The link to the same page in the other language. */
  otherLanguageHref: string;
  /** Replaces the whole content of <main> (its h1 included). */
  main?: string;
  /** Replaces the confirmation's reference slot only. */
  slot?: string;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text of the template's h1 (the confirmation page's title), HTML as written. */
function templateTitle(template: string): string {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(template);
  if (!match) throw new Error("Layout template: no <h1> in the confirmation page");
  return match[1] as string;
}

/**
 * Fills the layout template with a handler's page.
 * @example fillLayout(confirmationHtml, { title: "Demande d'information", otherLanguageHref: "/en/service-inquiry/", main: "<h1>…</h1><form>…</form>" })
 * @throws {Error} when the template lacks what it must have (h1, <main>, the slot): a build problem, caught by the tests
 */
export function fillLayout(template: string, parts: LayoutParts): string {
  const oldTitle = templateTitle(template);
  const newTitle = parts.title === undefined ? oldTitle : escapeText(parts.title);
  let page = template.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
  page = page.replace(/<title>([\s\S]*?)<\/title>/, (_, inner: string) => `<title>${inner.replace(oldTitle, newTitle)}</title>`);
  page = page.replace(/(aria-current="page"[^>]*>)([\s\S]*?)(<\/)/, (_, open: string, inner: string, close: string) =>
    `${open}${inner === oldTitle ? newTitle : inner}${close}`);
  if (parts.currentHref !== undefined) {
    const to = escapeText(parts.currentHref);
    page = page.replace(/<a\b[^>]*aria-current="page"[^>]*>/, (tag) => tag.replace(/\bhref="[^"]*"/, `href="${to}"`));
  }
  page = page.replace(/<a\b[^>]*\bhreflang="[^"]*"[^>]*>/g, (tag) => tag.replace(/\bhref="[^"]*"/, `href="${escapeText(parts.otherLanguageHref)}"`));
  if (parts.main !== undefined) {
    const main = /(<main\b[^>]*>)[\s\S]*(<\/main>)/.exec(page);
    if (!main) throw new Error("Layout template: no <main>");
    page = page.replace(main[0], () => `${main[1]}${parts.main}${main[2]}`);
  } else if (parts.slot !== undefined) {
    const start = page.indexOf(SLOT_START);
    const end = page.indexOf(SLOT_END);
    if (start < 0 || end < start) throw new Error("Layout template: no confirmation slot");
    page = `${page.slice(0, start)}${parts.slot}${page.slice(end + SLOT_END.length)}`;
  }
  return page;
}

/** Where the built layout template of a language is, under the built site's folder. */
export function layoutTemplatePath(lang: "fr" | "en"): string {
  return lang === "fr" ? "fr/confirmation/index.html" : "en/confirmation/index.html";
}
