/**
 * Property: for any filter and page size, walking the inbox list page by page with its cursor yields
 * exactly the matching submissions — none skipped, none repeated — in the list's order (unanswered
 * first, oldest first), as computed naively from every record. Against a real dynalite, with records
 * stored by the handlers' own createSubmission and moved between statuses by the inbox's applyAction.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldText, listSubmissions, statusGroups, type InboxFilter } from "../../src/lib/submissions/queries.ts";
import { addDays } from "../../src/lib/sla/civil.ts";
import { quebecDayStart } from "../../src/lib/sla/quebec-time.ts";
import { applyAction } from "../../src/lib/submissions/workflow.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { createSubmission } from "../../src/lib/submissions/store.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { statuses, type FormType, type Status } from "../../src/lib/forms/fields.ts";
import { startTestDb, type TestDb } from "./support.ts";

let db: TestDb;
const NOW = new Date("2026-06-01T12:00:00Z");
interface Seeded { reference: string; type: FormType; status: Status; createdAt: string; organisation: string }
const seeded: Seeded[] = [];
const organisations = ["Ville de Québec", "Ville de Lévis", "Ministère de l'Économie", "Agence du revenu", "CISSS de Laval", "Régie de l'énergie"];

beforeAll(async () => {
  db = await startTestDb();
  const client = dynamoClient({ endpoint: db.endpoint, region: "local" });
  const random = fc.sample(
    fc.record({
      type: fc.constantFrom<FormType>("inquiry", "adviser-request"),
      status: fc.constantFrom<Status>(...statuses),
      // Spread over May 2026, often several in the same minute.
      minute: fc.integer({ min: 0, max: 31 * 24 * 60 }).map((m) => m - (m % 7)),
      organisation: fc.constantFrom(...organisations),
    }),
    { numRuns: 60, seed: 20260601 },
  );
  for (const [i, r] of random.entries()) {
    const at = new Date(Date.UTC(2026, 4, 1) + r.minute * 60_000);
    const created = await createSubmission(
      { db: client, table: localTableNames.submissions, now: () => at },
      { type: r.type, lang: "fr", source: "/fr/", answers: { organisation: r.organisation, name: "N", email: "n@example.ca" }, seed: `pagination-${i}` },
    );
    const path: Record<Status, Status[]> = { new: [], "in-progress": ["in-progress"], answered: ["answered"], closed: ["closed"] };
    for (const status of path[r.status]) {
      const result = await applyAction({ db: client, table: localTableNames.submissions, now: NOW }, { reference: created.reference, action: { status }, actor: { sub: "t" } });
      expect(result.outcome).toBe("updated");
    }
    seeded.push({ reference: created.reference, type: r.type, status: r.status, createdAt: at.toISOString(), organisation: r.organisation });
  }
  // One crowded partition where a selective search must read past several query pages (the partial-read path).
  for (let i = 0; i < 45; i++) {
    const at = new Date(Date.UTC(2026, 4, 10) + i * 3_600_000);
    const organisation = i === 44 ? "Office des Raretés" : "Agence du revenu";
    const created = await createSubmission(
      { db: client, table: localTableNames.submissions, now: () => at },
      { type: "inquiry", lang: "fr", source: "/fr/", answers: { organisation, name: "N", email: "n@example.ca" }, seed: `crowded-${i}` },
    );
    seeded.push({ reference: created.reference, type: "inquiry", status: "new", createdAt: at.toISOString(), organisation });
  }
  // …and a match in another partition after that crowded stretch: it must not jump the queue.
  const later = new Date("2026-05-20T00:00:00Z");
  const other = await createSubmission(
    { db: client, table: localTableNames.submissions, now: () => later },
    { type: "adviser-request", lang: "fr", source: "/fr/", answers: { organisation: "Office des raretés", name: "N", email: "n@example.ca" }, seed: "crowded-other" },
  );
  seeded.push({ reference: other.reference, type: "adviser-request", status: "new", createdAt: later.toISOString(), organisation: "Office des raretés" });
}, 120_000);

afterAll(async () => {
  await db?.cleanup();
});

function expected(filter: InboxFilter): string[] {
  const lo = filter.from ? quebecDayStart(filter.from).toISOString() : "";
  const hi = filter.to ? quebecDayStart(addDays(filter.to, 1)).toISOString() : "~";
  return statusGroups(filter.status).flatMap((group) =>
    seeded
      .filter((s) => group.includes(s.status) && (!filter.type || s.type === filter.type) && s.createdAt >= lo && s.createdAt < hi)
      .filter((s) => !filter.q || foldText(s.organisation).includes(foldText(filter.q)))
      .sort((a, b) => (`${a.createdAt}#${a.reference}` < `${b.createdAt}#${b.reference}` ? -1 : 1))
      .map((s) => s.reference),
  );
}

const day = fc.integer({ min: 0, max: 34 }).map((d) => new Date(Date.UTC(2026, 3, 29 + d)).toISOString().slice(0, 10));

describe("inbox pagination (property)", () => {
  it("walks every matching submission exactly once, in order, for any filter and page size", { timeout: 240_000 }, async () => {
    const client = dynamoClient({ endpoint: db.endpoint, region: "local" });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          type: fc.constantFrom<FormType | undefined>(undefined, "inquiry", "adviser-request"),
          status: fc.constantFrom<InboxFilter["status"]>("open", "all", ...statuses),
          range: fc.option(fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]), { nil: undefined }),
          q: fc.constantFrom<string | undefined>(undefined, "ville", "LEVIS", "économie", "zzz", "RARETES"),
          limit: fc.integer({ min: 1, max: 7 }),
        }),
        async ({ type, status, range, q, limit }) => {
          const filter: InboxFilter = { status, ...(type ? { type } : {}), ...(range ? { from: range[0], to: range[1] } : {}), ...(q ? { q } : {}) };
          const seen: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = await listSubmissions({ db: client, table: localTableNames.submissions, now: NOW }, filter, { limit, ...(cursor ? { cursor } : {}) });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((i) => i.reference));
            cursor = page.cursor;
            pages += 1;
            expect(pages).toBeLessThan(200);
          } while (cursor);
          expect(seen).toEqual(expected(filter));
        },
      ),
      { numRuns: 40, seed: 7, examples: [[{ type: undefined, status: "all", range: undefined, q: "RARETES", limit: 1 }], [{ type: undefined, status: "open", range: undefined, q: "RARETES", limit: 2 }]] },
    );
  });
});
