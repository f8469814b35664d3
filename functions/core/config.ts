/** The handlers' settings, from the environment (the contract with sst.config.ts). */
import { DEFAULT_MIN_FILL_MS } from "../../src/lib/forms/fields.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";

export interface Config {
  submissionsTable: string;
  rateLimitTable: string;
  retentionMonths: number;
  rateLimitMax: number;
  rateLimitWindowSeconds: number;
  /** HMAC key for client addresses in the rate-limit table; locally a fixed development value. */
  rateLimitSecret: string;
  /** Public origin of the site, for the 303 Location ("" = same origin, relative Location). */
  siteOrigin: string;
  /** Local DynamoDB endpoint (dynalite); unset in AWS. */
  dynamoEndpoint?: string;
  region?: string;
  /** Minimum time, with JavaScript, between showing the form and sending it. */
  minFillMs: number;
  /** The secret CloudFront sends in `x-origin-verify` (ORIGIN_SECRET); unset: requests are not checked. */
  originSecret?: string;
  /** Time a handler gives itself before answering 503 (HANDLER_BUDGET_MS, 8 000: the Lambda timeout is 10 s). */
  budgetMs: number;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): Config {
  return {
    submissionsTable: env.SUBMISSIONS_TABLE || localTableNames.submissions,
    rateLimitTable: env.RATE_LIMIT_TABLE || localTableNames.rateLimits,
    retentionMonths: Math.max(1, positiveInt(env.RETENTION_MONTHS, 24, "RETENTION_MONTHS")),
    // Shared government networks put many people behind one address: a generous limit.
    rateLimitMax: Math.max(1, positiveInt(env.RATE_LIMIT_MAX, 20, "RATE_LIMIT_MAX")),
    rateLimitWindowSeconds: Math.max(1, positiveInt(env.RATE_LIMIT_WINDOW_SECONDS, 600, "RATE_LIMIT_WINDOW_SECONDS")),
    rateLimitSecret: env.RATE_LIMIT_SECRET || "local-development",
    siteOrigin: (env.SITE_ORIGIN ?? "").replace(/\/+$/, ""),
    ...(env.DYNAMODB_ENDPOINT ? { dynamoEndpoint: env.DYNAMODB_ENDPOINT } : {}),
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    minFillMs: positiveInt(env.MIN_FILL_MS, DEFAULT_MIN_FILL_MS, "MIN_FILL_MS"),
    ...(env.ORIGIN_SECRET ? { originSecret: env.ORIGIN_SECRET } : {}),
    budgetMs: Math.max(100, positiveInt(env.HANDLER_BUDGET_MS, 8000, "HANDLER_BUDGET_MS")),
  };
}
