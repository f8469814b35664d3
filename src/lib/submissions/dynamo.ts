/**
 * The DynamoDB client and hand-written marshalling (no lib-dynamodb in the project: the item
 * shapes are few and known, so a small converter keeps the Lambda bundle lean).
 */
import { DynamoDBClient, type AttributeValue } from "@aws-sdk/client-dynamodb";

export type Item = Record<string, AttributeValue>;

const clients = new Map<string, DynamoDBClient>();

/**
 * The SDK's time budget per call: two attempts of at most 1 s to connect and 2 s without an answer,
 * about 6 s at worst with the backoff between them — inside the handlers' own budget (8 s,
 * HANDLER_BUDGET_MS), itself inside the 10 s Lambda timeout, so a stalled database always ends in the
 * handler's 503 with Retry-After, never in a gateway timeout.
 */
export const SDK_BUDGET = { maxAttempts: 2, connectionTimeoutMs: 1000, requestTimeoutMs: 2000 } as const;

/**
 * One client per endpoint and region, reused across invocations (Lambda keeps the module warm).
 * Against a local endpoint (dynalite) the credentials are placeholders: dynalite checks none.
 */
export function dynamoClient(options: { endpoint?: string; region?: string; requestTimeoutMs?: number } = {}): DynamoDBClient {
  const region = options.region ?? process.env.AWS_REGION ?? "ca-central-1";
  const key = `${options.endpoint ?? ""}|${region}|${options.requestTimeoutMs ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new DynamoDBClient({
      region,
      ...(options.endpoint
        ? { endpoint: options.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
      // A database that does not answer must become a 503 quickly, not a hung form.
      maxAttempts: SDK_BUDGET.maxAttempts,
      // throwOnRequestTimeout: without it this SDK only logs a warning when the request timeout passes.
      requestHandler: { connectionTimeout: SDK_BUDGET.connectionTimeoutMs, requestTimeout: options.requestTimeoutMs ?? SDK_BUDGET.requestTimeoutMs, throwOnRequestTimeout: true },
    });
    clients.set(key, client);
  }
  return client;
}

/** Forgets cached clients (tests that restart dynalite on another port). */
export function resetDynamoClients(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}

export type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

export function marshal(value: Plain): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === "string") return { S: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("Cannot store a non-finite number");
    return { N: String(value) };
  }
  if (typeof value === "boolean") return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshal) };
  return { M: marshalItem(value) };
}

/** An object as an item; `undefined` members are left out (DynamoDB has no "absent" value). */
export function marshalItem(object: { [key: string]: Plain }): Item {
  const item: Item = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) item[key] = marshal(value);
  return item;
}

export function unmarshal(value: AttributeValue): Plain {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(unmarshal);
  if (value.M !== undefined) return unmarshalItem(value.M);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  throw new TypeError(`Unsupported attribute type: ${Object.keys(value).join(",")}`);
}

export function unmarshalItem(item: Item): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [key, value] of Object.entries(item)) out[key] = unmarshal(value);
  return out;
}
