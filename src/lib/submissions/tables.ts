/**
 * The DynamoDB tables, defined once: `npm start` creates the missing ones in dynalite and
 * sst.config.ts declares the same ones in AWS, so local and deployed storage cannot drift.
 */
export interface KeyAttribute {
  name: string;
  type: "S" | "N";
}

export interface TableDefinition {
  /** Logical id, e.g. "submissions". */
  id: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalIndexes: Array<{ name: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute }>;
  timeToLiveAttribute?: string;
}

/**
 * submissions — one item per submission, keyed by its reference (GetItem by reference).
 *   - index `byTypeStatus`: partition `typeStatus` = "inquiry#new", sort `createdRef` =
 *     "2026-03-01T14:00:00.000Z#INF-ABCD-EFGH": lists one type in one status by date (range on the
 *     sort key, pages with ExclusiveStartKey) — what the admin inbox (issue 7) and the CLI need,
 *     without a Scan. Changing the status rewrites `typeStatus`, so the item moves between lists.
 *   - index `byType`: partition `type`, same sort key: every submission of one type by date,
 *     whatever its status (CLI export, inbox "all").
 *   - `expiresAt` (epoch seconds) is the retention limit (RETENTION_MONTHS) enforced by DynamoDB TTL.
 *
 * rateLimits — one counter per client and fixed window: partition `key` = "<hashed address>#<window start>",
 *   `expiresAt` lets DynamoDB drop old windows (the key already carries the window, so a counter
 *   that has not been swept yet is never read for a later window).
 */
export const tables: { submissions: TableDefinition; rateLimits: TableDefinition } = {
  submissions: {
    id: "submissions",
    partitionKey: { name: "reference", type: "S" },
    globalIndexes: [
      { name: "byTypeStatus", partitionKey: { name: "typeStatus", type: "S" }, sortKey: { name: "createdRef", type: "S" } },
      { name: "byType", partitionKey: { name: "type", type: "S" }, sortKey: { name: "createdRef", type: "S" } },
    ],
    timeToLiveAttribute: "expiresAt",
  },
  rateLimits: {
    id: "rateLimits",
    partitionKey: { name: "key", type: "S" },
    globalIndexes: [],
    timeToLiveAttribute: "expiresAt",
  },
};

/** Default physical table names for the local store (deployed names come from SST through the environment). */
export const localTableNames = { submissions: "submissions", rateLimits: "rate-limits" } as const;
