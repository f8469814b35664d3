import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "../../functions/core/submit.ts";
import { csvCell, parseFilter, run, UsageError } from "../../src/cli/submissions.ts";
import { quebecWallClock } from "../../src/lib/sla/quebec-time.ts";
import { request } from "node:http";
import { hostName, startLocalServer } from "../../src/server/start.ts";
import { key, postEvent, startTestDb, testEnv, validAdviser, validInquiry, type TestDb } from "./support.ts";
import { expectOnlyAbsoluteLinks } from "../support/outbox.ts";

let db: TestDb;
const refs: Record<string, string> = {};
beforeAll(async () => {
  db = await startTestDb();
  const env = testEnv(db.endpoint);
  const inquiry = createHandler("inquiry", { env, log: () => {} });
  const adviser = createHandler("adviser-request", { env, log: () => {} });
  refs.inquiry = JSON.parse((await inquiry(postEvent("/api/inquiries", JSON.stringify({ ...validInquiry, organisation: "=HYPERLINK(\"x\")" }), { headers: { "idempotency-key": key() } }))).body).reference;
  refs.adviser = JSON.parse((await adviser(postEvent("/api/adviser-requests", JSON.stringify(validAdviser), { headers: { "idempotency-key": key() } }))).body).reference;
});
afterAll(async () => {
  await db.cleanup();
});

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run([...args, "--endpoint", db.endpoint], (t) => (out += t));
  return { code, out };
}

describe("npm run submissions", () => {
  it("lists with filters, as a table and as JSON", async () => {
    const all = await cli("list");
    expect(all.code).toBe(0);
    expect(all.out).toContain(refs.inquiry);
    expect(all.out).toContain(refs.adviser);
    expect(all.out).toContain("2 submission(s)");
    const onlyInquiries = JSON.parse((await cli("list", "--type", "inquiry", "--format", "json")).out) as Array<{ reference: string }>;
    expect(onlyInquiries.map((s) => s.reference)).toEqual([refs.inquiry]);
    // Today in Québec: the filters are Québec calendar days (in the evening, UTC is already tomorrow).
    const today = quebecWallClock(new Date()).date;
    expect((await cli("list", "--from", today, "--to", today)).out).toContain("2 submission(s)");
    expect((await cli("list", "--to", "2000-01-01")).out).toContain("0 submission(s)");
  });

  it("shows one submission and changes its status with a note", async () => {
    const shown = await cli("show", refs.adviser!.toLowerCase());
    expect(shown.out).toContain(validAdviser.email);
    expect((await cli("set-status", refs.adviser!, "in-progress", "--note", "Conseiller avisé")).out).toContain("in-progress");
    const listed = JSON.parse((await cli("list", "--status", "in-progress", "--format", "json")).out) as Array<{ reference: string; statusHistory: Array<{ note?: string }> }>;
    expect(listed.map((s) => s.reference)).toEqual([refs.adviser]);
    expect(listed[0]!.statusHistory[1]!.note).toBe("Conseiller avisé");
    expect((await cli("show", "CON-ZZZZ-ZZZZ")).code).toBe(1);
    await expect(cli("set-status", refs.adviser!, "done")).rejects.toThrow(UsageError);
    await expect(cli("list", "--type", "other")).rejects.toThrow(UsageError);
  });

  it("exports CSV with a BOM, ';' in French and ',' in English, formulas neutralised", async () => {
    const fr = (await cli("export")).out;
    expect(fr.startsWith("\ufeffRéférence;Type de demande;")).toBe(true);
    expect(fr).toContain("Demande d'information");
    expect(fr).toContain(`'=HYPERLINK(""x"")`);
    const en = (await cli("export", "--lang", "en")).out;
    expect(en.startsWith("\ufeffReference,Request type,")).toBe(true);
    expect(en.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell("+1 418", ",")).toBe("'+1 418");
  });

  it("works on the local store whether or not npm start is running", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "forms-cli-"));
    try {
      const server = await startLocalServer({ port: 0, dataDir, distDir: dataDir, logs: false });
      const response = await fetch(`${server.url}/api/adviser-requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(validAdviser),
      });
      const { reference } = (await response.json()) as { reference: string };
      let out = "";
      // Server running: the CLI uses its dynalite.
      await run(["list", "--data", dataDir], (t) => (out += t));
      expect(out).toContain(reference);
      await server.close();
      // Server stopped: the CLI opens the same files itself; the data survived.
      out = "";
      await run(["show", reference, "--data", dataDir], (t) => (out += t));
      expect(out).toContain(validAdviser.organisation);
      // The notification and the acknowledgement link absolutely to the local server (issue 14).
      expect(expectOnlyAbsoluteLinks(dataDir, server.url.replace("127.0.0.1", "localhost"))).toHaveLength(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("date filters are Québec calendar days", () => {
  it.each([
    // Winter (EST, UTC−5) and summer (EDT, UTC−4), and the day of each clock change.
    ["2026-01-15", "2026-01-15", "2026-01-15T05:00:00.000Z", "2026-01-16T05:00:00.000Z"],
    ["2026-07-01", "2026-07-31", "2026-07-01T04:00:00.000Z", "2026-08-01T04:00:00.000Z"],
    ["2026-03-08", "2026-03-08", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"],
    ["2026-11-01", "2026-11-01", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"],
  ])("--from %s --to %s covers [%s, %s)", (from, to, lower, upper) => {
    expect(parseFilter({ from, to })).toMatchObject({ from: lower, to: upper });
  });
  it.each([
    [{ from: "22/11/2026" }],
    [{ from: "2026-02-30" }],
    [{ to: "2026-04-31" }],
    [{ from: "2027-02-29" }],
    [{ from: "2026-13-01" }],
    [{ from: "2026-03-10", to: "2026-03-09" }],
  ])("refuses %j with a usage error, before any database is opened", (values) => {
    expect(() => parseFilter(values)).toThrow(UsageError);
  });
  it("answers an impossible date with its usage message and exit code 2", () => {
    const cliPath = fileURLToPath(new URL("../../src/cli/submissions.ts", import.meta.url));
    // The real command, as `npm run submissions -- list --from 2026-02-30` runs it (no database reached).
    const result = spawnSync(process.execPath, [cliPath, "list", "--from", "2026-02-30"], { encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--from must be a calendar date YYYY-MM-DD, got "2026-02-30"');
    expect(result.stderr).toContain("Usage: npm run submissions -- <command> [options]");
    expect(result.stdout).toBe("");
  });
});

describe("the local server answers only to this machine's names (DNS rebinding)", () => {
  it("refuses another host name with 421, before any route, and serves localhost", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "forms-host-"));
    const server = await startLocalServer({ port: 0, dataDir, distDir: dataDir, logs: false });
    const status = (host: string, path: string) =>
      new Promise<number>((done, fail) => {
        const url = new URL(server.url);
        request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        }).on("error", fail).end();
      });
    try {
      const port = new URL(server.url).port;
      for (const path of ["/dev/auth/oauth2/authorize", "/api/admin/submissions", "/inbox-config.json", "/"]) {
        expect(await status(`attacker.example:${port}`, path), path).toBe(421);
      }
      expect(await status(`localhost:${port}`, "/inbox-config.json")).toBe(200);
      expect(await status(`127.0.0.1:${port}`, "/api/admin/submissions")).toBe(401);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  it.each([
    ["localhost:4321", "localhost"],
    ["[::1]:4321", "[::1]"],
    ["127.0.0.1", "127.0.0.1"],
    ["LOCALHOST:80", "localhost"],
    [undefined, ""],
  ])("hostName(%j) is %j", (header, name) => expect(hostName(header)).toBe(name));
});
