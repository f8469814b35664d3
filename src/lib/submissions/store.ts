/**
 * Storage of submissions: one item per submission, written once with a conditional PutItem.
 * Used by the handlers (create), the CLI (get, list, set status) and, later, the admin inbox.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { formTypes, statuses, type FormType, type Status } from "../forms/fields.ts";
import type { Answers } from "../forms/validate.ts";
import { marshalItem, unmarshalItem, type Item, type Plain } from "./dynamo.ts";
import { defaultReferenceGenerator, sha256, type ReferenceGenerator } from "./reference.ts";
import type { TableDefinition } from "./tables.ts";

export interface StatusChange {
  status: Status;
  at: string;
  note?: string;
}

export interface Submission {
  reference: string;
  type: FormType;
  status: Status;
  statusHistory: StatusChange[];
  createdAt: string;
  /** Language of the page the form was sent from. */
  lang: "fr" | "en";
  /** Path of the page the form was sent from. */
  source: string;
  answers: Answers;
  /** Epoch seconds after which DynamoDB deletes the item (retention period). */
  expiresAt: number;
}

export interface NewSubmission {
  type: FormType;
  lang: "fr" | "en";
  source: string;
  answers: Answers;
  /** The Idempotency-Key, or a random value when the client sent none. */
  seed: string;
}

export type CreateResult =
  | { outcome: "created"; reference: string; attempts: number }
  | { outcome: "replayed"; reference: string; attempts: number }
  | { outcome: "conflict"; reference: string; attempts: number };

/** Every attempt collided: only possible with a broken generator (or a test that forces it). */
export class ReferenceExhaustedError extends Error {
  override name = "ReferenceExhaustedError";
}

export const MAX_REFERENCE_ATTEMPTS = 8;

/** The date `months` calendar months after `from`, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** A stable text of the answers, for telling a true retry from a reused key with other answers. */
function payloadHash(input: NewSubmission): string {
  const ordered = Object.fromEntries(Object.entries(input.answers).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(JSON.stringify([input.type, input.lang, ordered]));
}

export function toSubmission(item: Item): Submission {
  const raw = unmarshalItem(item) as Record<string, Plain>;
  return {
    reference: raw.reference as string,
    type: raw.type as FormType,
    status: raw.status as Status,
    statusHistory: (raw.statusHistory ?? []) as unknown as StatusChange[],
    createdAt: raw.createdAt as string,
    lang: raw.lang as "fr" | "en",
    source: raw.source as string,
    answers: (raw.answers ?? {}) as Answers,
    expiresAt: raw.expiresAt as number,
  };
}

export interface StoreOptions {
  db: DynamoDBClient;
  table: string;
  now?: () => Date;
  retentionMonths?: number;
  generateReference?: ReferenceGenerator;
}

/**
 * Stores a submission under a fresh reference, or finds the one an earlier try with the same
 * seed stored. Throws the SDK's error when the database fails (the caller answers 503): since
 * the item is the only write, a failure leaves nothing behind.
 */
export async function createSubmission(options: StoreOptions, input: NewSubmission): Promise<CreateResult> {
  const now = (options.now ?? (() => new Date()))();
  const generate = options.generateReference ?? defaultReferenceGenerator;
  const seedHash = sha256(`${input.type}\n${input.seed}`);
  const hash = payloadHash(input);
  const createdAt = now.toISOString();
  const expiresAt = Math.floor(addMonths(now, options.retentionMonths ?? 24).getTime() / 1000);

  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
    const reference = generate(input.type, input.seed, attempt);
    const item = marshalItem({
      reference,
      type: input.type,
      status: "new",
      typeStatus: `${input.type}#new`,
      createdAt,
      createdRef: `${createdAt}#${reference}`,
      statusHistory: [{ status: "new", at: createdAt }],
      lang: input.lang,
      source: input.source,
      answers: input.answers,
      seedHash,
      payloadHash: hash,
      expiresAt,
    });
    try {
      await options.db.send(
        new PutItemCommand({
          TableName: options.table,
          Item: item,
          ConditionExpression: "attribute_not_exists(#r)",
          ExpressionAttributeNames: { "#r": "reference" },
        }),
      );
      return { outcome: "created", reference, attempts: attempt + 1 };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) && (error as Error).name !== "ConditionalCheckFailedException") throw error;
    }
    // Taken: by an earlier try of this same submission (then answer with it), or by another one.
    const existing = await options.db.send(
      new GetItemCommand({
        TableName: options.table,
        Key: { reference: { S: reference } },
        ConsistentRead: true,
        ProjectionExpression: "seedHash, payloadHash",
      }),
    );
    if (existing.Item?.seedHash?.S === seedHash) {
      const outcome = existing.Item.payloadHash?.S === hash ? "replayed" : "conflict";
      return { outcome, reference, attempts: attempt + 1 };
    }
  }
  throw new ReferenceExhaustedError(`No free reference after ${MAX_REFERENCE_ATTEMPTS} attempts`);
}

export async function getSubmission(db: DynamoDBClient, table: string, reference: string): Promise<Submission | undefined> {
  const result = await db.send(new GetItemCommand({ TableName: table, Key: { reference: { S: reference } }, ConsistentRead: true }));
  return result.Item ? toSubmission(result.Item) : undefined;
}

export interface ListFilter {
  type?: FormType;
  status?: Status;
  /** Inclusive lower bound on the creation instant (ISO 8601, a date alone means its start in UTC). */
  from?: string;
  /** Exclusive upper bound on the creation instant. */
  to?: string;
}

export interface Page {
  items: Submission[];
  /** Opaque cursor for the next page, absent on the last one. */
  cursor?: string;
}

/**
 * One page of one type's submissions, newest first, through an index (never a Scan).
 * With a status, the `byTypeStatus` index; without, `byType`. The cursor is DynamoDB's
 * LastEvaluatedKey, base64url-encoded (for the admin inbox's "next page" links).
 */
export async function listPage(
  db: DynamoDBClient,
  table: string,
  filter: ListFilter & { type: FormType },
  options: { limit?: number; cursor?: string } = {},
): Promise<Page> {
  const index = filter.status ? "byTypeStatus" : "byType";
  const partitionName = filter.status ? "typeStatus" : "type";
  const partitionValue = filter.status ? `${filter.type}#${filter.status}` : filter.type;
  // createdRef = "<ISO instant>#<reference>": "#" sorts before digits, "~" after everything used.
  const lower = filter.from ? filter.from : "0";
  const upper = filter.to ? filter.to : "~";
  const result = await db.send(
    new QueryCommand({
      TableName: table,
      IndexName: index,
      KeyConditionExpression: "#p = :p AND createdRef BETWEEN :lo AND :hi",
      ExpressionAttributeNames: { "#p": partitionName },
      ExpressionAttributeValues: { ":p": { S: partitionValue }, ":lo": { S: lower }, ":hi": { S: upper } },
      ScanIndexForward: false,
      Limit: options.limit ?? 50,
      ...(options.cursor ? { ExclusiveStartKey: JSON.parse(Buffer.from(options.cursor, "base64url").toString("utf8")) as Item } : {}),
    }),
  );
  // The upper bound is exclusive: BETWEEN includes an item created exactly at `to` only as "<to>#…", which sorts after "<to>".
  const items = (result.Items ?? []).map(toSubmission).filter((s) => !filter.to || s.createdAt < filter.to);
  return {
    items,
    ...(result.LastEvaluatedKey ? { cursor: Buffer.from(JSON.stringify(result.LastEvaluatedKey)).toString("base64url") } : {}),
  };
}

/** Every submission matching the filter, newest first (CLI list and export). */
export async function listAll(db: DynamoDBClient, table: string, filter: ListFilter = {}): Promise<Submission[]> {
  const types = filter.type ? [filter.type] : [...formTypes];
  const all: Submission[] = [];
  for (const type of types) {
    let cursor: string | undefined;
    do {
      const page = await listPage(db, table, { ...filter, type }, { limit: 500, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.reference.localeCompare(b.reference)));
}

export function isStatus(value: string): value is Status {
  return (statuses as readonly string[]).includes(value);
}

/** Creates a table from its definition when it does not exist yet (local store; AWS tables come from SST). */
export async function ensureTable(db: DynamoDBClient, name: string, definition: TableDefinition): Promise<"created" | "exists"> {
  try {
    await db.send(new DescribeTableCommand({ TableName: name }));
    return "exists";
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && (error as Error).name !== "ResourceNotFoundException") throw error;
  }
  const keys = [definition.partitionKey, ...(definition.sortKey ? [definition.sortKey] : [])];
  const attributes = new Map<string, "S" | "N">();
  for (const key of [...keys, ...definition.globalIndexes.flatMap((i) => [i.partitionKey, ...(i.sortKey ? [i.sortKey] : [])])]) {
    attributes.set(key.name, key.type);
  }
  await db.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
      KeySchema: [
        { AttributeName: definition.partitionKey.name, KeyType: "HASH" },
        ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: "RANGE" as const }] : []),
      ],
      ...(definition.globalIndexes.length > 0
        ? {
            GlobalSecondaryIndexes: definition.globalIndexes.map((index) => ({
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey.name, KeyType: "HASH" as const },
                ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: "RANGE" as const }] : []),
              ],
              Projection: { ProjectionType: "ALL" as const },
            })),
          }
        : {}),
    }),
  );
  // dynalite (createTableMs: 0) and AWS both need the table ACTIVE before writes.
  for (let i = 0; i < 100; i++) {
    const described = await db.send(new DescribeTableCommand({ TableName: name }));
    if (described.Table?.TableStatus === "ACTIVE") return "created";
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Table ${name} did not become active`);
}
