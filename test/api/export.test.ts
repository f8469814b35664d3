/**
 * The submissions export that business development reads (src/lib/forms/export.ts): labels in the chosen
 * language instead of codes, the adviser, the last status change (when, by whom), the number of internal
 * notes — checked column by column in each language — and the same file from the inbox
 * (GET /api/admin/submissions?format=csv) and the command line (`npm run submissions -- export`).
 * Also `show REF`: the whole history in time order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createListHandler } from "../../functions/admin-list.ts";
import { run } from "../../src/cli/submissions.ts";
import { exportColumns, toCsv } from "../../src/lib/forms/export.ts";
import { applyAction } from "../../src/lib/submissions/workflow.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { translations, uiStrings } from "../../src/i18n/translate.ts";
import { quebecWallClock } from "../../src/lib/sla/quebec-time.ts";
import { startTestDb, testEnv, type TestDb } from "./support.ts";
import { adminEvent, quiet, seed } from "./admin-support.ts";

let db: TestDb;
let list: ReturnType<typeof createListHandler>;
const refs: Record<string, string> = {};
// Winter (EST): 10:00 UTC is 05:00 in Québec.
const received = new Date("2026-01-12T15:00:00Z");
const changed = new Date("2026-01-13T14:30:00Z");

beforeAll(async () => {
  db = await startTestDb();
  const env = testEnv(db.endpoint);
  list = createListHandler({ env, log: quiet });
  refs.inquiry = await seed(db.endpoint, "inquiry", received, {
    organisation: "Ville de Lévis", organisationType: "municipality", services: ["videoconference", "mobility"], preferredLanguage: "en",
    estimate: "2017-08-24_4_s.standard.2",
  });
  refs.adviser = await seed(db.endpoint, "adviser-request", new Date("2026-01-12T16:00:00Z"));
  const client = dynamoClient({ endpoint: db.endpoint, region: "local" });
  const table = localTableNames.submissions;
  const dana = { sub: "sub-dana", email: "dana@cspq.example" };
  const act = async (action: Parameters<typeof applyAction>[1]["action"], at: Date, actor = dana) => {
    const result = await applyAction({ db: client, table, now: at }, { reference: refs.inquiry as string, action, actor });
    expect(result.outcome).toBe("updated");
  };
  await act({ note: "Client existant." }, new Date("2026-01-12T18:00:00Z"));
  await act({ status: "in-progress", note: "Appel prévu jeudi" }, new Date("2026-01-13T13:00:00Z"));
  await act({ assignee: "Marie Gagnon" }, new Date("2026-01-13T14:00:00Z"));
  await act({ status: "answered" }, changed, { sub: "sub-sam", email: "sam@cspq.example" });
  await act({ note: "Soumission envoyée." }, new Date("2026-01-13T15:00:00Z"));
});

afterAll(async () => {
  await db?.cleanup();
});

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run([...args, "--endpoint", db.endpoint], (t) => (out += t));
  return { code, out };
}

async function inboxCsv(lang: "fr" | "en"): Promise<string> {
  const result = await list(adminEvent("GET", "/api/admin/submissions", { query: { status: "all", format: "csv", lang } }));
  expect(result.statusCode, result.body).toBe(200);
  return result.body;
}

/** A CSV file back into rows of cells (quotes, doubled quotes, separators inside quotes). */
function parseCsv(text: string, separator: string): string[][] {
  expect(text.startsWith("\ufeff")).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

const expected = {
  fr: {
    "Référence": () => refs.inquiry,
    "Type de demande": () => "Demande d'information",
    "Statut": () => "Répondue",
    "Reçue le": () => "2026-01-12 10:00",
    "Langue de la page": () => "Français",
    "Page d'origine": () => "/fr/demande-information/",
    "Organisation": () => "Ville de Lévis",
    "Type d'organisation": () => "Municipalité",
    "Nom et prénom": () => "Jeanne Tremblay",
    "Courriel professionnel": () => "jeanne.tremblay@exemple.gouv.qc.ca",
    "Services qui vous intéressent": () => "Visioconférence | Mobilité cellulaire",
    "Langue de correspondance": () => "Anglais",
    "Conseiller assigné": () => "Marie Gagnon",
    "Dernier changement de statut le": () => "2026-01-13 09:30",
    "Dernier changement de statut par": () => "sam@cspq.example",
    "Notes internes": () => "2",
  },
  en: {
    "Reference": () => refs.inquiry,
    "Request type": () => "Service inquiry",
    "Status": () => "Answered",
    "Received": () => "2026-01-12 10:00",
    "Page language": () => "French",
    "Organization": () => "Ville de Lévis",
    "Type of organization": () => "Municipality",
    "Work email": () => "jeanne.tremblay@exemple.gouv.qc.ca",
    "Services of interest": () => "Videoconferencing | Cellular mobility",
    "Preferred language for our reply": () => "English",
    "Adviser assigned": () => "Marie Gagnon",
    "Last status change": () => "2026-01-13 09:30",
    "Last status change by": () => "sam@cspq.example",
    "Internal notes": () => "2",
  },
} as const;

describe("the export business development reads", () => {
  for (const lang of ["fr", "en"] as const) {
    it(`is the same file from the inbox and the command line, column by column (${lang})`, async () => {
      const fromInbox = await inboxCsv(lang);
      const fromCli = (await cli("export", "--lang", lang)).out;
      expect(fromCli).toBe(fromInbox);
      const separator = lang === "fr" ? ";" : ",";
      const [header, ...rows] = parseCsv(fromInbox, separator);
      const t = translations(uiStrings[lang], lang);
      // The one definition: every column, in order, with its header in the language.
      expect(header).toEqual(exportColumns.map((column) => t(column.header)));
      expect(rows).toHaveLength(2);
      const row = rows.find((r) => r[0] === refs.inquiry) as string[];
      const cell = (name: string) => {
        const index = (header as string[]).indexOf(name);
        expect(index, name).toBeGreaterThanOrEqual(0);
        return row[index];
      };
      for (const [name, value] of Object.entries(expected[lang])) expect(cell(name), name).toBe(value());
      // No code where a label exists.
      for (const code of ["municipality", "videoconference", "mobility", "answered", "inquiry"]) expect(row, code).not.toContain(code);
      expect(cell(t("forms.field.estimate"))).toBe("2017-08-24_4_s.standard.2");
      expect(cell(t("forms.export.expiresAt"))).toMatch(/^2028-01-1\d$/);

      // The adviser request nobody touched: empty adviser and last change, no notes.
      const other = rows.find((r) => r[0] === refs.adviser) as string[];
      const at = (key: Parameters<typeof t>[0]) => other[(header as string[]).indexOf(t(key))];
      expect([at("forms.export.assignee"), at("forms.export.lastStatusAt"), at("forms.export.lastStatusBy"), at("forms.export.notes")]).toEqual(["", "", "", "0"]);
      expect(at("forms.export.status")).toBe(t("forms.status.new"));
    });
  }

  it("names the command line when a status was changed without a person", () => {
    const csv = toCsv([{
      reference: "INF-AAAA-BBBB", type: "inquiry", status: "closed", createdAt: received.toISOString(), lang: "en", source: "/en/inquiry/", answers: {},
      expiresAt: Math.floor(Date.parse("2028-01-12T00:00:00Z") / 1000),
      statusHistory: [{ status: "new", at: received.toISOString() }, { status: "closed", at: changed.toISOString() }],
    }], "en");
    expect(csv).toContain(",2026-01-13 09:30,command line,0,");
  });

  it("filters the command line's export as the inbox does (Québec days, one status)", async () => {
    const day = quebecWallClock(received).date;
    expect((await cli("export", "--from", day, "--to", day, "--status", "answered")).out.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect((await cli("export", "--status", "closed")).out.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("npm run submissions -- show REF", () => {
  it("prints the whole history in time order: status changes with notes, assignments, internal notes, each with who and when", async () => {
    const { code, out } = await cli("show", refs.inquiry as string);
    expect(code).toBe(0);
    const history = out.slice(out.indexOf("history")).split("\n").slice(1).filter(Boolean);
    expect(history).toEqual([
      "  2026-01-12 10:00  received",
      "  2026-01-12 13:00  internal note  (by dana@cspq.example)",
      "                    Client existant.",
      "  2026-01-13 08:00  status new → in-progress  (by dana@cspq.example)",
      "                    note: Appel prévu jeudi",
      "  2026-01-13 09:00  assigned to Marie Gagnon  (by dana@cspq.example)",
      "  2026-01-13 09:30  status in-progress → answered  (by sam@cspq.example)",
      "  2026-01-13 10:00  internal note  (by dana@cspq.example)",
      "                    Soumission envoyée.",
    ]);
    expect(out).toContain("adviser:    Marie Gagnon");
    const json = JSON.parse((await cli("show", refs.inquiry as string, "--format", "json")).out) as { history: Array<{ kind: string }> };
    expect(json.history.map((e) => e.kind)).toEqual(["created", "note", "status", "assign", "status", "note"]);
  });
});
