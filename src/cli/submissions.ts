/**
 * `npm run submissions -- <command>`: business development's tool for the stored submissions.
 *
 *   list [--type T] [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|json|csv]
 *   show REF [--format text|json]
 *   set-status REF STATUS [--note "…"]
 *   export [--lang fr|en] [--type T] [--status S] [--from …] [--to …] [--out FILE]
 *
 * Where the data is:
 *   - by default the local store of `npm start` (.data/, or --data DIR): when the server runs, its
 *     dynalite (named in .data/dynamodb-endpoint.json) is used; otherwise the CLI starts dynalite on
 *     the same files for the duration of the command (LevelDB allows one process at a time);
 *   - --endpoint URL: any DynamoDB-compatible endpoint;
 *   - --table NAME [--region R]: a deployed table, with your own AWS credentials (profile, SSO, env).
 * --from and --to are Québec calendar days, --to included (the whole day), as in the inbox; times are shown in Québec time.
 */
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ListTablesCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamoClient } from "../lib/submissions/dynamo.ts";
import { normaliseReference } from "../lib/submissions/reference.ts";
import { userInfo } from "node:os";
import { isStatus, listAll, type ListFilter, type Submission } from "../lib/submissions/store.ts";
import { applyAction, getRecord } from "../lib/submissions/workflow.ts";
import { historyOf, isExpired, type AdminRecord, type HistoryEvent } from "../lib/submissions/record.ts";
import { localTableNames } from "../lib/submissions/tables.ts";
import { isCalendarDate } from "../lib/sla/civil.ts";
import { quebecWallClock } from "../lib/sla/quebec-time.ts";
// The inbox's own Québec-day arithmetic, so that the CLI and the inbox filter the same days.
import { BadRequest, streamRecords, parseFilter as parseInboxFilter, quebecDayRange, type InboxFilter } from "../lib/submissions/queries.ts";
import { formTypes, statuses, type FormType } from "../lib/forms/fields.ts";
import { csvWriter, quebecTime } from "../lib/forms/export.ts"; // inbox (issue 7)
import { ensureTables, startDynalite } from "../server/dynalite.ts";
import { ENDPOINT_FILE } from "../server/start.ts";

export const USAGE = `Usage: npm run submissions -- <command> [options]

Commands:
  list          [--type adviser-request|inquiry] [--status new|in-progress|answered|closed]
                [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|json|csv]
  show REF      [--format text|json]
  set-status REF STATUS [--note "text"]
  export        CSV for a spreadsheet (UTF-8 with BOM; fr-CA with ";" by default, --lang en for ",")
                [--lang fr|en] [--out FILE] and the filters of list

Where:
  (default)     the local store of npm start (.data/; --data DIR)
  --endpoint U  a DynamoDB-compatible endpoint
  --table NAME  a deployed table (your AWS credentials), with --region R`;

export class UsageError extends Error {}

/** An operator waits for a large export: a 1 MB page may take seconds, unlike a form's single item. */
const CLI_REQUEST_TIMEOUT_MS = 30_000;

interface Store {
  db: DynamoDBClient;
  table: string;
  close: () => Promise<void>;
}

async function alive(endpoint: string): Promise<boolean> {
  try {
    await dynamoClient({ endpoint, region: "local", requestTimeoutMs: CLI_REQUEST_TIMEOUT_MS }).send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  }
}

export async function openStore(options: { table?: string; region?: string; endpoint?: string; data?: string }): Promise<Store> {
  if (options.table) {
    return { db: dynamoClient({ ...(options.region ? { region: options.region } : {}), requestTimeoutMs: CLI_REQUEST_TIMEOUT_MS }), table: options.table, close: async () => {} };
  }
  if (options.endpoint) {
    return { db: dynamoClient({ endpoint: options.endpoint, region: "local", requestTimeoutMs: CLI_REQUEST_TIMEOUT_MS }), table: localTableNames.submissions, close: async () => {} };
  }
  const dataDir = resolve(options.data ?? ".data");
  const file = join(dataDir, ENDPOINT_FILE);
  if (existsSync(file)) {
    const { endpoint } = JSON.parse(readFileSync(file, "utf8")) as { endpoint: string };
    if (await alive(endpoint)) return { db: dynamoClient({ endpoint, region: "local", requestTimeoutMs: CLI_REQUEST_TIMEOUT_MS }), table: localTableNames.submissions, close: async () => {} };
  }
  let local;
  try {
    local = await startDynalite({ path: join(dataDir, "dynamodb") });
  } catch (error) {
    throw new Error(`Cannot open the local store in ${dataDir} (${(error as Error).message}). Is another process using it?`);
  }
  await ensureTables(local.endpoint, localTableNames);
  return { db: dynamoClient({ endpoint: local.endpoint, region: "local", requestTimeoutMs: CLI_REQUEST_TIMEOUT_MS }), table: localTableNames.submissions, close: local.close };
}

/** Submissions matching the filter, without those past their retention date (as in the inbox). */
async function listCurrent(db: Parameters<typeof listAll>[0], table: string, filter: ListFilter): Promise<Submission[]> {
  const now = new Date();
  return (await listAll(db, table, filter)).filter((s) => !isExpired(s, now));
}

export function parseFilter(values: Record<string, string | boolean | undefined>): ListFilter {
  const filter: ListFilter = {};
  const type = values.type as string | undefined;
  if (type !== undefined) {
    if (!(formTypes as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${formTypes.join(", ")}`);
    filter.type = type as FormType;
  }
  const status = values.status as string | undefined;
  if (status !== undefined) {
    if (!isStatus(status)) throw new UsageError(`--status must be one of ${statuses.join(", ")}`);
    filter.status = status;
  }
  const days: { from?: string; to?: string } = {};
  for (const bound of ["from", "to"] as const) {
    const value = values[bound] as string | undefined;
    if (value === undefined) continue;
    // A real calendar date only: --from 2026-02-30 is a usage error (exit 2), as in the inbox's filter.
    if (!isCalendarDate(value)) throw new UsageError(`--${bound} must be a calendar date YYYY-MM-DD, got "${value}"`);
    days[bound] = value;
  }
  if (days.from && days.to && days.from > days.to) throw new UsageError("--to must not be before --from");
  // The store compares ISO instants: Québec days, from 00:00 (EST or EDT) of --from to 00:00 after --to.
  const range = quebecDayRange(days);
  if (range.from) filter.from = range.from;
  if (range.toExclusive) filter.to = range.toExclusive;
  return filter;
}

// inbox (issue 7): the CSV code moved to src/lib/forms/export.ts (shared with the inbox's Lambda); same exports.
export { csvCell, toCsv } from "../lib/forms/export.ts";

/**
 * The inbox's filter for the same options (every status unless one is given), so that the CSV is the
 * file the inbox exports: the same records (with adviser, notes and authors), in the same order.
 */
export function inboxFilterOf(values: Record<string, string | boolean | undefined>): InboxFilter {
  const params = new URLSearchParams({ status: typeof values.status === "string" ? values.status : "all" });
  for (const key of ["type", "from", "to"] as const) if (typeof values[key] === "string") params.set(key, values[key] as string);
  try {
    return parseInboxFilter(params);
  } catch (error) {
    if (error instanceof BadRequest) throw new UsageError(error.field === "to" ? "--to must not be before --from" : `--${error.field} is not valid`);
    throw error;
  }
}

/** The export's lines, read and written one page at a time (never the whole table in memory). */
async function* exportLines(store: Store, values: Record<string, string | boolean | undefined>, lang: "fr" | "en"): AsyncGenerator<string> {
  const writer = csvWriter(lang);
  yield writer.header;
  for await (const record of streamRecords({ db: store.db, table: store.table, now: new Date() }, inboxFilterOf(values))) yield writer.row(record);
}

function table(submissions: Submission[]): string {
  const rows = [["REFERENCE", "TYPE", "STATUS", "RECEIVED (QC)", "LANG", "ORGANISATION"]];
  for (const s of submissions) rows.push([s.reference, s.type, s.status, quebecTime(s.createdAt), s.lang, String(s.answers.organisation ?? "")]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + `\n${submissions.length} submission(s)\n`;
}

/**
 * One history event on a line (Québec time), with who, and the note it carries on the next line.
 * @example historyLine({ kind: "assign", at: "2026-12-01T14:30:00Z", by: "dana@x", assignee: "Marie" })
 * // "  2026-12-01 09:30  assigned to Marie  (by dana@x)"
 */
export function historyLine(event: HistoryEvent): string {
  const by = "by" in event && event.by ? `  (by ${event.by})` : event.kind === "status" ? "  (command line)" : "";
  const head = `  ${quebecTime(event.at)}  `;
  const note = (text: string) => `\n${" ".repeat(head.length)}${text.replace(/\r?\n/g, `\n${" ".repeat(head.length)}`)}`;
  switch (event.kind) {
    case "created":
      return `${head}received`;
    case "status":
      return `${head}status ${event.from} → ${event.status}${by}${event.note ? note(`note: ${event.note}`) : ""}`;
    case "note":
      return `${head}internal note${by}${note(event.note)}`;
    case "assign":
      return `${head}${event.assignee ? `assigned to ${event.assignee}` : "assignment removed"}${by}`;
  }
}

function describe(s: AdminRecord): string {
  const lines = [
    `${s.reference}  (${s.type})`,
    `status:     ${s.status}`,
    `adviser:    ${s.assignee ?? "(none)"}`,
    `received:   ${quebecTime(s.createdAt)} (Québec time)`,
    `language:   ${s.lang}    from: ${s.source}`,
    `deleted on: ${quebecWallClock(new Date(s.expiresAt * 1000)).date} (retention)`,
    "",
    ...Object.entries(s.answers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`),
    "",
    "history (Québec time, oldest first):",
    ...historyOf(s).map(historyLine),
  ];
  return `${lines.join("\n")}\n`;
}

/** Where a command's text goes: each call may wait (a stream's backpressure) before the next. */
export type Output = (text: string) => unknown;

/**
 * Writes to a stream as fast as it drains: a pipe (`| wc -c`, `| head`) never holds more than one chunk
 * in memory, and nothing is left unwritten when the command ends.
 */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  return (text) =>
    new Promise<void>((done, fail) => {
      const onError = (error: Error) => fail(error);
      stream.once("error", onError);
      const flushed = stream.write(text, () => {
        stream.off("error", onError);
        if (flushed) done();
      });
      if (!flushed) stream.once("drain", () => done());
    });
}

/** Writes every line, waiting for each one the destination accepts. */
async function writeAll(lines: Iterable<string> | AsyncIterable<string>, output: Output): Promise<void> {
  let batch = "";
  for await (const line of lines) {
    batch += line;
    if (batch.length >= 64 * 1024) {
      await output(batch);
      batch = "";
    }
  }
  if (batch) await output(batch);
}

/** Runs one command, writing through `output`; resolves with the exit code. Exported for the tests. */
export async function run(argv: string[], output: Output = streamOutput(process.stdout)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: "string" }, status: { type: "string" }, from: { type: "string" }, to: { type: "string" },
      format: { type: "string" }, lang: { type: "string" }, note: { type: "string" }, out: { type: "string" },
      table: { type: "string" }, region: { type: "string" }, endpoint: { type: "string" }, data: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    await output(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  if (!["list", "show", "set-status", "export"].includes(command)) throw new UsageError(`Unknown command "${command}"`);
  const filter = command === "list" || command === "export" ? parseFilter(values) : {};
  const lang = (values.lang ?? "fr") as string;
  if (lang !== "fr" && lang !== "en") throw new UsageError("--lang must be fr or en");

  const store = await openStore(values);
  try {
    if (command === "list") {
      const format = values.format ?? "table";
      const found = await listCurrent(store.db, store.table, filter);
      if (format === "json") await writeAll(jsonLines(found), output);
      else if (format === "csv") await writeAll(exportLines(store, values, lang), output);
      else if (format === "table") await output(table(found));
      else throw new UsageError("--format must be table, json or csv");
      return 0;
    }
    if (command === "export") {
      // Rows are written as they are made, to the file or to standard output, at the pace it drains.
      const lines = exportLines(store, values, lang);
      if (values.out) {
        const file = createWriteStream(values.out);
        await writeAll(lines, streamOutput(file));
        await new Promise<void>((done, fail) => file.end((error?: Error | null) => (error ? fail(error) : done())));
        await output(`Wrote ${values.out}\n`);
      } else {
        await writeAll(lines, output);
      }
      return 0;
    }
    const reference = normaliseReference(rest[0] ?? "");
    if (!reference) throw new UsageError(`"${rest[0] ?? ""}" is not a reference (e.g. INF-7K3M-9QXR)`);
    if (command === "show") {
      const found = await getRecord({ db: store.db, table: store.table, now: new Date() }, reference);
      // Past its retention date a record is gone for every reader, even before DynamoDB's TTL deletes it.
      if (!found || isExpired(found, new Date())) {
        await output(`No submission ${reference}\n`);
        return 1;
      }
      await output(values.format === "json" ? `${JSON.stringify({ ...found, history: historyOf(found) }, null, 2)}\n` : describe(found));
      return 0;
    }
    const status = rest[1] ?? "";
    if (!isStatus(status)) throw new UsageError(`STATUS must be one of ${statuses.join(", ")}`);
    // The inbox's own path: allowed transitions, the revision that lets the inbox detect the change,
    // the retention date, and the author (the operating-system account, marked as the command line).
    const result = await applyAction(
      { db: store.db, table: store.table, now: new Date() },
      { reference, action: { status, ...(values.note ? { note: values.note } : {}) }, actor: { sub: `cli:${userInfo().username}` } },
    );
    switch (result.outcome) {
      case "updated":
      case "unchanged":
        await output(`${reference}: ${result.record.status}\n`);
        return 0;
      case "not_found":
        await output(`No submission ${reference}\n`);
        return 1;
      case "invalid_transition":
        await output(`${reference}: cannot go from ${result.record.status} to ${status}\n`);
        return 1;
      case "conflict":
        await output(`${reference}: changed by someone else meanwhile; try again\n`);
        return 1;
    }
  } finally {
    await store.close();
  }
}

/** The JSON list, one element at a time (the same text as JSON.stringify(list, null, 2)). */
function* jsonLines(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield "[]\n";
    return;
  }
  yield "[\n";
  for (const [index, item] of items.entries()) {
    yield `  ${JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}${index < items.length - 1 ? "," : ""}\n`;
  }
  yield "]\n";
}

if (import.meta.main) {
  // The exit code is set, never forced with process.exit(): Node leaves once standard output has drained,
  // so a pipe (`export | wc -c`) receives every byte. A reader that stops early (`| head`) ends the
  // command quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  run(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: Error) => {
      if ((error as NodeJS.ErrnoException).code === "EPIPE") return;
      process.stderr.write(`${error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `Error: ${error.message}`}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    });
}
