/**
 * dynalite — a DynamoDB-compatible server, persisted in LevelDB on disk — for `npm start`,
 * the submissions CLI and the tests: the handlers talk to it over HTTP exactly as to DynamoDB.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dynamoClient } from "../lib/submissions/dynamo.ts";
import { ensureTable } from "../lib/submissions/store.ts";
import { tables } from "../lib/submissions/tables.ts";

const require = createRequire(import.meta.url);
const dynalite = require("dynalite") as (options: Record<string, unknown>) => Server;

export interface LocalDynamo {
  endpoint: string;
  port: number;
  close: () => Promise<void>;
}

/** Starts dynalite on loopback; `port: 0` picks a free one. The data lives in `path`. */
export async function startDynalite(options: { path: string; port?: number }): Promise<LocalDynamo> {
  mkdirSync(options.path, { recursive: true });
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Creates the missing tables of `tables` under the given names. */
export async function ensureTables(endpoint: string, names: { submissions: string; rateLimits: string }): Promise<void> {
  const db = dynamoClient({ endpoint, region: "local" });
  await ensureTable(db, names.submissions, tables.submissions);
  await ensureTable(db, names.rateLimits, tables.rateLimits);
}
