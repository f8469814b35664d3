/**
 * GET /api/admin/submissions against a real dynalite, with submissions stored through the real
 * public handlers: filters, counts, oldest-first order, cursor pagination, retention, CSV, no Scan.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createListHandler } from "../../functions/admin-list.ts";
import { createUpdateHandler } from "../../functions/admin-update.ts";
import { createGetHandler } from "../../functions/admin-get.ts";
import { purgeExpired } from "../../src/server/retention.ts";
import { quebecDayStart } from "../../src/lib/sla/quebec-time.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { toCsv } from "../../src/lib/forms/export.ts";
import { startTestDb, testEnv, type TestDb } from "./support.ts";
import { adminEvent, quiet, seed } from "./admin-support.ts";

let db: TestDb;
const NOW = new Date("2026-04-01T12:00:00Z");
const refs: Record<string, string> = {};
const sent: string[] = [];

function recordingClient(endpoint: string): DynamoDBClient {
  const real = dynamoClient({ endpoint, region: "local" });
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === "send") return (command: { constructor: { name: string } }) => {
        sent.push(command.constructor.name);
        return target.send(command as never);
      };
      return Reflect.get(target, prop, receiver);
    },
  });
}

let list: ReturnType<typeof createListHandler>;
let update: ReturnType<typeof createUpdateHandler>;
let get: ReturnType<typeof createGetHandler>;

async function listJson(query: Record<string, string>) {
  const result = await list(adminEvent("GET", "/api/admin/submissions", { query }));
  expect(result.statusCode, result.body).toBe(200);
  return JSON.parse(result.body) as { items: Array<{ reference: string; status: string; type: string; createdAt: string; organisation: string }>; cursor?: string; counts: Record<string, number> };
}

async function allPages(query: Record<string, string>, limit: number) {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listJson({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    // Counts come with the first page only.
    expect(page.counts === undefined).toBe(cursor !== undefined);
    seen.push(...page.items.map((i) => i.reference));
    cursor = page.cursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  db = await startTestDb();
  // Twelve submissions over March 2026 (EDT from March 8), both types, varied organisations.
  const plan: Array<[string, "inquiry" | "adviser-request", string, string]> = [
    ["a", "inquiry", "2026-03-02T15:00:00Z", "Ministère de l'Économie"],
    ["b", "adviser-request", "2026-03-03T15:00:00Z", "Agence du revenu"],
    ["c", "inquiry", "2026-03-05T15:00:00Z", "Ville de Québec"],
    ["d", "adviser-request", "2026-03-10T03:30:00Z", "CISSS de la Montérégie"], // 9 March, 23:30 in Québec
    ["e", "inquiry", "2026-03-10T14:00:00Z", "MINISTERE DE L'ECONOMIE (direction)"],
    ["f", "inquiry", "2026-03-12T14:00:00Z", "Centre de services scolaire"],
    ["g", "adviser-request", "2026-03-15T14:00:00Z", "Société de l'assurance"],
    ["h", "inquiry", "2026-03-18T14:00:00Z", "Ville de Laval"],
    ["i", "adviser-request", "2026-03-20T14:00:00Z", "Ministère de la Santé"],
    ["j", "inquiry", "2026-03-22T14:00:00Z", "Économie sociale Québec"],
    ["k", "adviser-request", "2026-03-25T14:00:00Z", "Régie du bâtiment"],
    ["l", "inquiry", "2026-03-28T14:00:00Z", "Ville de Gatineau"],
  ];
  for (const [id, type, at, organisation] of plan) refs[id] = await seed(db.endpoint, type, new Date(at), { organisation });
  const overrides = { env: testEnv(db.endpoint), now: () => NOW, log: quiet, db: recordingClient(db.endpoint) };
  list = createListHandler(overrides);
  update = createUpdateHandler(overrides);
  get = createGetHandler(overrides);
  const patch = async (id: string, body: Record<string, unknown>) => {
    const r = await update(adminEvent("PATCH", `/api/admin/submissions/${refs[id]}`, { reference: refs[id], body }));
    expect(r.statusCode, r.body).toBe(200);
  };
  await patch("b", { status: "in-progress" });
  await patch("c", { status: "answered" });
  await patch("f", { status: "in-progress" });
  await patch("g", { status: "closed" });
  await patch("h", { status: "answered" });
  await patch("h", { status: "closed" });
});

afterAll(async () => {
  await db?.cleanup();
});

const order = (ids: string) => ids.split("").map((id) => refs[id]);

describe("GET /api/admin/submissions", () => {
  it("lists the unanswered ones by default, oldest first across both types, with counts per status", async () => {
    const page = await listJson({});
    expect(page.items.map((i) => i.reference)).toEqual(order("abdefijkl"));
    expect(page.cursor).toBeUndefined();
    expect(page.counts).toEqual({ new: 7, "in-progress": 2, answered: 1, closed: 2 });
    expect(page.items[1]).toMatchObject({ status: "in-progress", type: "adviser-request", organisation: "Agence du revenu" });
    // The list carries no personal answers beyond the organisation.
    expect(JSON.stringify(page.items)).not.toContain("@");
  });

  it("shows every status with « all »: the unanswered group first, then answered and closed", async () => {
    const page = await listJson({ status: "all" });
    expect(page.items.map((i) => i.reference)).toEqual(order("abdefijklcgh"));
  });

  it("filters by type and by one status", async () => {
    expect((await listJson({ type: "inquiry" })).items.map((i) => i.reference)).toEqual(order("aefjl"));
    expect((await listJson({ status: "closed" })).items.map((i) => i.reference)).toEqual(order("gh"));
    const adviserCounts = (await listJson({ type: "adviser-request", status: "in-progress" }));
    expect(adviserCounts.items.map((i) => i.reference)).toEqual(order("b"));
    expect(adviserCounts.counts).toEqual({ new: 3, "in-progress": 1, answered: 0, closed: 1 });
  });

  it("filters by Québec calendar days, both ends included", async () => {
    expect(quebecDayStart("2026-03-10").toISOString()).toBe("2026-03-10T04:00:00.000Z");
    expect(quebecDayStart("2026-03-02").toISOString()).toBe("2026-03-02T05:00:00.000Z");
    // d was received on 10 March UTC but 9 March in Québec.
    expect((await listJson({ status: "all", from: "2026-03-09", to: "2026-03-09" })).items.map((i) => i.reference)).toEqual(order("d"));
    const range = await listJson({ status: "all", from: "2026-03-10", to: "2026-03-18" });
    expect(range.items.map((i) => i.reference)).toEqual(order("efgh"));
    expect(range.counts).toEqual({ new: 1, "in-progress": 1, answered: 0, closed: 2 });
  });

  it("searches the organisation ignoring case and accents", async () => {
    expect((await listJson({ status: "all", q: "economie" })).items.map((i) => i.reference)).toEqual(order("aej"));
    expect((await listJson({ status: "all", q: "  VILLE DE " })).items.map((i) => i.reference)).toEqual(order("lch"));
    expect((await listJson({ status: "all", q: "nothing like it" })).items).toEqual([]);
  });

  it("pages with an opaque cursor: every item once, in the same order, whatever the page size", async () => {
    const full = order("abdefijklcgh");
    for (const limit of [1, 2, 5]) expect(await allPages({ status: "all" }, limit)).toEqual(full);
    expect(await allPages({ status: "all", q: "ville" }, 1)).toEqual(order("lch"));
    expect(await allPages({ type: "adviser-request", status: "all", from: "2026-03-03", to: "2026-03-20" }, 2)).toEqual(order("bdig"));
  });

  it("refuses a cursor from another filter, a tampered cursor and bad parameters (400)", async () => {
    const first = await listJson({ status: "all", limit: "2" });
    expect(first.cursor).toBeTypeOf("string");
    const queries: Array<Record<string, string>> = [
      { status: "open", cursor: first.cursor as string },
      { status: "all", cursor: `${first.cursor}x` },
      { status: "all", cursor: Buffer.from('{"g":9,"f":"x"}').toString("base64url") },
      { type: "other" },
      { status: "pending" },
      { from: "2026-02-30" },
      { from: "2026-03-10", to: "2026-03-01" },
      { limit: "0" },
      { limit: "101" },
      { q: "x".repeat(101) },
    ];
    for (const query of queries) {
      const result = await list(adminEvent("GET", "/api/admin/submissions", { query }));
      expect(result.statusCode, JSON.stringify(query)).toBe(400);
    }
  });

  it("answers 401 without the authorizer's claims, even when reached directly", async () => {
    for (const handler of [list, get, update]) {
      const result = await handler(adminEvent("GET", "/api/admin/submissions", { claims: null }));
      expect(result.statusCode).toBe(401);
    }
    expect((await list(adminEvent("GET", "/api/admin/submissions", { claims: { email: "no-subject@example.ca" } }))).statusCode).toBe(401);
  });

  it("exports the filter as CSV (UTF-8 BOM, `;` in French)", async () => {
    const result = await list(adminEvent("GET", "/api/admin/submissions", { query: { status: "all", q: "ville", format: "csv", lang: "fr" } }));
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(result.headers["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(result.body.startsWith("\ufeff")).toBe(true);
    const lines = result.body.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(toCsv([], "fr").slice(1).trimEnd());
    expect(lines[0]).toContain(";");
    for (const id of "lch") expect(result.body).toContain(refs[id]);
    expect(result.body).not.toContain(refs.a);
  });

  it("never scans the table", () => {
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((name) => name === "ScanCommand")).toEqual([]);
    expect(new Set(sent)).toEqual(new Set(["QueryCommand", "GetItemCommand", "UpdateItemCommand"]));
  });
});

describe("retention", () => {
  it("hides records past their retention date and the local purge deletes them (Query + DeleteItem)", async () => {
    // Stored on 1 January with one month of retention: expired on 1 April.
    const old = await seed(db.endpoint, "inquiry", new Date("2026-01-01T15:00:00Z"), { organisation: "Ville expirée" }, { RETENTION_MONTHS: "1" });
    const before = await listJson({ status: "all", q: "expirée" });
    expect(before.items).toEqual([]);
    expect((await listJson({})).counts.new).toBe(7);
    const detail = await get(adminEvent("GET", `/api/admin/submissions/${old}`, { reference: old }));
    expect(detail.statusCode).toBe(404);
    const patch = await update(adminEvent("PATCH", `/api/admin/submissions/${old}`, { reference: old, body: { note: "trop tard" } }));
    expect(patch.statusCode).toBe(404);

    expect((await db.items()).some((item) => item.reference === old)).toBe(true);
    const client = dynamoClient({ endpoint: db.endpoint, region: "local" });
    expect(await purgeExpired(client, localTableNames.submissions, NOW)).toBe(1);
    const remaining = await db.items();
    expect(remaining.some((item) => item.reference === old)).toBe(false);
    expect(remaining).toHaveLength(12);
    expect(await purgeExpired(client, localTableNames.submissions, NOW)).toBe(0);
  });
});
