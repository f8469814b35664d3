/**
 * Both forms in a real browser, with and without JavaScript, in French and in English, against
 * `startLocalServer` (the built site + the same handlers + dynalite on a temp dir): each
 * submission must reach the confirmation page with its reference and exist in the database.
 * Needs a built site: DIST_DIR (default dist).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { REFERENCE_PATTERN } from "../../src/lib/submissions/reference.ts";
import { getSubmission } from "../../src/lib/submissions/store.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { href } from "../../src/i18n/routes.ts";
import { startLocalServer, type LocalServer } from "../../src/server/start.ts";
import { islandsHydrated, launchBrowser } from "../support/browser.ts";
import { expectOnlyAbsoluteLinks } from "../support/outbox.ts";

let server: LocalServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "forms-browser-"));
  server = await startLocalServer({ port: 0, dataDir, distDir: process.env.DIST_DIR ?? "dist", logs: false, env: { RATE_LIMIT_MAX: "1000" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const origin = server?.url.replace("127.0.0.1", "localhost");
  await server?.close();
  try {
    // Every email these submissions caused (notification, acknowledgement) links absolutely to this server (issue 14).
    if (dataDir) expectOnlyAbsoluteLinks(dataDir, origin);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

async function stored(reference: string) {
  return getSubmission(dynamoClient({ endpoint: server.dynamoEndpoint, region: "local" }), localTableNames.submissions, reference);
}

async function newPage(javaScript: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  return context.newPage();
}

/**
 * Opens a form page. With JavaScript, waits until the form's island has hydrated: a click before that is the no-JS
 * path (a plain form post, answered by the confirmation page at the API's address), which these tests cover apart.
 */
async function openForm(page: Page, lang: "fr" | "en", id: "adviserForm" | "inquiryForm", javaScript: boolean): Promise<void> {
  await page.goto(`${server.url}${href(lang, id)}`);
  if (javaScript) await islandsHydrated(page);
}

async function fillAdviser(page: Page, lang: "fr" | "en", name: string) {
  await page.fill("#adviser-request-organisation", lang === "fr" ? "Ministère de l'Exemple" : "Example Agency");
  await page.fill("#adviser-request-name", name);
  await page.fill("#adviser-request-email", "personne@exemple.gouv.qc.ca");
  await page.fill("#adviser-request-phone", "418 644-1500");
  await page.fill("#adviser-request-extension", "2415");
  await page.check(`#adviser-request-preferredLanguage-${lang}`);
}

async function fillInquiry(page: Page, lang: "fr" | "en", name: string) {
  await page.fill("#inquiry-organisation", "Ville de Lévis");
  await page.selectOption("#inquiry-organisationType", "municipality");
  await page.fill("#inquiry-name", name);
  await page.fill("#inquiry-email", "personne@levis.ca");
  await page.check("#inquiry-services-mobility");
  await page.check("#inquiry-services-csc");
  await page.fill("#inquiry-message", lang === "fr" ? "Quels sont les tarifs ? Merci." : "What are the prices? Thanks.");
  await page.check(`#inquiry-preferredLanguage-${lang}`);
}

async function confirmationReference(page: Page, lang: "fr" | "en", javaScript: boolean): Promise<string> {
  if (javaScript) {
    await page.waitForURL((url) => url.pathname === href(lang, "confirmation"), { timeout: 20_000 });
    const reference = new URL(page.url()).searchParams.get("ref") ?? "";
    expect(reference).toMatch(REFERENCE_PATTERN);
    await expect.poll(() => page.locator("[data-reference]").textContent()).toBe(reference);
    return reference;
  }
  // Without JavaScript the handler answers with the confirmation page itself, in the site's layout.
  await page.waitForSelector("[data-reference]", { timeout: 20_000 });
  const reference = (await page.locator("[data-reference]").textContent()) ?? "";
  expect(reference).toMatch(REFERENCE_PATTERN);
  expect(await page.locator("header.piv-header").isVisible()).toBe(true);
  expect(await page.locator("footer").isVisible()).toBe(true);
  const other = lang === "fr" ? "en" : "fr";
  expect(await page.locator("a[hreflang]").first().getAttribute("href")).toMatch(new RegExp(`${href(other, "confirmation")}\\?ref=${reference}$`));
  expect(await page.locator(".sf-reference-noscript").count()).toBe(0);
  return reference;
}

/** How many stored records carry this name (the table is small: a scan is fine in a test). */
async function recordsNamed(name: string): Promise<number> {
  const db = dynamoClient({ endpoint: server.dynamoEndpoint, region: "local" });
  const { Items = [] } = await db.send(new ScanCommand({ TableName: localTableNames.submissions }));
  return Items.filter((item) => item.answers?.M?.name?.S === name).length;
}

describe("without JavaScript, a reload or a second click stores one record", () => {
  it("sends the same answers twice and reloads the answer page: one record, one reference", async () => {
    const name = "Double Envoi Sans Script";
    const references: string[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await newPage(false);
      await openForm(page, "fr", "adviserForm", false);
      await fillAdviser(page, "fr", name);
      await page.click("form.sf-form button[type=submit]");
      references.push(await confirmationReference(page, "fr", false));
      if (i === 1) {
        await page.reload();
        references.push(await confirmationReference(page, "fr", false));
      }
      await page.context().close();
    }
    expect(new Set(references).size).toBe(1);
    expect(await recordsNamed(name)).toBe(1);
  });
});

for (const lang of ["fr", "en"] as const) {
  for (const javaScript of [true, false]) {
    describe(`${lang}, JavaScript ${javaScript ? "on" : "off"}`, () => {
      it("sends the adviser request and shows its reference", async () => {
        const page = await newPage(javaScript);
        await openForm(page, lang, "adviserForm", javaScript);
        const name = `Adviser ${lang} ${javaScript}`;
        await fillAdviser(page, lang, name);
        await page.click("form.sf-form button[type=submit]");
        const reference = await confirmationReference(page, lang, javaScript);
        expect(reference.startsWith("CON-")).toBe(true);
        const record = await stored(reference);
        expect(record).toMatchObject({ type: "adviser-request", lang, status: "new", answers: { name, extension: "2415", preferredLanguage: lang } });
        await page.context().close();
      });

      it("sends the service inquiry and shows its reference", async () => {
        const page = await newPage(javaScript);
        await openForm(page, lang, "inquiryForm", javaScript);
        const name = `Inquiry ${lang} ${javaScript}`;
        await fillInquiry(page, lang, name);
        await page.click("form.sf-form button[type=submit]");
        const reference = await confirmationReference(page, lang, javaScript);
        expect(reference.startsWith("INF-")).toBe(true);
        const record = await stored(reference);
        expect(record).toMatchObject({ type: "inquiry", lang, answers: { name, organisationType: "municipality", services: ["mobility", "csc"] } });
        await page.context().close();
      });

      it("shows the errors, keeps the answers, and accepts the corrected form", async () => {
        const page = await newPage(javaScript);
        await openForm(page, lang, "inquiryForm", javaScript);
        await page.fill("#inquiry-organisation", "Organisme X");
        await page.fill("#inquiry-email", "pas-un-courriel");
        await page.click("form.sf-form button[type=submit]");
        const summary = page.locator(".sf-error-summary");
        await summary.waitFor();
        if (javaScript) {
          // Focus moves to the summary, whose links lead to the fields.
          await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("sf-error-summary"))).toBe(true);
        }
        expect(await summary.locator("a[href='#inquiry-email']").count()).toBe(1);
        expect(await page.locator("#inquiry-email").getAttribute("aria-invalid")).toBe("true");
        expect(await page.inputValue("#inquiry-organisation")).toBe("Organisme X");
        expect(await page.inputValue("#inquiry-email")).toBe("pas-un-courriel");
        await page.fill("#inquiry-email", "x@exemple.ca");
        await page.fill("#inquiry-name", "Corrigé");
        await page.selectOption("#inquiry-organisationType", "agency");
        await page.fill("#inquiry-message", "Message");
        await page.check(`#inquiry-preferredLanguage-${lang}`);
        await page.click("form.sf-form button[type=submit]");
        const reference = await confirmationReference(page, lang, javaScript);
        expect((await stored(reference))?.answers).toMatchObject({ organisation: "Organisme X", email: "x@exemple.ca", name: "Corrigé" });
        await page.context().close();
      });
    });
  }
}

describe("with JavaScript, the page's values are the answers", () => {
  it("a value the page holds without any input event (autofill, typing while the island woke up) is checked, kept and sent", async () => {
    const page = await newPage(true);
    await openForm(page, "fr", "inquiryForm", true);
    // Set as autofill may, without the events the island listens to.
    await page.evaluate(() => {
      (document.querySelector("#inquiry-organisation") as HTMLInputElement).value = "Organisme silencieux";
      (document.querySelector("#inquiry-email") as HTMLInputElement).value = "pas-un-courriel";
    });
    await page.click("form.sf-form button[type=submit]");
    const summary = page.locator(".sf-error-summary");
    await summary.waitFor();
    // The email was checked as typed (so it is wrong, not missing), and the organisation is not reported missing.
    expect(await summary.locator("a[href='#inquiry-organisation']").count()).toBe(0);
    expect(await page.locator("#inquiry-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.inputValue("#inquiry-organisation")).toBe("Organisme silencieux");
    expect(await page.inputValue("#inquiry-email")).toBe("pas-un-courriel");
    await page.fill("#inquiry-email", "x@exemple.ca");
    await page.fill("#inquiry-name", "Sans événement");
    await page.selectOption("#inquiry-organisationType", "agency");
    await page.fill("#inquiry-message", "Message");
    await page.check("#inquiry-preferredLanguage-fr");
    await page.click("form.sf-form button[type=submit]");
    const reference = await confirmationReference(page, "fr", true);
    expect((await stored(reference))?.answers).toMatchObject({ organisation: "Organisme silencieux", email: "x@exemple.ca" });
    await page.context().close();
  });
});

describe("with JavaScript, failures keep the answers", () => {
  it("offers to retry after the server refuses for a while (429), and the retry is stored once", async () => {
    const page = await newPage(true);
    await openForm(page, "en", "adviserForm", true);
    await fillAdviser(page, "en", "Retry person");
    let refused = false;
    await page.route("**/api/adviser-requests", async (route) => {
      if (!refused) {
        refused = true;
        await route.fulfill({ status: 429, headers: { "retry-after": "120", "content-type": "application/json" }, body: '{"errors":[{"field":null,"code":"rate_limited","message":"x"}]}' });
      } else {
        await route.continue();
      }
    });
    await page.click("form.sf-form button[type=submit]");
    const summary = page.locator(".sf-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Try again in 2 minutes");
    expect(await page.inputValue("#adviser-request-name")).toBe("Retry person");
    await summary.locator("button").click();
    const reference = await confirmationReference(page, "en", true);
    expect((await stored(reference))?.answers.name).toBe("Retry person");
    await page.context().close();
  });
});
