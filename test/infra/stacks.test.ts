/**
 * The deployed infrastructure, asserted on the CloudFormation SST synthesizes — offline, with a dummy
 * account, for three configurations:
 * - dev: defaults (removable, no domain, no WAF, no admin), bundled as `sst deploy` does;
 * - prod: custom domain and alarm email, bundled;
 * - prod in us-east-1 with WAF and the admin routes (the inbox), bundled too.
 */
import { Match, type Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/lib/submissions/tables.ts";
import { ADMIN_ROUTES, FUNCTION_IDS, PUBLIC_ROUTES, PUBLIC_TABLE_ACTIONS } from "../../src/infra/Api.ts";
import { stageConfig } from "../../src/infra/config.ts";
import { cspHeader } from "../../src/infra/csp.ts";
import { BUNDLE_LAYOUT_DIR } from "../../src/infra/site-build.ts";
import { API_VIEWER_HEADERS, VIEWER_ADDRESS } from "../../src/infra/Site.ts";
import { ORIGIN_HEADER } from "../../functions/core/lambda.ts";
import { VIEWER_ADDRESS_HEADER } from "../../functions/core/rate-limit.ts";
import { siteSecurityHeaders } from "../../src/infra/security-headers.ts";
import { ACCOUNT, FIXED_HASHES, FIXTURE_SITE, removeOutputs, synth, type Synthesized } from "./synth.ts";

const APP = "offre-de-services";
const DOMAIN = "services.example.gouv.qc.ca";
const CERTIFICATE = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789`;
const PROD_ENV = {
  SITE_DOMAIN: DOMAIN,
  SITE_CERTIFICATE_ARN: CERTIFICATE,
  ALARM_EMAIL: "alertes@example.gouv.qc.ca",
  RETENTION_MONTHS: "36",
  RATE_LIMIT_MAX: "30",
  RATE_LIMIT_WINDOW_SECONDS: "900",
};
const FULL_ENV = { ...PROD_ENV, WAF: "on", ADMIN: "on", NOTIFICATION_SENDER: "noreply@example.gouv.qc.ca" };
// AWS managed policy ids (documented constants): CachingDisabled, AllViewerExceptHostHeader.
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

let dev: Synthesized;
let prod: Synthesized;
let full: Synthesized;
let seconds: number;

beforeAll(async () => {
  const started = performance.now();
  dev = await synth("dev");
  prod = await synth("prod", PROD_ENV);
  full = await synth("prod", FULL_ENV, { region: "us-east-1" });
  seconds = (performance.now() - started) / 1000;
});

afterAll(removeOutputs);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
const resources = (template: Template, type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);
const only = (template: Template, type: string): Resource => {
  const found = resources(template, type);
  expect(found, type).toHaveLength(1);
  return found[0]![1];
};
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The application's own functions, by handler (SST's and CDK's helper Lambdas are not among them). */
const appFunctions = (template: Template): Array<[string, Resource]> =>
  resources(template, "AWS::Lambda::Function").flatMap(([logicalId, r]) => {
    const entry = Object.entries(FUNCTION_IDS).find(([, id]) => new RegExp(`^${id}[0-9A-F]{8}$`).test(logicalId));
    return entry ? [[entry[0], r] as [string, Resource]] : [];
  });

/** Policy statements attached to the role of the function with this handler. */
function statementsOf(template: Template, handler: string) {
  const [, fn] = appFunctions(template).find(([h]) => h === handler) ?? [];
  expect(fn, handler).toBeDefined();
  const role = fn!.Properties.Role["Fn::GetAtt"][0];
  return resources(template, "AWS::IAM::Policy")
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Effect: string }>);
}

/** Which table a statement resource points at ("submissions", "rateLimits", or the raw JSON). */
function tableOf(resource: unknown): string {
  const text = JSON.stringify(resource);
  const match = /ExportsOutputFnGetAtt(submissions|rateLimits)[0-9A-F]+Arn/.exec(text);
  return match ? match[1] + (text.includes("/index/*") ? "/index" : "") : text;
}

const expectedKeySchema = (d: { partitionKey: { name: string }; sortKey?: { name: string } }) => [
  { AttributeName: d.partitionKey.name, KeyType: "HASH" },
  ...(d.sortKey ? [{ AttributeName: d.sortKey.name, KeyType: "RANGE" }] : []),
];

it("synthesizes the three configurations within the time budget", () => {
  console.log(`infra synthesis: ${seconds.toFixed(1)} s for 3 apps`);
  expect(seconds).toBeLessThan(60);
});

describe("DynamoDB tables", () => {
  for (const definition of Object.values(tables)) {
    it(`${definition.id}: on-demand, PITR, TTL, key schema and indexes from src/lib/submissions/tables.ts`, () => {
      for (const { storage, app } of [dev, prod]) {
        storage.hasResourceProperties("AWS::DynamoDB::Table", {
          TableName: `${app.stage}-${APP}-${definition.id}`,
          BillingMode: "PAY_PER_REQUEST",
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
          KeySchema: expectedKeySchema(definition),
          GlobalSecondaryIndexes: definition.globalIndexes.length
            ? definition.globalIndexes.map((index) => ({
                IndexName: index.name,
                KeySchema: expectedKeySchema(index),
                Projection: { ProjectionType: "ALL" },
              }))
            : Match.absent(),
        });
      }
    });
  }

  it("prod tables are deletion-protected and retained", () => {
    const all = resources(prod.storage, "AWS::DynamoDB::Table");
    expect(all).toHaveLength(2);
    for (const [, table] of all) {
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.DeletionPolicy).toBe("Retain");
      expect(table.UpdateReplacePolicy).toBe("Retain");
    }
  });

  it("dev tables are removable", () => {
    const all = resources(dev.storage, "AWS::DynamoDB::Table");
    expect(all).toHaveLength(2);
    for (const [, table] of all) {
      expect(table.Properties.DeletionProtectionEnabled).toBe(false);
      expect(table.DeletionPolicy).toBe("Delete");
    }
  });

  it("outputs the table names for the submissions command", () => {
    prod.storage.hasOutput("SubmissionsTable", {});
    prod.storage.hasOutput("RateLimitTable", {});
  });
});

describe("Lambda functions", () => {
  it("every application function runs nodejs24.x on arm64 with the chosen memory and timeout", () => {
    for (const { api } of [dev, prod]) {
      const fns = appFunctions(api);
      expect(fns.map(([handler]) => handler).sort()).toEqual(Object.values(PUBLIC_ROUTES).sort());
      for (const [handler, fn] of fns) {
        // SST rewrites the handler after bundling; it must still name the real file and export.
        expect(fn.Properties.Handler).toBe(handler);
        expect(fn.Properties.Runtime).toBe("nodejs24.x");
        expect(fn.Properties.Architectures).toEqual(["arm64"]);
        expect(fn.Properties.MemorySize).toBe(512);
        expect(fn.Properties.Timeout).toBe(10);
        // Bundled by SST into an S3 asset, not the inline placeholder it starts from.
        expect(fn.Properties.Code.S3Key).toMatch(/\.zip$/);
      }
    }
  });

  it("admin functions are arm64 too and are wired to their handler files", () => {
    const fns = appFunctions(full.api);
    expect(fns.map(([handler]) => handler).sort()).toEqual([...Object.values(PUBLIC_ROUTES), ...Object.values(ADMIN_ROUTES)].sort());
    for (const [, fn] of fns) expect(fn.Properties.Architectures).toEqual(["arm64"]);
  });

  it("get the table names and handler settings from the environment", () => {
    for (const [, fn] of appFunctions(dev.api)) {
      const variables = fn.Properties.Environment.Variables;
      expect(JSON.stringify(variables.SUBMISSIONS_TABLE)).toMatch(/submissions/);
      expect(JSON.stringify(variables.RATE_LIMIT_TABLE)).toMatch(/rateLimits/);
      // The rate-limit HMAC key is the stack's own UUID (the third part of its ARN), never a literal.
      expect(variables.RATE_LIMIT_SECRET).toEqual({ "Fn::Select": [2, { "Fn::Split": ["/", { Ref: "AWS::StackId" }] }] });
      // Unset settings are left to the handlers' defaults (functions/core/config.ts).
      for (const name of ["RETENTION_MONTHS", "RATE_LIMIT_MAX", "RATE_LIMIT_WINDOW_SECONDS", "SITE_ORIGIN"]) {
        expect(variables[name], name).toBeUndefined();
      }
    }
    for (const [, fn] of appFunctions(prod.api)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        SITE_ORIGIN: `https://${DOMAIN}`,
        RETENTION_MONTHS: "36",
        RATE_LIMIT_MAX: "30",
        RATE_LIMIT_WINDOW_SECONDS: "900",
      });
    }
  });

  it("the form handlers (which render pages) name their copy of the layout in LAYOUT_DIR; the inbox's JSON handlers do not", () => {
    const formHandlers: string[] = Object.values(PUBLIC_ROUTES);
    const seen = appFunctions(full.api).map(([handler, fn]) => [handler, fn.Properties.Environment.Variables.LAYOUT_DIR] as const);
    expect(seen.filter(([handler]) => formHandlers.includes(handler)).map(([, dir]) => dir)).toEqual([BUNDLE_LAYOUT_DIR, BUNDLE_LAYOUT_DIR]);
    expect(seen.filter(([handler]) => !formHandlers.includes(handler)).map(([, dir]) => dir)).toEqual([undefined, undefined, undefined]);
  });

  it("keep their logs for the stage's retention period", () => {
    for (const [{ api }, days] of [[dev, 14], [prod, 365]] as const) {
      for (const [, fn] of appFunctions(api)) {
        const group = fn.Properties.LoggingConfig.LogGroup.Ref;
        expect(api.toJSON().Resources[group].Properties.RetentionInDays).toBe(days);
      }
    }
  });
});

describe("IAM: least privilege on the tables", () => {
  const templates = () => [dev, prod, full].flatMap((s) => s.all);

  it("no statement anywhere grants '*' actions, or any action on the tables through a '*' resource", () => {
    for (const template of templates()) {
      for (const [, policy] of resources(template, "AWS::IAM::Policy")) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          const actions = asList(statement.Action as string | string[]);
          expect(actions).not.toContain("*");
          expect(actions.filter((a) => a.startsWith("dynamodb:") && a.includes("*"))).toEqual([]);
          if (actions.some((a) => a.startsWith("dynamodb:"))) {
            expect(asList(statement.Resource)).not.toContain("*");
          }
        }
      }
    }
  });

  it("public functions may only get, put and update items, each table named explicitly — no Scan, no Delete", () => {
    for (const { api } of [dev, prod, full]) {
      for (const handler of Object.values(PUBLIC_ROUTES)) {
        const statements = statementsOf(api, handler).filter((s) => asList(s.Action).some((a) => a.startsWith("dynamodb:")));
        const byTable = new Map<string, string[]>();
        for (const statement of statements) {
          for (const resource of asList(statement.Resource)) {
            byTable.set(tableOf(resource), [...(byTable.get(tableOf(resource)) ?? []), ...asList(statement.Action)].sort());
          }
        }
        expect(Object.fromEntries(byTable)).toEqual({
          submissions: [...PUBLIC_TABLE_ACTIONS].sort(),
          rateLimits: [...PUBLIC_TABLE_ACTIONS].sort(),
        });
        const all = statements.flatMap((s) => asList(s.Action));
        for (const forbidden of ["dynamodb:Scan", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteTable"]) {
          expect(all).not.toContain(forbidden);
        }
      }
    }
  });

  it("admin functions read through Query on the submissions table and its indexes only; only update writes", () => {
    const actionsOn = (handler: string) => {
      const result: Record<string, string[]> = {};
      for (const s of statementsOf(full.api, handler).filter((s) => asList(s.Action).some((a) => a.startsWith("dynamodb:")))) {
        for (const resource of asList(s.Resource)) result[tableOf(resource)] = asList(s.Action).sort();
      }
      return result;
    };
    const read = ["dynamodb:GetItem", "dynamodb:Query"];
    expect(actionsOn(ADMIN_ROUTES["GET /api/admin/submissions"])).toEqual({ submissions: read, "submissions/index": read });
    expect(actionsOn(ADMIN_ROUTES["GET /api/admin/submissions/{reference}"])).toEqual({ submissions: read, "submissions/index": read });
    expect(actionsOn(ADMIN_ROUTES["PATCH /api/admin/submissions/{reference}"])).toEqual({ submissions: ["dynamodb:GetItem", "dynamodb:UpdateItem"] });
  });

  it("SES sending is allowed for the configured identity only, and only when notifications are on", () => {
    const ses = (s: Synthesized) =>
      Object.values(PUBLIC_ROUTES).flatMap((h) => statementsOf(s.api, h)).filter((st) => asList(st.Action).some((a) => a.startsWith("ses:")));
    expect(ses(dev)).toEqual([]);
    const statements = ses(full);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(asList(statement.Action).sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
      expect(JSON.stringify(statement.Resource)).toMatch(/:identity\/(example\.gouv\.qc\.ca|noreply@example\.gouv\.qc\.ca)"/);
      expect(asList(statement.Resource)).not.toContain("*");
    }
  });
});

describe("HTTP API", () => {
  it("routes the two forms to their handlers without authorization (admin routes only when enabled)", () => {
    const keys = (t: Template) => resources(t, "AWS::ApiGatewayV2::Route").map(([, r]) => r.Properties.RouteKey).sort();
    expect(keys(dev.api)).toEqual(Object.keys(PUBLIC_ROUTES).sort());
    for (const key of Object.keys(PUBLIC_ROUTES)) {
      dev.api.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: key, AuthorizationType: "NONE" });
    }
    expect(keys(full.api)).toEqual([...Object.keys(PUBLIC_ROUTES), ...Object.keys(ADMIN_ROUTES)].sort());
  });

  it("admin routes require a JWT from the admin user pool client", () => {
    const authorizer = only(full.api, "AWS::ApiGatewayV2::Authorizer");
    expect(authorizer.Properties.AuthorizerType).toBe("JWT");
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toMatch(/cognito-idp\.us-east-1\.amazonaws\.com/);
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Audience)).toMatch(/AdminWebClient/);
    for (const key of Object.keys(ADMIN_ROUTES)) {
      full.api.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: key, AuthorizationType: "JWT" });
    }
  });

  it("throttles the stage and has no CORS (same origin)", () => {
    for (const [{ api }, rate, burst] of [[dev, 5, 10], [prod, 20, 40]] as const) {
      const stage = only(api, "AWS::ApiGatewayV2::Stage");
      expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst });
      expect(only(api, "AWS::ApiGatewayV2::Api").Properties.CorsConfiguration).toBeUndefined();
    }
  });

  it("writes access logs to a log group with a retention period", () => {
    for (const [{ api }, days] of [[dev, 14], [prod, 365]] as const) {
      const stage = only(api, "AWS::ApiGatewayV2::Stage");
      const group = stage.Properties.AccessLogSettings.DestinationArn["Fn::GetAtt"][0];
      const log = api.toJSON().Resources[group];
      expect(log.Type).toBe("AWS::Logs::LogGroup");
      expect(log.Properties.RetentionInDays).toBe(days);
      expect(stage.Properties.AccessLogSettings.Format).toContain("$context.status");
    }
  });
});

describe("CloudFront site", () => {
  const distribution = (s: Synthesized) => only(s.site, "AWS::CloudFront::Distribution").Properties.DistributionConfig;

  it("sends /api/* to the HTTP API: caching disabled, every method, the handlers' headers and the viewer's address", () => {
    for (const s of [dev, prod]) {
      const config = distribution(s);
      const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === "/api/*");
      expect(api).toMatchObject({ CachePolicyId: CACHING_DISABLED, ViewerProtocolPolicy: "https-only" });
      const [[policyId, policy]] = resources(s.site, "AWS::CloudFront::OriginRequestPolicy") as [[string, Resource]];
      expect(api.OriginRequestPolicyId).toEqual({ Ref: policyId });
      const headers = policy.Properties.OriginRequestPolicyConfig.HeadersConfig;
      expect(headers.HeaderBehavior).toBe("whitelist");
      expect([...headers.Headers].sort()).toEqual([...API_VIEWER_HEADERS, VIEWER_ADDRESS].sort());
      // The limiter reads the header CloudFront adds under that name.
      expect(VIEWER_ADDRESS.toLowerCase()).toBe(VIEWER_ADDRESS_HEADER);
      expect([...api.AllowedMethods].sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
      const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
      expect(JSON.stringify(origin.DomainName)).toMatch(/ExportsOutputRefApi.*\.execute-api\.ca-central-1\./);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
    }
  });

  it("only CloudFront reaches the API: the origin's secret header is the one every function checks", () => {
    for (const s of [prod, full]) {
      const config = distribution(s);
      const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === "/api/*");
      const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
      const header = origin.OriginCustomHeaders.find((h: { HeaderName: string }) => h.HeaderName === ORIGIN_HEADER);
      const secretRef = JSON.stringify(header.HeaderValue);
      // A Secrets Manager dynamic reference to the Api stack's generated secret, never a literal.
      expect(secretRef).toContain("{{resolve:secretsmanager:");
      expect(secretRef).toMatch(/OriginSecret/);
      const [[secretId, secret]] = resources(s.api, "AWS::SecretsManager::Secret") as [[string, Resource]];
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
      const functions = appFunctions(s.api);
      expect(functions.length).toBeGreaterThanOrEqual(2);
      for (const [handler, fn] of functions) {
        const value = JSON.stringify(fn.Properties.Environment.Variables.ORIGIN_SECRET);
        expect(value, handler).toContain("{{resolve:secretsmanager:");
        expect(value, handler).toContain(secretId);
      }
    }
  });

  it("the inbox's routes keep Authorization (all viewer headers but Host) when the inbox is on", () => {
    const config = distribution(full);
    const admin = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === "/api/admin/*");
    expect(admin).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST, ViewerProtocolPolicy: "https-only" });
    expect(distribution(prod).CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === "/api/admin/*")).toBeUndefined();
  });

  it("writes CloudFront's access logs to a bucket that deletes them after 90 days", () => {
    const config = distribution(prod);
    expect(config.Logging.Prefix).toBe("cloudfront/");
    prod.site.hasResourceProperties("AWS::S3::Bucket", {
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerPreferred" }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
  });

  it("serves the site from S3 through origin access control, with the directory-index function", () => {
    const config = distribution(dev);
    const origin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    // StaticSite's own rewrite (/page → /page.html) is removed, ours is the only function.
    expect(resources(dev.site, "AWS::CloudFront::Function")).toHaveLength(1);
    // LIST lets S3 answer 404 for a missing page, which is what the error response maps.
    dev.site.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ["s3:GetObject", "s3:ListBucket"], Principal: { Service: "cloudfront.amazonaws.com" } }),
        ]),
      },
    });
  });

  it("uploads the site with long caching for Astro's hashed /_astro/ files only", () => {
    const uploader = only(dev.site, "Custom::S3Uploader").Properties;
    // The uploader gives each file the last option that matches it.
    expect(uploader.fileOptions.slice(-2)).toEqual([
      { files: "_astro/**", cacheControl: "public,max-age=31536000,immutable" },
      { files: "**", ignore: "_astro/**", cacheControl: "public,max-age=0,must-revalidate" },
    ]);
  });

  it("answers a missing page with /404.html and status 404 (and leaves other statuses alone)", () => {
    expect(distribution(dev).CustomErrorResponses).toEqual([
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: "/404.html", ErrorCachingMinTTL: 60 },
    ]);
  });

  it("adds the security headers to every response, pages and API alike", () => {
    const [[policyId, policy]] = resources(dev.site, "AWS::CloudFront::ResponseHeadersPolicy") as [[string, Resource]];
    const headers = policy.Properties.ResponseHeadersPolicyConfig;
    const csp: string = headers.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toBe(cspHeader(FIXED_HASHES));
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    for (const hash of FIXED_HASHES) expect(scriptSrc).toContain(hash);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.SecurityHeadersConfig.StrictTransportSecurity.IncludeSubdomains).toBe(true);
    expect(headers.SecurityHeadersConfig.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.SecurityHeadersConfig.ReferrerPolicy.ReferrerPolicy).toBe("strict-origin-when-cross-origin");
    expect(headers.SecurityHeadersConfig.FrameOptions.FrameOption).toBe("DENY");
    const permissions = headers.CustomHeadersConfig.Items.find((h: { Header: string }) => h.Header === "Permissions-Policy");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions.Value).toContain(`${feature}=()`);
    // The policy, written out as response headers, is exactly what the local server sends (one definition).
    const cfg = headers.SecurityHeadersConfig;
    const asHeaders = {
      "content-security-policy": csp,
      "strict-transport-security": `max-age=${cfg.StrictTransportSecurity.AccessControlMaxAgeSec}${cfg.StrictTransportSecurity.IncludeSubdomains ? "; includeSubDomains" : ""}`,
      "x-content-type-options": "nosniff",
      "x-frame-options": cfg.FrameOptions.FrameOption,
      "referrer-policy": cfg.ReferrerPolicy.ReferrerPolicy,
      "permissions-policy": permissions.Value,
    };
    expect(asHeaders).toEqual(siteSecurityHeaders(FIXED_HASHES));
    const config = distribution(dev);
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it("uses the custom domain and its us-east-1 certificate when configured", () => {
    expect(distribution(dev).Aliases ?? []).toEqual([]);
    expect(distribution(dev).ViewerCertificate).toBeUndefined();
    const config = distribution(prod);
    expect(config.Aliases).toEqual([DOMAIN]);
    expect(config.ViewerCertificate).toMatchObject({ AcmCertificateArn: CERTIFICATE, SslSupportMethod: "sni-only", MinimumProtocolVersion: "TLSv1.2_2021" });
  });

  it("rejects a certificate outside us-east-1 and a domain without certificate", () => {
    const site = { path: FIXTURE_SITE, buildOutput: ".", scriptHashes: [] };
    expect(() => stageConfig("prod", { SITE_DOMAIN: DOMAIN }, site)).toThrow(/together/);
    expect(() => stageConfig("prod", { SITE_DOMAIN: DOMAIN, SITE_CERTIFICATE_ARN: CERTIFICATE.replace("us-east-1", "ca-central-1") }, site)).toThrow(/us-east-1/);
  });
});

describe("WAF (flag)", () => {
  it("is absent when the flag is off", () => {
    for (const s of [dev, prod]) {
      for (const template of s.all) expect(resources(template, "AWS::WAFv2::WebACL")).toEqual([]);
      expect(distribution(s).WebACLId).toBeUndefined();
    }
  });

  it("adds a CLOUDFRONT web ACL with a per-IP rate rule, attached to the distribution, when on", () => {
    const [[id, acl]] = resources(full.site, "AWS::WAFv2::WebACL") as [[string, Resource]];
    expect(acl.Properties.Scope).toBe("CLOUDFRONT");
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Properties.Rules).toEqual([
      expect.objectContaining({ Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 300, AggregateKeyType: "IP", EvaluationWindowSec: 300 } } }),
    ]);
    expect(distribution(full).WebACLId).toEqual({ "Fn::GetAtt": [id, "Arn"] });
  });

  it("refuses the flag outside us-east-1, where CloudFront web ACLs cannot be created", async () => {
    await expect(synth("prod", { WAF: "on" }, { region: "ca-central-1", bundle: false })).rejects.toThrow(/us-east-1/);
  });

  function distribution(s: Synthesized) {
    return only(s.site, "AWS::CloudFront::Distribution").Properties.DistributionConfig;
  }
});

describe("Alarms", () => {
  const alarms = (s: Synthesized) => resources(s.monitoring, "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties);
  const topicRef = (s: Synthesized) => ({ Ref: resources(s.monitoring, "AWS::SNS::Topic")[0]![0] });

  it("notify one SNS topic, with the configured email subscribed", () => {
    expect(resources(prod.monitoring, "AWS::SNS::Topic")).toHaveLength(1);
    prod.monitoring.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: PROD_ENV.ALARM_EMAIL, TopicArn: topicRef(prod) });
    expect(resources(dev.monitoring, "AWS::SNS::Subscription")).toEqual([]);
    for (const alarm of alarms(prod)) expect(alarm.AlarmActions).toEqual([topicRef(prod)]);
  });

  it("watch API 5xx and 4xx/429, function errors, DynamoDB system errors, throttles and user errors", () => {
    const list = alarms(prod);
    const simple = (namespace: string, metric: string) => list.filter((a) => a.Namespace === namespace && a.MetricName === metric);
    expect(simple("AWS/ApiGateway", "5xx")).toEqual([expect.objectContaining({ Threshold: 1, Period: 300, Statistic: "Sum" })]);
    expect(simple("AWS/ApiGateway", "4xx")).toHaveLength(1);
    expect(simple("AWS/Lambda", "Errors")).toHaveLength(Object.keys(PUBLIC_ROUTES).length);
    expect(simple("AWS/DynamoDB", "UserErrors")).toHaveLength(1);
    for (const table of ["submissions", "rateLimits"]) {
      for (const metric of ["SystemErrors", "ThrottledRequests"]) {
        const matching = list.filter((a) => {
          const text = JSON.stringify(a.Metrics ?? []);
          return text.includes(`"MetricName":"${metric}"`) && new RegExp(`ExportsOutputRef${table}[0-9A-F]+`).test(text);
        });
        expect(matching, `${metric} on ${table}`).toHaveLength(1);
      }
    }
    expect(alarms(full).filter((a) => a.Namespace === "AWS/Lambda")).toHaveLength(Object.keys(PUBLIC_ROUTES).length + Object.keys(ADMIN_ROUTES).length);
  });
});

describe("Admin authentication (flag)", () => {
  it("is absent by default", () => {
    for (const s of [dev, prod]) expect(resources(s.auth, "AWS::Cognito::UserPool")).toEqual([]);
  });

  it("is a user pool of admin-created accounts with MFA, and a hosted-UI code-flow client without secret", () => {
    const pool = only(full.auth, "AWS::Cognito::UserPool").Properties;
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.MfaConfiguration).toBe("ON");
    expect(pool.DeletionProtection).toBe("ACTIVE");
    const client = only(full.auth, "AWS::Cognito::UserPoolClient").Properties;
    expect(client).toMatchObject({
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ["COGNITO"],
      CallbackURLs: [`https://${DOMAIN}/fr/boite-de-reception/`, `https://${DOMAIN}/en/inbox/`],
    });
    expect(only(full.auth, "AWS::Cognito::UserPoolDomain").Properties.Domain).toBe(`${APP}-prod`);
  });

  it("lets the inbox fetch tokens from the hosted UI's origin (CSP connect-src), and only then", () => {
    const cspOf = (s: Synthesized) =>
      JSON.stringify(only(s.site, "AWS::CloudFront::ResponseHeadersPolicy").Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(cspOf(dev)).toContain("connect-src 'self';");
    const full_ = cspOf(full);
    expect(full_).toMatch(/connect-src 'self' https:\/\/.*AdminHostedUi/);
    expect(full_).toContain("amazoncognito.com");
  });

  it("writes the hosted UI's origin and the client id into /inbox-config.json at deploy", () => {
    const uploaders = (s: Synthesized) => resources(s.site, "Custom::S3Uploader").map(([, r]) => r.Properties);
    const replaced = uploaders(full).flatMap((p) => (p.replaceValues ?? []) as Array<{ files: string; search: string; replace: unknown }>);
    const inbox = replaced.filter((r) => r.files === "inbox-config.json");
    expect(inbox.map((r) => r.search).sort()).toEqual(["{{ INBOX_AUTHORITY }}", "{{ INBOX_CLIENT_ID }}"]);
    expect(JSON.stringify(inbox.find((r) => r.search === "{{ INBOX_CLIENT_ID }}")!.replace)).toMatch(/AdminWebClient/);
    for (const p of uploaders(dev)) expect((p.replaceValues ?? []).filter((r: { files: string }) => r.files === "inbox-config.json")).toEqual([]);
  });
});
