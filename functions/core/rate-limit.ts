/**
 * Per-client limit on submissions, counted in DynamoDB so that every Lambda instance shares it.
 * Fixed windows: the counter's key is "<client>#<window start>", incremented atomically with
 * UpdateItem ADD; the expiry attribute lets DynamoDB sweep old windows. The client is the source
 * address API Gateway saw (never a header the client can set), stored hashed: the table needs
 * to tell clients apart, not to know who they are.
 */
import { UpdateItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { sha256 } from "./reference.ts";

export interface RateLimitConfig {
  table: string;
  max: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

export async function checkRateLimit(db: DynamoDBClient, config: RateLimitConfig, client: string, now: Date): Promise<RateLimitResult> {
  const seconds = Math.floor(now.getTime() / 1000);
  const windowStart = seconds - (seconds % config.windowSeconds);
  const windowEnd = windowStart + config.windowSeconds;
  const result = await db.send(
    new UpdateItemCommand({
      TableName: config.table,
      Key: { key: { S: `${sha256(`rate-limit\n${client}`).slice(0, 32)}#${windowStart}` } },
      UpdateExpression: "ADD #c :one SET expiresAt = :exp",
      ExpressionAttributeNames: { "#c": "count" },
      ExpressionAttributeValues: { ":one": { N: "1" }, ":exp": { N: String(windowEnd + 60) } },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  const count = Number(result.Attributes?.count?.N ?? "1");
  if (count <= config.max) return { allowed: true, count };
  return { allowed: false, count, retryAfterSeconds: Math.max(1, windowEnd - seconds) };
}
