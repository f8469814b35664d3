/**
 * The inbox list: submissions matching a filter, oldest unanswered first, one page at a time, read
 * with Query on the `byTypeStatus` index (src/lib/submissions/tables.ts) — never a Scan.
 *
 * A filter names statuses, in groups shown one after the other: "open" is one group (new and
 * in progress together, oldest first), "all" is that group then answered and closed, a single
 * status is a group of one. Each group is the union of one index partition per (type, status),
 * each read in ascending `createdRef` order; the page is their merge. The opaque cursor holds the
 * group and the last `createdRef` returned, so the next page restarts every partition after it.
 * Expired records (past `expiresAt`, awaiting TTL) are filtered out by the query itself; the text
 * search on the organisation filters the items the queries return.
 */
import { QueryCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { formTypes, statuses, type FormType, type Status } from "../forms/fields.ts";
import { sha256 } from "./reference.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, STATUS_FILTERS, type StatusFilter } from "./api.ts";
import { summaryOf, toAdminRecord, type AdminRecord, type Summary } from "./record.ts";
import { addDays, isCalendarDate } from "../sla/civil.ts";
import { quebecDayStart } from "../sla/quebec-time.ts";

export { STATUS_FILTERS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, type StatusFilter };

export interface InboxFilter {
  type?: FormType;
  status: StatusFilter;
  /** First day (Québec calendar date YYYY-MM-DD), inclusive. */
  from?: string;
  /** Last day (Québec calendar date YYYY-MM-DD), inclusive. */
  to?: string;
  /** Text the organisation's name must contain (case and accents ignored). */
  q?: string;
}


export class BadRequest extends Error {
  readonly field: string;
  constructor(field: string) {
    super(`Invalid ${field}`);
    this.field = field;
  }
}

/** Reads the filter from query parameters; throws BadRequest naming the first wrong one. */
export function parseFilter(params: URLSearchParams): InboxFilter {
  const filter: InboxFilter = { status: "open" };
  const type = params.get("type") ?? "";
  if (type !== "") {
    if (!(formTypes as readonly string[]).includes(type)) throw new BadRequest("type");
    filter.type = type as FormType;
  }
  const status = params.get("status") ?? "";
  if (status !== "") {
    if (!(STATUS_FILTERS as readonly string[]).includes(status)) throw new BadRequest("status");
    filter.status = status as StatusFilter;
  }
  for (const key of ["from", "to"] as const) {
    const value = params.get(key) ?? "";
    if (value === "") continue;
    if (!isCalendarDate(value)) throw new BadRequest(key);
    filter[key] = value;
  }
  if (filter.from && filter.to && filter.from > filter.to) throw new BadRequest("to");
  const q = (params.get("q") ?? "").trim();
  if (q.length > MAX_QUERY_LENGTH) throw new BadRequest("q");
  if (q !== "") filter.q = q;
  return filter;
}

/** The query string of a filter (what the page sends, and what a cursor is bound to). */
export function filterParams(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.type) params.set("type", filter.type);
  params.set("status", filter.status);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.q) params.set("q", filter.q);
  return params;
}

/**
 * The instants a filter's Québec calendar days cover, as ISO strings: from 00:00 (EST or EDT) of `from` to 00:00
 * of the day after `to`, each bound undefined when the filter has none. The inbox and the CLI both filter this way.
 * @example quebecDayRange({ from: "2026-07-01", to: "2026-07-01" }) // { from: "2026-07-01T04:00:00.000Z", toExclusive: "2026-07-02T04:00:00.000Z" }
 */
export function quebecDayRange(filter: { from?: string; to?: string }): { from?: string; toExclusive?: string } {
  return {
    ...(filter.from ? { from: quebecDayStart(filter.from).toISOString() } : {}),
    ...(filter.to ? { toExclusive: quebecDayStart(addDays(filter.to, 1)).toISOString() } : {}),
  };
}

/** Bounds on `createdRef` ("<ISO instant>#<reference>") for the filter's dates: lo inclusive, hi exclusive. */
export function createdRefBounds(filter: InboxFilter): { lo: string; hi: string } {
  // "#" sorts before every digit, "~" after every character used, so "<instant>" ≤ "<instant>#REF" < "~".
  const range = quebecDayRange(filter);
  const lo = range.from ?? "0";
  const hi = range.toExclusive ?? "~";
  return { lo, hi };
}

/** Groups of statuses, in the order the list shows them. */
export function statusGroups(status: StatusFilter): Status[][] {
  if (status === "open") return [["new", "in-progress"]];
  if (status === "all") return [["new", "in-progress"], ["answered", "closed"]];
  return [[status]];
}

/** Lowercase, without accents or repeated spaces: « Ministère  de l'Économie » ~ « ministere de l'economie ». */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function matchesSearch(record: AdminRecord, q: string | undefined): boolean {
  if (!q) return true;
  const organisation = record.answers.organisation;
  return typeof organisation === "string" && foldText(organisation).includes(foldText(q));
}

interface CursorState {
  /** Index of the status group. */
  g: number;
  /** The last createdRef returned in that group. */
  a?: string;
  /** Fingerprint of the filter the cursor belongs to. */
  f: string;
}

function filterFingerprint(filter: InboxFilter): string {
  return sha256(filterParams(filter).toString()).slice(0, 16);
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

/** Decodes a cursor made for this filter; anything else (tampered, from another filter) is a BadRequest. */
export function decodeCursor(cursor: string, filter: InboxFilter): CursorState {
  let state: unknown;
  try {
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    // Strict: only the exact text encodeCursor produced (base64url decoding ignores stray characters).
    if (Buffer.from(text, "utf8").toString("base64url") !== cursor) throw new BadRequest("cursor");
    state = JSON.parse(text);
  } catch {
    throw new BadRequest("cursor");
  }
  const s = state as Partial<CursorState> | null;
  if (
    !s || typeof s !== "object" || typeof s.g !== "number" || !Number.isInteger(s.g) || s.g < 0 ||
    s.g >= statusGroups(filter.status).length || (s.a !== undefined && typeof s.a !== "string") || s.f !== filterFingerprint(filter)
  ) {
    throw new BadRequest("cursor");
  }
  return { g: s.g, f: s.f, ...(s.a !== undefined ? { a: s.a } : {}) };
}

export interface ListOptions {
  db: DynamoDBClient;
  table: string;
  now: Date;
}

export interface ListPage {
  items: Summary[];
  cursor?: string;
}

interface PartitionRead {
  records: AdminRecord[];
  /** The last createdRef the query evaluated, when the partition has more beyond it. */
  frontier?: string;
}

/** Query calls per partition per page at most: bounds the work a very selective search can cause. */
const MAX_QUERIES_PER_PARTITION = 4;

/**
 * A Query of one (type, status) partition of the `byTypeStatus` index between two createdRef bounds, keeping only
 * records within their retention (the list and the counts read the same rows).
 */
function partitionQuery(
  options: ListOptions,
  partition: string,
  lo: string,
  hi: string,
  startKey: Record<string, AttributeValue> | undefined,
  extra: { ScanIndexForward?: boolean; Limit?: number; Select?: "COUNT" },
): QueryCommand {
  return new QueryCommand({
    TableName: options.table,
    IndexName: "byTypeStatus",
    KeyConditionExpression: "typeStatus = :p AND createdRef BETWEEN :lo AND :hi",
    FilterExpression: "expiresAt > :now",
    ExpressionAttributeValues: {
      ":p": { S: partition },
      ":lo": { S: lo },
      ":hi": { S: hi },
      ":now": { N: String(Math.floor(options.now.getTime() / 1000)) },
    },
    ...extra,
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  });
}

async function readPartition(
  options: ListOptions,
  partition: string,
  lo: string,
  hi: string,
  after: string | undefined,
  need: number,
  q: string | undefined,
): Promise<PartitionRead> {
  const records: AdminRecord[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  for (let i = 0; i < MAX_QUERIES_PER_PARTITION; i++) {
    const result = await options.db.send(
      partitionQuery(options, partition, after && after > lo ? after : lo, hi, startKey, {
        ScanIndexForward: true,
        Limit: Math.min(MAX_PAGE_SIZE + 1, q ? need * 4 + 1 : need + 1),
      }),
    );
    for (const item of result.Items ?? []) {
      const record = toAdminRecord(item);
      const ref = `${record.createdAt}#${record.reference}`;
      if (after !== undefined && ref <= after) continue;
      if (matchesSearch(record, q)) records.push(record);
    }
    startKey = result.LastEvaluatedKey;
    if (!startKey) return { records };
    if (records.length >= need) break;
  }
  return { records, frontier: startKey?.createdRef?.S ?? after ?? lo };
}

const createdRefOf = (record: AdminRecord) => `${record.createdAt}#${record.reference}`;

/**
 * One page of the list. Every partition of the current group is read up to `need` matches; the
 * merge keeps only what lies before the nearest frontier of a partition not read to its end, so
 * no item is ever skipped or repeated across pages. A page may be short when a search is very
 * selective; its cursor then continues where the reading stopped.
 */
export async function listSubmissions(options: ListOptions, filter: InboxFilter, page: { limit?: number; cursor?: string } = {}): Promise<ListPage> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, page.limit ?? DEFAULT_PAGE_SIZE));
  const groups = statusGroups(filter.status);
  const types = filter.type ? [filter.type] : [...formTypes];
  const { lo, hi } = createdRefBounds(filter);
  const fingerprint = filterFingerprint(filter);
  let state: { g: number; a?: string } = page.cursor ? decodeCursor(page.cursor, filter) : { g: 0 };
  const out: AdminRecord[] = [];

  for (let round = 0; round < 4 && out.length < limit && state.g < groups.length; round++) {
    const need = limit - out.length;
    const group = groups[state.g] as Status[];
    const reads = await Promise.all(
      types.flatMap((type) => group.map((status) => readPartition(options, `${type}#${status}`, lo, hi, state.a, need, filter.q))),
    );
    const frontiers = reads.map((r) => r.frontier).filter((f): f is string => f !== undefined);
    const cutoff = frontiers.length > 0 ? frontiers.reduce((a, b) => (a < b ? a : b)) : undefined;
    const candidates = reads
      .flatMap((r) => r.records)
      .filter((record) => cutoff === undefined || createdRefOf(record) <= cutoff)
      .sort((a, b) => (createdRefOf(a) < createdRefOf(b) ? -1 : 1));
    const taken = candidates.slice(0, need);
    out.push(...taken);
    if (candidates.length > need) state = { g: state.g, a: createdRefOf(taken[taken.length - 1] as AdminRecord) };
    else if (cutoff !== undefined) state = { g: state.g, a: cutoff };
    else state = { g: state.g + 1 };
  }
  const more = state.g < groups.length;
  return {
    items: out.map(summaryOf),
    ...(more ? { cursor: encodeCursor({ ...state, f: fingerprint }) } : {}),
  };
}

/** One partition's records in ascending `createdRef` order, a page at a time. */
async function* partitionRecords(options: ListOptions, partition: string, lo: string, hi: string, q: string | undefined): AsyncGenerator<AdminRecord> {
  let after: string | undefined;
  for (;;) {
    const read = await readPartition(options, partition, lo, hi, after, MAX_PAGE_SIZE, q);
    yield* read.records;
    if (read.frontier === undefined) return;
    after = read.frontier;
  }
}

/**
 * Every record matching the filter, in list order, as a stream: each status group is the merge of its
 * partitions (each already in `createdRef` order), so only one page per partition is held at a time —
 * an export of any size is written as it is read.
 */
export async function* streamRecords(options: ListOptions, filter: InboxFilter): AsyncGenerator<AdminRecord> {
  const types = filter.type ? [filter.type] : [...formTypes];
  const { lo, hi } = createdRefBounds(filter);
  for (const group of statusGroups(filter.status)) {
    const heads = await Promise.all(
      types.flatMap((type) => group.map(async (status) => {
        const source = partitionRecords(options, `${type}#${status}`, lo, hi, filter.q);
        const first = await source.next();
        return { source, head: first.done ? undefined : first.value };
      })),
    );
    for (;;) {
      let next: (typeof heads)[number] | undefined;
      for (const candidate of heads) {
        if (candidate.head && (!next?.head || createdRefOf(candidate.head) < createdRefOf(next.head))) next = candidate;
      }
      if (!next?.head) break;
      yield next.head;
      const advanced = await next.source.next();
      next.head = advanced.done ? undefined : advanced.value;
    }
  }
}

/** Every record matching the filter, in list order (the inbox's CSV download); throws RangeError beyond `max`. */
export async function listAllRecords(options: ListOptions, filter: InboxFilter, max: number): Promise<AdminRecord[]> {
  const all: AdminRecord[] = [];
  for await (const record of streamRecords(options, filter)) {
    all.push(record);
    if (all.length > max) throw new RangeError(`More than ${max} submissions match`);
  }
  return all;
}

/**
 * How many submissions of each status match the type and dates (not the text search): one
 * Query with Select COUNT per (type, status) partition, expired records left out.
 */
export async function countByStatus(options: ListOptions, filter: Omit<InboxFilter, "status" | "q">): Promise<Record<Status, number>> {
  const { lo, hi } = createdRefBounds({ ...filter, status: "all" });
  const types = filter.type ? [filter.type] : [...formTypes];
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>;
  await Promise.all(
    statuses.flatMap((status) =>
      types.map(async (type) => {
        let startKey: Record<string, AttributeValue> | undefined;
        do {
          const result = await options.db.send(partitionQuery(options, `${type}#${status}`, lo, hi, startKey, { Select: "COUNT" }));
          counts[status] += result.Count ?? 0;
          startKey = result.LastEvaluatedKey;
        } while (startKey);
      }),
    ),
  );
  return counts;
}
