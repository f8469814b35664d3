/**
 * Per-stage configuration of the deployment, read once in sst.config.ts and handed to the stacks.
 *
 * Values come from a small table of stage defaults overridden by environment variables, which SST
 * loads from `.env`, `.env.<stage>` (git-ignored) before running the stacks. The tests build configs
 * directly, so nothing here reads the disk or the network.
 */
import type { App } from "sst/constructs";

export interface CustomDomain {
  /** e.g. services.example.gouv.qc.ca — DNS is managed outside AWS: point a CNAME at the distribution. */
  domainName: string;
  /** ACM certificate for domainName; CloudFront only accepts certificates from us-east-1. */
  certificateArn: string;
}

export interface InfraConfig {
  /** prod: tables with deletion protection and RETAIN; other stages are removable. */
  retainData: boolean;
  site: {
    /** Project folder that holds package.json (the build runs there). */
    path: string;
    /** Folder of the built site, relative to path. */
    buildOutput: string;
    /**
     * Command that builds the site. sst.config.ts runs it once before the stacks for a deploy and then clears
     * it (site-build.ts), so StaticSite only uploads; undefined in tests unless they ask for a build.
     */
    buildCommand?: string;
    /** Hashes of the inline scripts, or a function reading them from the built site at synthesis. */
    scriptHashes: readonly string[] | (() => readonly string[]);
    customDomain?: CustomDomain;
  };
  /**
   * Origin the handlers accept in the `Origin` header (SITE_ORIGIN). Known up front only with a custom
   * domain; the CloudFront domain cannot be passed to the functions without a dependency cycle
   * (distribution → API → function → distribution), so without a domain it is set from the first deploy.
   */
  siteOrigin?: string;
  api: {
    /** Steady-state requests per second across the stage, and the burst above it. */
    throttleRate: number;
    throttleBurst: number;
    /** Days the API access logs and function logs are kept. */
    logRetentionDays: 7 | 14 | 30 | 90 | 180 | 365 | 731;
  };
  /**
   * Handler settings passed through only when the operator sets them: otherwise the handlers' own
   * defaults (functions/core/config.ts) apply, so there is one place that decides them.
   */
  handlers: {
    retentionMonths?: number;
    rateLimitMax?: number;
    rateLimitWindowSeconds?: number;
  };
  monitoring: {
    /** Email subscribed to the alarm topic (the recipient confirms it once). */
    alarmEmail?: string;
  };
  waf: {
    /** A CLOUDFRONT-scoped web ACL can only be created in us-east-1: see assertWafRegion. */
    enabled: boolean;
    /** Requests per client IP per 5 minutes before WAF blocks it. */
    requestsPer5Minutes: number;
  };
  admin: {
    /** Admin routes, the Cognito user pool and the SES permission (the later admin issue). */
    enabled: boolean;
    /** Cognito hosted UI domain prefix: unique per region across AWS. */
    authDomainPrefix?: string;
    /** SES identity (verified domain or address) the notification emails are sent from. */
    notificationSender?: string;
    /** Where new-submission notifications go. */
    notificationRecipient?: string;
    /**
     * Cognito threat protection on the admin pool (compromised credentials, risky sign-ins blocked):
     * the Plus feature plan, billed per active user (a few people here). ADMIN_THREAT_PROTECTION=on.
     */
    threatProtection: boolean;
  };
  /** Days CloudFront's access logs are kept in their bucket. */
  accessLogDays: number;
}

/** Stages whose data must survive `sst remove` and accidental deletes. */
export const PROTECTED_STAGES: readonly string[] = ["prod"];

const flag = (value: string | undefined): boolean => value !== undefined && /^(1|on|true|yes)$/i.test(value);

function positiveInteger(name: string, value: string | undefined, fallback: number): number;
function positiveInteger(name: string, value: string | undefined, fallback?: number): number | undefined;
function positiveInteger(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

const US_EAST_1_CERTIFICATE = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;

/**
 * Configuration of a stage from the environment. Throws on inconsistent settings so that a deploy
 * fails before touching AWS.
 */
export function stageConfig(
  stage: string,
  env: Record<string, string | undefined>,
  site: Pick<InfraConfig["site"], "path" | "buildOutput" | "buildCommand" | "scriptHashes">,
): InfraConfig {
  const prod = PROTECTED_STAGES.includes(stage);
  const domainName = env.SITE_DOMAIN || undefined;
  const certificateArn = env.SITE_CERTIFICATE_ARN || undefined;
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new Error("SITE_DOMAIN and SITE_CERTIFICATE_ARN go together: set both or neither.");
  }
  if (certificateArn && !US_EAST_1_CERTIFICATE.test(certificateArn)) {
    throw new Error(`SITE_CERTIFICATE_ARN must be an ACM certificate in us-east-1 (CloudFront's region), got ${certificateArn}`);
  }
  const customDomain = domainName && certificateArn ? { domainName, certificateArn } : undefined;
  return {
    retainData: prod,
    site: { ...site, customDomain },
    siteOrigin: env.SITE_ORIGIN || (customDomain ? `https://${customDomain.domainName}` : undefined),
    api: {
      // A public form site: a few submissions a minute is normal; these caps stop floods, not people.
      throttleRate: positiveInteger("API_THROTTLE_RATE", env.API_THROTTLE_RATE, prod ? 20 : 5),
      throttleBurst: positiveInteger("API_THROTTLE_BURST", env.API_THROTTLE_BURST, prod ? 40 : 10),
      logRetentionDays: prod ? 365 : 14,
    },
    handlers: {
      retentionMonths: positiveInteger("RETENTION_MONTHS", env.RETENTION_MONTHS),
      rateLimitMax: positiveInteger("RATE_LIMIT_MAX", env.RATE_LIMIT_MAX),
      rateLimitWindowSeconds: positiveInteger("RATE_LIMIT_WINDOW_SECONDS", env.RATE_LIMIT_WINDOW_SECONDS),
    },
    monitoring: { alarmEmail: env.ALARM_EMAIL || undefined },
    waf: {
      enabled: flag(env.WAF),
      requestsPer5Minutes: positiveInteger("WAF_REQUESTS_PER_5_MINUTES", env.WAF_REQUESTS_PER_5_MINUTES, 300),
    },
    admin: {
      enabled: flag(env.ADMIN),
      authDomainPrefix: env.AUTH_DOMAIN_PREFIX || undefined,
      notificationSender: env.NOTIFICATION_SENDER || undefined,
      notificationRecipient: env.NOTIFICATION_RECIPIENT || undefined,
      threatProtection: flag(env.ADMIN_THREAT_PROTECTION),
    },
    accessLogDays: positiveInteger("ACCESS_LOG_DAYS", env.ACCESS_LOG_DAYS, 90),
  };
}

/** CloudFront-scoped WAF web ACLs exist only in us-east-1, and SST v2 deploys an app to one region. */
export function assertWafRegion(config: InfraConfig, region: string): void {
  if (config.waf.enabled && region !== "us-east-1") {
    throw new Error(
      `WAF=on needs the stage in us-east-1: a CloudFront web ACL (scope CLOUDFRONT) can only be created there, ` +
        `and SST v2 deploys every stack of a stage to one region (this one is ${region}). ` +
        `Deploy with --region us-east-1, or leave WAF off and rely on the API throttling and the handlers' rate limit.`,
    );
  }
}

const configs = new WeakMap<App, InfraConfig>();

/** Called once by sst.config.ts (and by the tests) before the stacks run. */
export function setInfraConfig(app: App, config: InfraConfig): void {
  assertWafRegion(config, app.region);
  configs.set(app, config);
}

export function useInfraConfig(app: App): InfraConfig {
  const config = configs.get(app);
  if (!config) throw new Error("Infrastructure config not set: call setInfraConfig(app, …) before the stacks.");
  return config;
}
