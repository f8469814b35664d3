/**
 * Operations never lose data (issue 13): the command line sets its exit code instead of calling
 * process.exit(), waits for standard output to drain and streams the export, so a multi-megabyte export
 * piped through `wc -c` is byte for byte the file `--out` writes, and `| head -c` ends it quietly.
 */
import { exec } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { createSubmission } from "../../src/lib/submissions/store.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { startTestDb, validInquiry, type TestDb } from "./support.ts";

const cli = fileURLToPath(new URL("../../src/cli/submissions.ts", import.meta.url));
const RECORDS = 2400;
let db: TestDb;
let dir: string;

beforeAll(async () => {
  db = await startTestDb();
  dir = mkdtempSync(join(tmpdir(), "cli-stream-"));
  const client = dynamoClient({ endpoint: db.endpoint, region: "local" });
  const message = "Nous aimerions connaître les tarifs de la mobilité cellulaire, « vraiment » ; merci. ".repeat(23).slice(0, 2000);
  const start = Date.parse("2026-03-02T14:00:00Z");
  for (let i = 0; i < RECORDS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, RECORDS - i) }, (_, k) =>
        createSubmission(
          { db: client, table: localTableNames.submissions, now: () => new Date(start + (i + k) * 1000) },
          { type: "inquiry", lang: "fr", source: "/fr/demande-information/", answers: { ...validInquiry, message: `${i + k} ${message}` } as never, seed: `stream-${i + k}` },
        ),
      ),
    );
  }
}, 120_000);

afterAll(async () => {
  await db.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// Asynchronous: the database runs in this process, so a blocking spawn would stop it from answering.
const shell = (command: string) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
    exec(command, { encoding: "utf8", timeout: 120_000, maxBuffer: 1024 * 1024, shell: "/bin/bash" }, (error, stdout, stderr) =>
      done({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

it("a piped export of more than 5 MB has every byte of the --out file, with exit code 0", async () => {
  const out = join(dir, "export.csv");
  const node = JSON.stringify(process.execPath);
  const written = await shell(`${node} ${cli} export --endpoint ${db.endpoint} --out ${out}`);
  expect(written.status, written.stderr).toBe(0);
  const size = statSync(out).size;
  expect(size).toBeGreaterThan(5 * 1024 * 1024);
  const piped = await shell(`set -o pipefail; ${node} ${cli} export --endpoint ${db.endpoint} | wc -c`);
  expect(piped.status, piped.stderr).toBe(0);
  expect(Number(piped.stdout.trim())).toBe(size);
  const rows = readFileSync(out, "utf8").split("\r\n").filter(Boolean);
  expect(rows).toHaveLength(RECORDS + 1);
}, 120_000);

it("list --format json through a pipe is complete JSON", async () => {
  const node = JSON.stringify(process.execPath);
  const piped = await shell(`${node} ${cli} list --endpoint ${db.endpoint} --format json | ${node} -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>console.log(JSON.parse(t).length))'`);
  expect(piped.status, piped.stderr).toBe(0);
  expect(Number(piped.stdout.trim())).toBe(RECORDS);
}, 120_000);

it("a reader that stops early (head -c) ends the export quietly", async () => {
  const node = JSON.stringify(process.execPath);
  const result = await shell(`${node} ${cli} export --endpoint ${db.endpoint} | head -c 1000 | wc -c`);
  expect(result.stdout.split("\n")[0]!.trim()).toBe("1000");
  expect(result.stderr).not.toMatch(/EPIPE|Error/);
}, 120_000);
