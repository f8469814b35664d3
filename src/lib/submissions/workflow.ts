/**
 * Inbox actions on one submission — change its status, assign an adviser, add an internal note —
 * each recorded with who did it and when, in one conditional UpdateItem: the write succeeds only if
 * the item is still the one that was read (same revision, same status, not expired), so two people
 * acting at once never lose each other's history; the second one gets a conflict and the fresh record.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetItemCommand, UpdateItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { statuses, type Status } from "../forms/fields.ts";
import { MAX_ASSIGNEE_LENGTH, MAX_NOTE_LENGTH } from "./api.ts";
import { marshal, type Plain } from "./dynamo.ts";
import { actorLabel, isExpired, toAdminRecord, type Actor, type ActivityEntry, type AdminRecord, type StatusEntry } from "./record.ts";

/**
 * Allowed status changes. The usual path is new → in-progress → answered → closed; a quick answer
 * may skip « in progress », anything may be closed (spam, duplicate), and a closed or answered
 * submission may be reopened when the organisation writes back.
 */
export const transitions: Record<Status, readonly Status[]> = {
  new: ["in-progress", "answered", "closed"],
  "in-progress": ["answered", "closed"],
  answered: ["closed", "in-progress"],
  closed: ["in-progress"],
};

export function canTransition(from: Status, to: Status): boolean {
  return transitions[from].includes(to);
}

export { MAX_ASSIGNEE_LENGTH, MAX_NOTE_LENGTH };

export interface Action {
  status?: Status;
  /** With a status: the note of that change; alone: an internal note. */
  note?: string;
  /** The adviser assigned (a name or an email); "" removes the assignment. */
  assignee?: string;
  /** The revision the person saw; a different current revision is a conflict. */
  revision?: number;
}

export type ActionError = { field: string | null; code: "invalid" | "too_long" | "required" | "empty" };

/** Reads and checks a PATCH body. Control characters other than line breaks are removed from texts. */
export function parseAction(body: unknown): { ok: true; action: Action } | { ok: false; errors: ActionError[] } {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { ok: false, errors: [{ field: null, code: "invalid" }] };
  const input = body as Record<string, unknown>;
  const errors: ActionError[] = [];
  const action: Action = {};
  for (const key of Object.keys(input)) {
    if (!["status", "note", "assignee", "revision"].includes(key)) errors.push({ field: key, code: "invalid" });
  }
  if (input.status !== undefined) {
    if (typeof input.status === "string" && (statuses as readonly string[]).includes(input.status)) action.status = input.status as Status;
    else errors.push({ field: "status", code: "invalid" });
  }
  const clean = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "").trim();
  if (input.note !== undefined) {
    if (typeof input.note !== "string") errors.push({ field: "note", code: "invalid" });
    else {
      const note = clean(input.note);
      if (note.length > MAX_NOTE_LENGTH) errors.push({ field: "note", code: "too_long" });
      else if (note !== "") action.note = note;
    }
  }
  if (input.assignee !== undefined) {
    if (typeof input.assignee !== "string" && input.assignee !== null) errors.push({ field: "assignee", code: "invalid" });
    else {
      const assignee = clean(input.assignee ?? "").replace(/\s+/g, " ");
      if (assignee.length > MAX_ASSIGNEE_LENGTH) errors.push({ field: "assignee", code: "too_long" });
      else action.assignee = assignee;
    }
  }
  if (input.revision !== undefined) {
    if (typeof input.revision === "number" && Number.isInteger(input.revision) && input.revision >= 0) action.revision = input.revision;
    else errors.push({ field: "revision", code: "invalid" });
  }
  if (errors.length === 0 && action.status === undefined && action.note === undefined && action.assignee === undefined) {
    errors.push({ field: null, code: "empty" });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, action };
}

export type ActionResult =
  | { outcome: "updated"; record: AdminRecord }
  | { outcome: "not_found" }
  | { outcome: "conflict"; record: AdminRecord }
  | { outcome: "invalid_transition"; record: AdminRecord }
  | { outcome: "unchanged"; record: AdminRecord };

/** Where and when an inbox action runs: the client, the table, the moment. */
export interface StoreContext {
  db: DynamoDBClient;
  table: string;
  now: Date;
}

/** One inbox action by one person on one submission. */
export interface Change {
  reference: string;
  action: Action;
  actor: Actor;
}

/** A submission by reference, unless it does not exist or its retention date has passed. */
export async function getRecord({ db, table, now }: StoreContext, reference: string): Promise<AdminRecord | undefined> {
  const result = await db.send(new GetItemCommand({ TableName: table, Key: { reference: { S: reference } }, ConsistentRead: true }));
  if (!result.Item) return undefined;
  const record = toAdminRecord(result.Item);
  return isExpired(record, now) ? undefined : record;
}

/** Applies one action for one person. Throws only the database's errors (the handler answers 503). */
export async function applyAction(store: StoreContext, change: Change): Promise<ActionResult> {
  // Without a revision from the person, a lost race is retried on the fresh record (the transition is
  // checked again); with one, the person decides: conflict.
  for (let attempt = 0; ; attempt++) {
    const result = await applyOnce(store, change);
    if (result.outcome !== "conflict" || change.action.revision !== undefined || attempt >= 2) return result;
  }
}

async function applyOnce(store: StoreContext, { reference, action, actor }: Change): Promise<ActionResult> {
  const { db, table, now } = store;
  const current = await getRecord(store, reference);
  if (!current) return { outcome: "not_found" };
  if (action.revision !== undefined && action.revision !== current.revision) return { outcome: "conflict", record: current };
  if (action.status !== undefined && !canTransition(current.status, action.status)) return { outcome: "invalid_transition", record: current };

  const at = now.toISOString();
  const by = actorLabel(actor);
  const sets: string[] = ["revision = :next", "updatedAt = :at"];
  const removes: string[] = [];
  const names: Record<string, string> = { "#r": "reference", "#s": "status" };
  const values: Record<string, AttributeValue> = {
    ":next": { N: String(current.revision + 1) },
    ":at": { S: at },
    ":now": { N: String(Math.floor(now.getTime() / 1000)) },
    ":from": { S: current.status },
    ":empty": { L: [] },
  };
  const activity: ActivityEntry[] = [];

  if (action.status !== undefined) {
    const entry: StatusEntry = { status: action.status, at, by, bySub: actor.sub, ...(action.note ? { note: action.note } : {}) };
    sets.push("#s = :s", "typeStatus = :ts", "statusHistory = list_append(if_not_exists(statusHistory, :empty), :sh)");
    values[":s"] = { S: action.status };
    values[":ts"] = { S: `${current.type}#${action.status}` };
    values[":sh"] = marshal([entry as unknown as Plain]);
  } else if (action.note !== undefined) {
    activity.push({ kind: "note", at, by, bySub: actor.sub, note: action.note });
  }
  if (action.assignee !== undefined && action.assignee !== (current.assignee ?? "")) {
    activity.push({ kind: "assign", at, by, bySub: actor.sub, assignee: action.assignee });
    if (action.assignee === "") removes.push("assignee");
    else {
      sets.push("assignee = :as");
      values[":as"] = { S: action.assignee };
    }
  }
  if (action.status === undefined && activity.length === 0) return { outcome: "unchanged", record: current };
  if (activity.length > 0) {
    sets.push("activity = list_append(if_not_exists(activity, :empty), :act)");
    values[":act"] = marshal(activity as unknown as Plain);
  }

  const revisionCondition = current.revision === 0 ? "attribute_not_exists(revision)" : "revision = :rev";
  if (current.revision !== 0) values[":rev"] = { N: String(current.revision) };
  try {
    const result = await db.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { reference: { S: reference } },
        UpdateExpression: `SET ${sets.join(", ")}${removes.length > 0 ? ` REMOVE ${removes.join(", ")}` : ""}`,
        ConditionExpression: `attribute_exists(#r) AND expiresAt > :now AND #s = :from AND ${revisionCondition}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return { outcome: "updated", record: toAdminRecord(result.Attributes ?? {}) };
  } catch (error) {
    if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    // Someone acted in between (or the record just expired): the person gets the fresh record.
    const fresh = await getRecord(store, reference);
    return fresh ? { outcome: "conflict", record: fresh } : { outcome: "not_found" };
  }
}
