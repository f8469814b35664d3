/** A real dynalite per test file (random port, temp dir), and helpers to call the handlers as API Gateway would. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { dynamoClient, unmarshalItem, type Plain } from "../../src/lib/submissions/dynamo.ts";
import type { HttpEvent } from "../../functions/core/http.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { ensureTables, startDynalite, type LocalDynamo } from "../../src/server/dynalite.ts";

export interface TestDb {
  endpoint: string;
  dir: string;
  /** Stops dynalite (the database goes down). */
  stop: () => Promise<void>;
  /** Starts it again on the same port and the same files. */
  restart: () => Promise<void>;
  /** Every submission item, read with a Scan (tests only: the handlers never scan). */
  items: () => Promise<Array<Record<string, Plain>>>;
  /** Every rate-limit counter, read with a Scan (tests only). */
  rateLimitItems: () => Promise<Array<Record<string, Plain>>>;
  cleanup: () => Promise<void>;
}

export async function startTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "forms-api-"));
  let server: LocalDynamo | undefined = await startDynalite({ path: dir });
  const port = server.port;
  const endpoint = server.endpoint;
  await ensureTables(endpoint, localTableNames);
  const db = dynamoClient({ endpoint, region: "local" });
  const scanAll = async (table: string) => {
    const out: Array<Record<string, Plain>> = [];
    let start: Record<string, never> | undefined;
    do {
      const page = await db.send(new ScanCommand({ TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }));
      out.push(...(page.Items ?? []).map(unmarshalItem));
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
    return out;
  };
  return {
    endpoint,
    dir,
    stop: async () => {
      await server?.close();
      server = undefined;
    },
    restart: async () => {
      server = await startDynalite({ path: dir, port });
    },
    items: () => scanAll(localTableNames.submissions),
    rateLimitItems: () => scanAll(localTableNames.rateLimits),
    cleanup: async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testEnv(endpoint: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: "local",
    SUBMISSIONS_TABLE: localTableNames.submissions,
    RATE_LIMIT_TABLE: localTableNames.rateLimits,
    RATE_LIMIT_MAX: "100000",
    SITE_ORIGIN: "https://services.example.gouv.qc.ca",
    ...extra,
  };
}

export function postEvent(
  path: string,
  body: string | Buffer,
  options: { contentType?: string; headers?: Record<string, string>; sourceIp?: string; method?: string } = {},
): HttpEvent {
  const binary = Buffer.isBuffer(body);
  return {
    version: "2.0",
    rawPath: path,
    rawQueryString: "",
    headers: { "content-type": options.contentType ?? "application/json", ...options.headers },
    body: binary ? body.toString("base64") : body,
    isBase64Encoded: binary,
    requestContext: { http: { method: options.method ?? "POST", path, sourceIp: options.sourceIp ?? "192.0.2.10" } },
  };
}

export const validInquiry = {
  organisation: "Ministère de l'Exemple",
  organisationType: "ministry",
  name: "Jeanne Tremblay",
  email: "jeanne.tremblay@exemple.gouv.qc.ca",
  phone: "418 644-1500",
  extension: "2415",
  services: ["mobility", "telephony"],
  message: "Nous aimerions connaître les tarifs de la mobilité cellulaire.",
  preferredLanguage: "fr",
  lang: "fr",
  elapsedMs: 8000,
};

export const validAdviser = {
  organisation: "Agence de l'Exemple",
  name: "John Smith",
  email: "john.smith@exemple.gouv.qc.ca",
  role: "Directeur des TI",
  preferredLanguage: "en",
  lang: "en",
  elapsedMs: 8000,
};

let counter = 0;
/** A fresh Idempotency-Key. */
export function key(): string {
  counter += 1;
  return `test-key-${process.pid}-${Date.now()}-${counter}`;
}
