/**
 * A submission as the inbox sees it: the stored submission (src/lib/submissions/store.ts) plus what the
 * inbox adds to the same item — the adviser assigned, the internal notes and assignments
 * (`activity`), who changed each status (`by` in `statusHistory`) and a revision number for
 * optimistic concurrency — and its history as one list, oldest first.
 */
import type { Status } from "../forms/fields.ts";
import { unmarshalItem, type Item, type Plain } from "./dynamo.ts";
import { toSubmission, type Submission } from "./store.ts";
import type { HistoryEvent, Summary } from "./api.ts";

export type { HistoryEvent, Summary };

/** Who made a request: the token's subject, and its email when the token carries one. */
export interface Actor {
  sub: string;
  email?: string;
}

/** How an actor is shown in the history: the email when known, else the subject. */
export function actorLabel(actor: Actor): string {
  return actor.email ?? actor.sub;
}

export interface StatusEntry {
  status: Status;
  at: string;
  note?: string;
  /** Who made the change (email or subject); absent for the creation and for changes made with the CLI. */
  by?: string;
  /** The token's subject of that person (stable even if the email changes). */
  bySub?: string;
}

export interface ActivityEntry {
  kind: "note" | "assign";
  at: string;
  by: string;
  bySub?: string;
  note?: string;
  /** The adviser assigned; "" when the assignment was removed. */
  assignee?: string;
}

export interface AdminRecord extends Omit<Submission, "statusHistory"> {
  statusHistory: StatusEntry[];
  activity: ActivityEntry[];
  assignee?: string;
  /** Incremented by every inbox action; 0 for a submission nobody has touched in the inbox. */
  revision: number;
  updatedAt?: string;
}

export function toAdminRecord(item: Item): AdminRecord {
  const base = toSubmission(item);
  const raw = unmarshalItem(item) as Record<string, Plain>;
  const record: AdminRecord = {
    ...base,
    statusHistory: base.statusHistory as StatusEntry[],
    activity: Array.isArray(raw.activity) ? (raw.activity as unknown as ActivityEntry[]) : [],
    revision: typeof raw.revision === "number" ? raw.revision : 0,
  };
  if (typeof raw.assignee === "string" && raw.assignee !== "") record.assignee = raw.assignee;
  if (typeof raw.updatedAt === "string") record.updatedAt = raw.updatedAt;
  return record;
}

export function summaryOf(record: AdminRecord): Summary {
  const organisation = record.answers.organisation;
  return {
    reference: record.reference,
    type: record.type,
    status: record.status,
    createdAt: record.createdAt,
    organisation: typeof organisation === "string" ? organisation : "",
    ...(record.assignee ? { assignee: record.assignee } : {}),
  };
}

/**
 * Every event of a submission, oldest first: its arrival, each status change (with the status it
 * left), each note and each assignment. Events at the same instant keep their recorded order.
 */
export function historyOf(record: AdminRecord): HistoryEvent[] {
  const events: Array<HistoryEvent & { order: number }> = [];
  let order = 0;
  let previous: Status | undefined;
  for (const entry of record.statusHistory) {
    if (previous === undefined) {
      events.push({ kind: "created", at: entry.at, order: order++ });
    } else {
      events.push({
        kind: "status", at: entry.at, from: previous, status: entry.status, order: order++,
        ...(entry.by ? { by: entry.by } : {}), ...(entry.note ? { note: entry.note } : {}),
      });
    }
    previous = entry.status;
  }
  if (events.length === 0) events.push({ kind: "created", at: record.createdAt, order: order++ });
  for (const entry of record.activity) {
    if (entry.kind === "note" && entry.note) events.push({ kind: "note", at: entry.at, by: entry.by, note: entry.note, order: order++ });
    if (entry.kind === "assign") events.push({ kind: "assign", at: entry.at, by: entry.by, assignee: entry.assignee ?? "", order: order++ });
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  return events.map(({ order: _order, ...event }) => event as HistoryEvent);
}

/** Whether the retention date has passed: such a record is as good as deleted (DynamoDB TTL lags up to days). */
export function isExpired(record: { expiresAt: number }, now: Date): boolean {
  return record.expiresAt <= Math.floor(now.getTime() / 1000);
}
