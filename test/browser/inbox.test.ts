/**
 * The business-development inbox in Chromium against `startLocalServer` (built site + the same handlers
 * + dynalite on a temp dir): submissions arrive through the public API, a person signs in through the
 * development sign-in (authorization code + PKCE), filters, opens one, changes its status with a note,
 * adds an internal note, goes back to the list and exports the filter as CSV. Needs a built site:
 * DIST_DIR (default dist).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { getSubmission } from "../../src/lib/submissions/store.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { useTranslations } from "../../src/i18n/index.ts";
import { href } from "../../src/i18n/routes.ts";
import { startLocalServer, type LocalServer } from "../../src/server/start.ts";
import { launchBrowser, axeViolations } from "../support/browser.ts";
import { expectOnlyAbsoluteLinks } from "../support/outbox.ts";
import { LOCAL_CLIENT_ID, LOCAL_ISSUER } from "../../src/server/auth/dev-sign-in.ts";
import { loadOrCreateKeyPair, signJwt } from "../../src/server/auth/jwt.ts";

/** axe-core (pa11y's engine, already in node_modules) on the live page: the signed-in views pa11y cannot reach. */
/** INBOX_SCREENSHOTS=1: the view at 320 and 1280 px in /tmp, and no sideways scrolling at 320 px either way. */
async function screenshots(page: Page, name: string): Promise<void> {
  if (!process.env.INBOX_SCREENSHOTS) return;
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/inbox-${name}-${width}.png`, fullPage: true });
  }
}

let server: LocalServer;
let browser: Browser;
let dataDir: string;
const refs: Record<string, string> = {};
const t = useTranslations("fr");
/** 10 standard terminals, 4 recorded sessions of 90 min and 3 h of training a month, from October. */
const ESTIMATE = "2017-08-24_10_s.standard.10_r.recording.4.90_h.training.3";

async function submit(path: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `inbox-browser-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify({ preferredLanguage: "fr", lang: "fr", elapsedMs: 8000, ...body }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "inbox-browser-"));
  server = await startLocalServer({ port: 0, dataDir, distDir: process.env.DIST_DIR ?? "dist", logs: false, env: { RATE_LIMIT_MAX: "1000" } });
  browser = await launchBrowser();
  refs.levis = await submit("/api/inquiries", {
    organisation: "Ville de Lévis", organisationType: "municipality", name: "Léa Roy", email: "lea.roy@levis.ca",
    services: ["mobility"], message: "Quels sont vos tarifs ?", estimate: ESTIMATE,
  });
  refs.agence = await submit("/api/adviser-requests", { organisation: "Agence de l'Exemple", name: "Paul Côté", email: "paul@agence.gouv.qc.ca" });
  refs.ministere = await submit("/api/inquiries", {
    organisation: "Ministère de l'Exemple", organisationType: "ministry", name: "Ana Diaz", email: "ana@mce.gouv.qc.ca", message: "Bonjour",
  });
});

afterAll(async () => {
  await browser?.close();
  const origin = server?.url.replace("127.0.0.1", "localhost");
  await server?.close();
  try {
    // Every email of the whole file (notifications, acknowledgements) links absolutely to this server.
    if (dataDir) expect(expectOnlyAbsoluteLinks(dataDir, origin).length).toBeGreaterThan(0);
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
const live = (page: Page) => page.locator(".inbox-live");
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("the inbox", () => {
  it("notified business development of each submission through the local outbox (reference only), and acknowledged it to the requester", () => {
    // Every link absolute, to this server (issue 14).
    const messages = expectOnlyAbsoluteLinks(dataDir, server.url.replace("127.0.0.1", "localhost"));
    const notices = messages.filter((m) => !m.file.endsWith("-ack.eml"));
    expect(notices).toHaveLength(3);
    const all = notices.map((m) => `${m.to}\n${m.subject}\n${m.body}`).join("\n");
    for (const ref of Object.values(refs)) expect(all).toContain(`/fr/boite-de-reception/?ref=${ref}`);
    expect(all).not.toContain("levis.ca");
    expect(all).not.toContain("Lévis");
    const acks = messages.filter((m) => m.file.endsWith("-ack.eml"));
    expect(acks.map((m) => m.to).sort()).toEqual(["ana@mce.gouv.qc.ca", "lea.roy@levis.ca", "paul@agence.gouv.qc.ca"]);
    for (const ack of acks) for (const answer of ["Lévis", "Léa", "tarifs", "Paul", "Ana", "Exemple"]) expect(ack.body).not.toContain(answer);
  });

  it("signs in, filters, changes a status, adds a note and exports CSV", async () => {
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true }); // axe goes in as a script tag, which the CSP (as on CloudFront) refuses
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}${href("fr", "inbox")}`);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");

    // Sign in through the development sign-in (authorization code + PKCE).
    await page.getByRole("button", { name: t("inbox.signIn") }).click();
    await page.waitForURL(/\/dev\/auth\/oauth2\/authorize\?/);
    const authorize = new URL(page.url());
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    await page.getByLabel(t("inbox.dev.name")).fill("Dana Dev");
    await page.getByLabel(t("inbox.dev.email")).fill("dana@cspq.example");
    await page.getByRole("button", { name: t("inbox.dev.submit") }).click();
    await page.waitForURL((url) => url.pathname === href("fr", "inbox") && !url.search);
    await expect.poll(async () => plain(await live(page).textContent())).toBe("3 demandes affichées");
    expect(plain(await page.locator(".inbox-session p").textContent())).toBe("Connecté en tant que dana@cspq.example");

    // Oldest unanswered first, with counts per status.
    const rows = page.locator(".inbox-table tbody tr");
    expect(await rows.locator("th").allTextContents()).toEqual([refs.levis, refs.agence, refs.ministere]);
    expect(plain(await page.locator(".inbox-counts").textContent())).toContain("Nouvelle 3");
    expect(await page.locator(".inbox-table th[scope=col]").count()).toBe(7);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, "list");

    // Filter: organisation contains « levis » (accents ignored).
    await page.getByLabel(t("inbox.filter.q")).fill("levis");
    await page.getByRole("button", { name: t("inbox.filter.apply") }).click();
    // Focus lands on the sentence saying what the filter found (not a live region: read once).
    await expect.poll(() => focusedId(page)).toBe("inbox-results-status");
    expect(plain(await page.locator("#inbox-results-status").textContent())).toBe("1 demande affichée");
    expect(await page.locator("#inbox-results-status").getAttribute("aria-live")).toBeNull();
    expect(await rows.locator("th").allTextContents()).toEqual([refs.levis]);

    // Open it: focus moves to its heading; every field is shown, with the estimate.
    await page.getByRole("link", { name: t("inbox.detail.open", { reference: refs.levis as string, organisation: "Ville de Lévis" }) }).click();
    await page.locator(".inbox-detail").waitFor();
    expect(await focusedId(page)).toBe("inbox-detail-heading");
    await expect.poll(() => page.evaluate(() => new URLSearchParams(window.location.search).get("ref"))).toBe(refs.levis);
    await page.locator(".inbox-estimate").waitFor();
    const facts = plain(await page.locator(".inbox-detail").textContent());
    for (const text of ["Léa Roy", "lea.roy@levis.ca", "Quels sont vos tarifs ?", t("forms.organisationType.municipality")]) expect(facts).toContain(text);
    // The attached estimate as the estimator computes it: its lines with quantities, every total, the price list.
    await page.locator(".inbox-estimate").waitFor();
    const estimateRows = await page.locator(".inbox-estimate tbody tr").evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent ?? "")));
    expect(estimateRows.map((cells) => cells.map(plain))).toEqual([
      ["Service visioconférence standard", "10", "15,00 $ (Mensuel par terminal)", "150,00 $", "1 000,00 $"],
      ["Enregistrement de visioconférence", "4", "100,00 $ (par séance de 90 min)", "400,00 $", "0,00 $"],
      ["Formation", "3", "90,00 $ (Horaire)", "270,00 $", "0,00 $"],
    ]);
    const totals = await page.locator(".inbox-estimate-totals").evaluate((dl) =>
      [...dl.querySelectorAll("dt")].map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]));
    expect(totals.map(([label, amount]) => [plain(label ?? ""), plain(amount ?? "")])).toEqual([
      ["Sous-total mensuel", "820,00 $"],
      ["Frais de service uniques (à l'activation)", "1 000,00 $"],
      ["Total du premier mois", "1 820,00 $"],
      ["Total sur 12 mois", "10 840,00 $"],
      ["Total de l'exercice financier (début en octobre, 6 mois)", "5 920,00 $"],
    ]);
    expect(facts).toContain("grille tarifaire du 24 août 2017");
    expect(await page.getByRole("link", { name: "lea.roy@levis.ca" }).getAttribute("href")).toBe("mailto:lea.roy@levis.ca");
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, "detail");
    expect(await page.getByRole("link", { name: t("inbox.detail.estimateLink") }).getAttribute("href")).toBe(href("fr", "estimator", { query: { estimate: ESTIMATE } }));

    // Change the status with a note, by keyboard only: Tab from the heading to the status field, type the note,
    // Enter on the button. Focus lands on the outcome message, which the live region does not repeat.
    await page.locator("#inbox-detail-heading").focus();
    for (let i = 0; i < 30 && (await focusedId(page)) !== "inbox-new-status"; i++) await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("inbox-new-status");
    expect(await page.locator("#inbox-new-status").inputValue()).toBe("in-progress");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("inbox-status-note");
    await page.keyboard.type("Appel prévu jeudi");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedId(page)).toBe("inbox-status-outcome");
    expect(plain(await page.locator("#inbox-status-outcome").textContent())).toBe("Statut changé : En traitement.");
    expect(plain(await live(page).textContent())).not.toContain("Statut changé");
    const history = page.locator(".inbox-history li");
    await expect.poll(() => history.count()).toBe(2);
    expect(plain(await history.nth(1).innerText())).toMatch(/Statut changé de « Nouvelle » à « En traitement » par dana@cspq\.example\s*Appel prévu jeudi$/);

    // An empty note is refused on the spot, with the field marked.
    await page.getByRole("button", { name: t("inbox.action.noteSubmit") }).click();
    await expect.poll(() => focusedId(page)).toBe("inbox-note");
    expect(await page.locator("#inbox-note").getAttribute("aria-invalid")).toBe("true");
    expect(plain(await page.locator("#inbox-note-outcome").textContent())).toBe(t("inbox.action.noteRequired"));
    expect(await page.locator("#inbox-note").getAttribute("aria-describedby")).toBe("inbox-note-hint inbox-note-outcome");

    // Add an internal note and assign an adviser.
    await page.getByLabel(t("inbox.action.noteLabel"), { exact: true }).fill("Client existant, voir 2025.");
    await page.getByRole("button", { name: t("inbox.action.noteSubmit") }).click();
    await expect.poll(() => focusedId(page)).toBe("inbox-note-outcome");
    expect(plain(await page.locator("#inbox-note-outcome").textContent())).toBe(t("inbox.action.savedNote"));
    await page.getByLabel(t("inbox.action.assignee")).fill("Marie Gagnon");
    await page.getByRole("button", { name: t("inbox.action.assignSubmit") }).click();
    await expect.poll(() => focusedId(page)).toBe("inbox-assign-outcome");
    expect(plain(await page.locator("#inbox-assign-outcome").textContent())).toBe(t("inbox.action.savedAssign"));
    // The same adviser again: nothing is sent, and focus lands on the message saying so.
    await page.getByRole("button", { name: t("inbox.action.assignSubmit") }).click();
    await expect.poll(async () => plain(await page.locator("#inbox-assign-outcome").textContent())).toBe(t("inbox.action.unchanged"));
    await expect.poll(() => focusedId(page)).toBe("inbox-assign-outcome");
    await expect.poll(() => history.count()).toBe(4);
    expect(plain(await history.nth(2).innerText())).toContain("Note interne par dana@cspq.example Client existant, voir 2025.");
    expect(plain(await history.nth(3).innerText())).toContain("Assignée à Marie Gagnon par dana@cspq.example");

    const stored = await getSubmission(dynamoClient({ endpoint: server.dynamoEndpoint, region: "local" }), localTableNames.submissions, refs.levis as string);
    expect(stored?.status).toBe("in-progress");

    // Back to the list: focus returns to that submission's link; its new status shows.
    await page.getByRole("button", { name: t("inbox.detail.back") }).click();
    await expect.poll(() => focusedId(page)).toBe(`inbox-row-${refs.levis}`);
    await expect.poll(async () => plain(await rows.first().textContent())).toContain("En traitement");
    expect(plain(await rows.first().textContent())).toContain("Marie Gagnon");

    // Export the current filter: the command line's CSV (fr-CA, `;`, UTF-8 BOM).
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t("inbox.export") }).click()]);
    expect(download.suggestedFilename()).toMatch(/^demandes-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`${t("forms.export.reference")};`);
    expect(lines[1]).toContain(refs.levis);
    expect(lines[1]).toContain(";En traitement;");
    await expect.poll(async () => plain(await live(page).textContent())).toBe(t("inbox.exported"));

    // The browser's Back button leaves a submission for the list too.
    await page.locator(`#inbox-row-${refs.levis}`).click();
    await page.locator(".inbox-detail").waitFor();
    await page.goBack();
    await page.locator(".inbox-table").waitFor();
    expect(await page.locator(".inbox-detail").count()).toBe(0);
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe("");

    // At 320 px the page never scrolls sideways (the table scrolls in its own region).
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("opens the submission of a notification link (English), and shows a conflict when someone else acted first", async () => {
    const context = await browser.newContext({ bypassCSP: true }); // axe is injected as a script tag
    const page = await context.newPage();
    const en = useTranslations("en");
    await page.goto(`${server.url}${href("en", "inbox", { query: { ref: refs.agence as string } })}`);
    await page.getByRole("button", { name: en("inbox.signIn") }).click();
    await page.getByLabel(en("inbox.dev.name")).fill("Sam");
    await page.getByLabel(en("inbox.dev.email")).fill("sam@cspq.example");
    await page.getByRole("button", { name: en("inbox.dev.submit") }).click();
    await page.locator(".inbox-detail").waitFor();
    expect(plain(await page.locator("#inbox-detail-heading").textContent())).toBe(`Submission ${refs.agence}`);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(window.location.search).get("ref"))).toBe(refs.agence);
    expect(await focusedId(page)).toBe("inbox-detail-heading");

    // Someone else acts meanwhile: this person's change is refused, the fresh record and a clear message are shown.
    const keys = loadOrCreateKeyPair(join(dataDir, "auth"));
    const now = Math.floor(Date.now() / 1000);
    const other = signJwt({ iss: LOCAL_ISSUER, aud: LOCAL_CLIENT_ID, sub: "other", email: "other@cspq.example", exp: now + 300 }, keys.privateKey);
    const response = await fetch(`${server.url}/api/admin/submissions/${refs.agence}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${other}`, "content-type": "application/json" },
      body: JSON.stringify({ note: "I called them." }),
    });
    expect(response.status).toBe(200);
    await page.getByLabel(en("inbox.action.assignee")).fill("Sam");
    await page.getByRole("button", { name: en("inbox.action.assignSubmit") }).click();
    await expect.poll(async () => plain(await page.locator("#inbox-assign-outcome").textContent())).toBe(en("inbox.action.conflict"));
    await expect.poll(() => focusedId(page)).toBe("inbox-assign-outcome");
    expect(plain(await page.locator(".inbox-history").innerText())).toContain("I called them.");
    // Done again on the fresh record, it is saved.
    await page.getByLabel(en("inbox.action.assignee")).fill("Sam");
    await page.getByRole("button", { name: en("inbox.action.assignSubmit") }).click();
    await expect.poll(async () => plain(await page.locator("#inbox-assign-outcome").textContent())).toBe(en("inbox.action.savedAssign"));
    await expect.poll(() => focusedId(page)).toBe("inbox-assign-outcome");
    await context.close();
  });

  it("shows nothing to a visitor who is not signed in, and the API refuses them", async () => {
    const page = await browser.newPage({ bypassCSP: true }); // axe is injected as a script tag
    await page.goto(`${server.url}${href("fr", "inbox")}`);
    await page.getByRole("button", { name: t("inbox.signIn") }).waitFor();
    expect(await page.locator(".inbox-table").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, "signed-out");
    const status = await page.evaluate(async () => (await fetch("/api/admin/submissions")).status);
    expect(status).toBe(401);
    await page.close();
  });

  it("by keyboard, a filter and a further page move focus to what they changed, read once", async () => {
    // 26 more requests: the list shows 25 and offers the next page.
    for (let i = 0; i < 26; i++) refs[`more${i}`] = await submit("/api/adviser-requests", { organisation: `Organisme ${String(i).padStart(2, "0")}`, name: "N", email: `n${i}@exemple.ca` });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${href("fr", "inbox")}`);
    await page.getByRole("button", { name: t("inbox.signIn") }).click();
    await page.getByLabel(t("inbox.dev.name")).fill("Kim");
    await page.getByLabel(t("inbox.dev.email")).fill("kim@cspq.example");
    await page.getByRole("button", { name: t("inbox.dev.submit") }).click();
    await page.locator(".inbox-table").waitFor();

    // The organisation filter, typed and sent with Enter.
    await page.locator("#inbox-q").focus();
    await page.keyboard.type("organisme");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedId(page)).toBe("inbox-results-status");
    expect(plain(await page.locator("#inbox-results-status").textContent())).toBe("25 demandes affichées");
    expect(plain(await live(page).textContent())).not.toContain("25 demandes");

    // The next page, by keyboard: focus lands on the first new row; the new count is announced.
    const more = page.getByRole("button", { name: t("inbox.more") });
    await more.focus();
    await page.keyboard.press("Enter");
    const rows = page.locator(".inbox-table tbody tr");
    await expect.poll(() => rows.count()).toBe(26);
    const lastRef = await rows.nth(25).locator("th a").getAttribute("id");
    await expect.poll(() => focusedId(page)).toBe(lastRef);
    await expect.poll(async () => plain(await live(page).textContent())).toBe("26 demandes affichées");
    expect(await more.count()).toBe(0);

    // A date range that ends before it starts: focus goes to the field, described by the error.
    await page.locator("#inbox-from").fill("2026-03-02");
    await page.locator("#inbox-to").fill("2026-03-01");
    await page.locator("#inbox-q").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedId(page)).toBe("inbox-to");
    expect(await page.locator("#inbox-to").getAttribute("aria-describedby")).toBe("inbox-date-hint inbox-filter-error");
    await context.close();
  });
});
