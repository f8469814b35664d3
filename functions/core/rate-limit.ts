/**
 * Per-client limit on submissions, counted in DynamoDB so that every Lambda instance shares it.
 * Fixed windows: the counter's key is "<client>#<window start>", incremented atomically with
 * UpdateItem ADD; the expiry attribute lets DynamoDB sweep old windows. The client is the source
 * address API Gateway saw (never a header the client can set) — for IPv6 its /64, since one
 * subscriber holds a whole /64 and could otherwise change address at each request. It is stored as an
 * HMAC under a deployment secret: the table needs to tell clients apart, not to know who they are, and a
 * plain hash of an IPv4 address is reversed by trying all 2³² of them.
 */
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import { VIEWER_ADDRESS_HEADER } from "../../src/lib/submissions/api.ts";
import { UpdateItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";

export interface RateLimitConfig {
  table: string;
  max: number;
  windowSeconds: number;
  /** Key of the HMAC of client addresses (RATE_LIMIT_SECRET); the deploy sets it per stack. */
  secret: string;
}

/**
 * Who counts as one client: an IPv4 address, or the /64 network of an IPv6 address.
 * @example clientOf("203.0.113.7") // "203.0.113.7"
 * @example clientOf("2001:db8:1:2:aaaa::1") // "2001:db8:1:2::/64"
 * @example clientOf("::ffff:203.0.113.7") // "203.0.113.7"
 */
export function clientOf(address: string): string {
  const text = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!text.includes(":")) return text;
  // Expand "::" so that the first four groups are the network's.
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export type RateLimitResult = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

export async function checkRateLimit(db: DynamoDBClient, config: RateLimitConfig, client: string, now: Date): Promise<RateLimitResult> {
  const seconds = Math.floor(now.getTime() / 1000);
  const windowStart = seconds - (seconds % config.windowSeconds);
  const windowEnd = windowStart + config.windowSeconds;
  const result = await db.send(
    new UpdateItemCommand({
      TableName: config.table,
      Key: { key: { S: `${createHmac("sha256", config.secret).update(clientOf(client)).digest("hex").slice(0, 32)}#${windowStart}` } },
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

export { VIEWER_ADDRESS_HEADER };

/**
 * The address of a `CloudFront-Viewer-Address` value, without its port; undefined when it is not one.
 * @example viewerIp("198.51.100.10:46532") // "198.51.100.10"
 * @example viewerIp("2001:db8::1:46532") // "2001:db8::1"
 */
export function viewerIp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const cut = text.lastIndexOf(":");
  if (cut <= 0 || !/^\d{1,5}$/.test(text.slice(cut + 1))) return undefined;
  const address = text.slice(0, cut).replace(/^\[(.*)\]$/, "$1");
  return isIP(address) ? address : undefined;
}

/**
 * Whom a request counts against: the viewer's address CloudFront reports, but only when the request
 * proved it came through CloudFront (`viaOrigin`: the origin secret was checked) — otherwise the header
 * is the client's own text. Without it, the address API Gateway saw (behind CloudFront: the edge's).
 */
export function requestClient(viewerAddress: string | undefined, sourceIp: string, viaOrigin: boolean): string {
  return (viaOrigin ? viewerIp(viewerAddress) : undefined) ?? sourceIp;
}
