/**
 * Retention for the local store. On AWS, DynamoDB's TTL deletes an item some time after its
 * `expiresAt`; dynalite has no TTL, so the local server calls this at start-up and daily: a Query
 * per (type, status) partition of the `byTypeStatus` index for items past their date (never a Scan),
 * then a DeleteItem conditional on the date (an item whose retention was extended is kept).
 * Until either runs, the inbox already hides expired items (list.ts, workflow.ts).
 */
import { DeleteItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { formTypes, statuses } from "../lib/forms/fields.ts";

export async function purgeExpired(db: DynamoDBClient, table: string, now: Date): Promise<number> {
  const nowSeconds = { N: String(Math.floor(now.getTime() / 1000)) };
  let deleted = 0;
  for (const type of formTypes) {
    for (const status of statuses) {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            IndexName: "byTypeStatus",
            KeyConditionExpression: "typeStatus = :p",
            FilterExpression: "expiresAt <= :now",
            ProjectionExpression: "#r",
            ExpressionAttributeNames: { "#r": "reference" },
            ExpressionAttributeValues: { ":p": { S: `${type}#${status}` }, ":now": nowSeconds },
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const item of page.Items ?? []) {
          try {
            await db.send(
              new DeleteItemCommand({
                TableName: table,
                Key: { reference: item.reference as AttributeValue },
                ConditionExpression: "expiresAt <= :now",
                ExpressionAttributeValues: { ":now": nowSeconds },
              }),
            );
            deleted += 1;
          } catch (error) {
            if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
          }
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
  }
  return deleted;
}

export const PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Purges now, then every day until stopped; failures are reported, never thrown (the server keeps running).
 * `stop` resolves once a purge under way has finished, so the caller can close the database after it
 * (closing dynalite under a running Query throws from inside dynalite, outside any promise).
 */
export function schedulePurge(run: () => Promise<number>, report: (outcome: { deleted?: number; error?: string }) => void): { ready: Promise<void>; stop: () => Promise<void> } {
  let current: Promise<void> = Promise.resolve();
  const once = () => {
    current = run().then(
      (deleted) => report({ deleted }),
      (error: Error) => report({ error: error.name }),
    );
    return current;
  };
  const ready = once();
  const timer = setInterval(once, PURGE_INTERVAL_MS);
  timer.unref();
  return {
    ready,
    stop: () => {
      clearInterval(timer);
      return current;
    },
  };
}
