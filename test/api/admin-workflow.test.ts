/**
 * GET and PATCH /api/admin/submissions/{reference} against a real dynalite: every field, allowed
 * status transitions, assignment and notes recorded with who and when, conditional updates under
 * concurrency, validation; and the new-submission notification.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGetHandler } from "../../functions/admin-get.ts";
import { createUpdateHandler } from "../../functions/admin-update.ts";
import { canTransition, transitions } from "../../src/lib/submissions/workflow.ts";
import { run as cliRun } from "../../src/cli/submissions.ts";
import { composeNotice, notifyNewSubmission, notifySettingsFromEnv, outboxNotifier, type Notifier } from "../../src/lib/submissions/notify.ts";
import type { LogEntry } from "../../src/lib/submissions/log.ts";
import { startTestDb, testEnv, validInquiry, type TestDb } from "./support.ts";
import { adminEvent, alice, bob, quiet, seed } from "./admin-support.ts";

let db: TestDb;
let clock = new Date("2026-04-01T12:00:00Z");
let get: ReturnType<typeof createGetHandler>;
let update: ReturnType<typeof createUpdateHandler>;

interface View {
  submission: { reference: string; status: string; revision: number; assignee?: string; answers: Record<string, unknown>; statusHistory: unknown[] };
  history: Array<Record<string, unknown>>;
  transitions: string[];
  errors?: Array<{ field: string | null; code: string }>;
}

const claimsOf = (who: { sub: string; email: string }) => ({ ...who, token_use: "id" });

async function patch(reference: string, body: unknown, who = alice): Promise<{ status: number; view: View }> {
  const result = await update(adminEvent("PATCH", `/api/admin/submissions/${reference}`, { reference, body, claims: claimsOf(who) }));
  return { status: result.statusCode, view: JSON.parse(result.body) as View };
}

async function detail(reference: string): Promise<View> {
  const result = await get(adminEvent("GET", `/api/admin/submissions/${reference}`, { reference }));
  expect(result.statusCode, result.body).toBe(200);
  return JSON.parse(result.body) as View;
}

beforeAll(async () => {
  db = await startTestDb();
  const overrides = { env: testEnv(db.endpoint), now: () => clock, log: quiet };
  get = createGetHandler(overrides);
  update = createUpdateHandler(overrides);
});

afterAll(async () => {
  await db?.cleanup();
});

const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe("GET /api/admin/submissions/{reference}", () => {
  it("returns every field, the history and the allowed transitions", async () => {
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-30T13:00:00Z"), { estimate: "2017-08-24_4_a.1.3" });
    const view = await detail(reference);
    expect(view.submission).toMatchObject({ reference, status: "new", revision: 0, lang: "fr", source: "/fr/demande-information/" });
    for (const [name, value] of Object.entries(validInquiry)) {
      if (["lang", "elapsedMs"].includes(name)) continue;
      expect(view.submission.answers[name], name).toBeDefined();
      if (typeof value === "string" && name !== "phone") expect(view.submission.answers[name]).toBe(value);
    }
    expect(view.submission.answers.estimate).toBe("2017-08-24_4_a.1.3");
    expect(view.history).toEqual([{ kind: "created", at: "2026-03-30T13:00:00.000Z" }]);
    expect(view.transitions).toEqual(["in-progress", "answered", "closed"]);
  });

  it("answers 404 for an unknown or malformed reference", async () => {
    expect((await get(adminEvent("GET", "/api/admin/submissions/INF-2345-6789", { reference: "INF-2345-6789" }))).statusCode).toBe(404);
    expect((await get(adminEvent("GET", "/api/admin/submissions/nope", { reference: "nope" }))).statusCode).toBe(404);
  });
});

describe("PATCH /api/admin/submissions/{reference}", () => {
  it("walks new → in progress → answered → closed, each change recorded with who, when and its note", async () => {
    const reference = await seed(db.endpoint, "adviser-request", new Date("2026-03-31T13:00:00Z"));
    tick(1);
    let r = await patch(reference, { status: "in-progress", note: "Appel prévu jeudi", revision: 0 });
    expect(r.status).toBe(200);
    expect(r.view.submission).toMatchObject({ status: "in-progress", revision: 1 });
    expect(r.view.transitions).toEqual(["answered", "closed"]);
    tick(1);
    r = await patch(reference, { status: "answered" }, bob);
    expect(r.status).toBe(200);
    tick(1);
    r = await patch(reference, { status: "closed", note: "Entente signée" });
    expect(r.status).toBe(200);
    expect(r.view.history).toEqual([
      { kind: "created", at: "2026-03-31T13:00:00.000Z" },
      { kind: "status", at: "2026-04-01T12:01:00.000Z", from: "new", status: "in-progress", by: alice.email, note: "Appel prévu jeudi" },
      { kind: "status", at: "2026-04-01T12:02:00.000Z", from: "in-progress", status: "answered", by: bob.email },
      { kind: "status", at: "2026-04-01T12:03:00.000Z", from: "answered", status: "closed", by: alice.email, note: "Entente signée" },
    ]);
    expect(r.view.submission.revision).toBe(3);
    // The stored item moved to the closed list of its type (the index key follows the status).
    const item = (await db.items()).find((i) => i.reference === reference);
    expect(item?.typeStatus).toBe("adviser-request#closed");
  });

  it("refuses transitions outside the table (422) and leaves the record untouched", async () => {
    expect(canTransition("new", "in-progress")).toBe(true);
    expect(canTransition("in-progress", "new")).toBe(false);
    for (const from of Object.keys(transitions) as Array<keyof typeof transitions>) {
      expect(transitions[from]).not.toContain(from);
      expect(transitions[from]).not.toContain("new");
    }
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-31T14:00:00Z"));
    for (const status of ["new"]) {
      const r = await patch(reference, { status });
      expect(r.status).toBe(422);
      expect(r.view.errors?.[0]).toEqual({ field: "status", code: "invalid_transition" });
    }
    expect((await patch(reference, { status: "closed" })).status).toBe(200);
    expect((await patch(reference, { status: "answered" })).status).toBe(422);
    expect((await patch(reference, { status: "in-progress", note: "Rouverte : nouvelle question" })).status).toBe(200);
    const view = await detail(reference);
    expect(view.history.map((e) => e.kind === "status" ? `${e.from}>${e.status}` : e.kind)).toEqual(["created", "new>closed", "closed>in-progress"]);
  });

  it("assigns an adviser, removes the assignment and adds internal notes, each with who and when", async () => {
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-31T15:00:00Z"));
    tick(1);
    const t1 = clock.toISOString();
    let r = await patch(reference, { assignee: "Marie Gagnon" });
    expect(r.status).toBe(200);
    expect(r.view.submission.assignee).toBe("Marie Gagnon");
    tick(1);
    const t2 = clock.toISOString();
    r = await patch(reference, { note: "  Client existant.\r\nVoir le dossier 2025.  " }, bob);
    expect(r.status).toBe(200);
    tick(1);
    const t3 = clock.toISOString();
    r = await patch(reference, { assignee: "Marie Gagnon" });
    expect(r.status).toBe(200);
    expect(r.view.submission.revision).toBe(2); // same assignee: nothing recorded
    r = await patch(reference, { assignee: "" });
    expect(r.status).toBe(200);
    expect(r.view.submission.assignee).toBeUndefined();
    expect(r.view.history.slice(1)).toEqual([
      { kind: "assign", at: t1, by: alice.email, assignee: "Marie Gagnon" },
      { kind: "note", at: t2, by: bob.email, note: "Client existant.\nVoir le dossier 2025." },
      { kind: "assign", at: t3, by: alice.email, assignee: "" },
    ]);
    expect(r.view.submission.status).toBe("new");
  });

  it("records who by subject when the token has no email", async () => {
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-31T16:00:00Z"));
    const result = await update(adminEvent("PATCH", `/api/admin/submissions/${reference}`, { reference, body: { note: "x" }, claims: { sub: "abc-123" } }));
    expect(result.statusCode).toBe(200);
    expect((JSON.parse(result.body) as View).history[1]).toMatchObject({ kind: "note", by: "abc-123" });
  });

  it("a change made with the command line follows the inbox's rules and is seen by it (revision, transitions, author)", async () => {
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-31T17:00:00Z"));
    const cli = async (...args: string[]) => {
      let out = "";
      const code = await cliRun([...args, "--endpoint", db.endpoint], (t) => (out += t));
      return { code, out };
    };
    const before = await detail(reference);
    expect(await cli("set-status", reference, "in-progress", "--note", "Par téléphone")).toMatchObject({ code: 0 });
    const view = await detail(reference);
    expect(view.history[1]).toMatchObject({ kind: "status", from: "new", status: "in-progress", note: "Par téléphone" });
    expect(String((view.history[1] as { by?: string }).by)).toMatch(/^cli:/);
    // The inbox, holding the revision it loaded before, now gets a conflict instead of overwriting the change.
    const stale = await patch(reference, { status: "closed", revision: before.submission.revision }, alice);
    expect(stale.status).toBe(409);
    // The command line refuses what the inbox refuses.
    expect(await cli("set-status", reference, "new")).toMatchObject({ code: 1, out: expect.stringContaining("cannot go from in-progress to new") });
  });

  it("never loses an entry when two people act at once: a stale revision is a 409 with the fresh record", async () => {
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-31T18:00:00Z"));
    const [one, two] = await Promise.all([
      patch(reference, { status: "in-progress", note: "Je m'en occupe", revision: 0 }, alice),
      patch(reference, { status: "closed", note: "Doublon", revision: 0 }, bob),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const loser = one.status === 409 ? one : two;
    const winner = one.status === 200 ? one : two;
    expect(loser.view.errors?.[0]?.code).toBe("conflict");
    expect(loser.view.submission).toEqual(winner.view.submission);
    const view = await detail(reference);
    expect(view.history).toHaveLength(2);
    expect(view.submission.revision).toBe(1);

    // Without a revision, simultaneous notes are both kept (a lost race is retried on the fresh record).
    const notes = await Promise.all(["un", "deux", "trois"].map((note, i) => patch(reference, { note }, i % 2 ? bob : alice)));
    expect(notes.map((n) => n.status)).toEqual([200, 200, 200]);
    const after = await detail(reference);
    expect(after.history.filter((e) => e.kind === "note").map((e) => e.note).sort()).toEqual(["deux", "trois", "un"]);
    expect(after.submission.revision).toBe(4);
  });

  it("validates the request (400, 415, 404)", async () => {
    const reference = await seed(db.endpoint, "inquiry", new Date("2026-03-31T19:00:00Z"));
    const cases: Array<[unknown, string | null, string]> = [
      [{}, null, "empty"],
      [{ note: "   " }, null, "empty"],
      [{ status: "done" }, "status", "invalid"],
      [{ note: "x".repeat(2001) }, "note", "too_long"],
      [{ assignee: 12 }, "assignee", "invalid"],
      [{ note: "x", revision: -1 }, "revision", "invalid"],
      [{ note: "x", extra: true }, "extra", "invalid"],
      [[1, 2], null, "invalid"],
    ];
    for (const [body, field, code] of cases) {
      const r = await patch(reference, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.view.errors?.[0]).toEqual({ field, code });
    }
    expect((await update(adminEvent("PATCH", `/x/${reference}`, { reference, body: "{not json" }))).statusCode).toBe(400);
    const form = adminEvent("PATCH", `/x/${reference}`, { reference, body: "note=x" });
    form.headers["content-type"] = "application/x-www-form-urlencoded";
    expect((await update(form)).statusCode).toBe(415);
    expect((await patch("INF-2345-6789", { note: "x" })).status).toBe(404);
    expect((await detail(reference)).submission.revision).toBe(0);
  });
});

describe("new-submission notification", () => {
  it("writes one .eml per message to the outbox with the reference and the inbox link, no personal data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outbox-"));
    try {
      const logs: LogEntry[] = [];
      const settings = notifySettingsFromEnv({ OUTBOX_DIR: dir, NOTIFY_EMAIL: "dev-affaires@example.ca", SITE_ORIGIN: "https://services.example.ca" });
      const outcome = await notifyNewSubmission({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "2026-04-01T12:00:00.000Z" }, settings, (e) => logs.push(e));
      expect(outcome).toBe("sent");
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/INF-ABCD-EFGH\.eml$/);
      const eml = readFileSync(join(dir, files[0] as string), "utf8");
      expect(eml).toContain("To: dev-affaires@example.ca");
      const subject = /^Subject: (.*)$/m.exec(eml)?.[1] ?? "";
      const decoded = subject.replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
      expect(decoded).toContain("INF-ABCD-EFGH");
      expect(eml).toContain("Content-Type: text/plain; charset=utf-8");
      expect(eml).toContain("https://services.example.ca/fr/boite-de-reception/?ref=INF-ABCD-EFGH");
      expect(eml).toContain("https://services.example.ca/en/inbox/?ref=INF-ABCD-EFGH");
      expect(logs).toEqual([{ event: "notification", type: "inquiry", reference: "INF-ABCD-EFGH", outcome: "sent:outbox" }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("holds only the reference, the type and the link", () => {
    const message = composeNotice({ reference: "CON-ABCD-EFGH", type: "adviser-request", createdAt: "2026-04-01T12:00:00.000Z" }, { siteOrigin: "", to: "a@b.ca", from: "c@d.ca" });
    const withoutKnown = message.text
      .replaceAll("CON-ABCD-EFGH", "")
      .replace(/\/(fr|en)\/[a-z-]+\/\?ref=/g, "");
    expect(withoutKnown).not.toMatch(/@|\d{3}/);
    expect(message.subject).toContain("CON-ABCD-EFGH");
  });

  it("never throws: a failed delivery is logged by reference and the caller carries on", async () => {
    const failing: Notifier = { kind: "ses", send: async () => { throw new Error("boom"); } };
    const logs: LogEntry[] = [];
    const outcome = await notifyNewSubmission({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "x" }, { notifier: failing, to: "a@b.ca", from: "c@d.ca", siteOrigin: "https://services.example.ca" }, (e) => logs.push(e));
    expect(outcome).toBe("failed");
    // Retried once (issue 14), then logged as failed.
    expect(logs.map((l) => l.outcome)).toEqual(["retrying", "failed"]);
    expect(logs[1]).toMatchObject({ reference: "INF-ABCD-EFGH", outcome: "failed", error: "Error" });
    expect(await notifyNewSubmission({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "x" }, notifySettingsFromEnv({}), quiet)).toBe("skipped");
    expect(notifySettingsFromEnv({ NOTIFY_EMAIL: "a@b.ca", NOTIFICATION_SENDER: "site@b.ca" })?.notifier?.kind).toBe("ses");
  });

  it("an outbox message file name is never overwritten", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outbox-"));
    try {
      const fixed = new Date("2026-04-01T12:00:00Z");
      const notifier = outboxNotifier(dir, () => fixed);
      const message = composeNotice({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "" }, { siteOrigin: "", to: "a@b.ca", from: "c@d.ca" });
      await notifier.send(message);
      await expect(notifier.send(message)).rejects.toThrow();
      expect(readdirSync(dir)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
