/**
 * HTTP API (API Gateway v2) and its Lambda handlers.
 *
 * The site reaches it under its own origin: CloudFront forwards `/api/*` unchanged (Site.ts), so the
 * routes carry the `/api` prefix and no CORS is configured (the browser never makes a cross-origin call).
 */
import { Fn, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import { Api as SstApi, Function, use, type FunctionProps, type StackContext } from "sst/constructs";
import { Auth } from "./Auth.ts";
import { useInfraConfig, type InfraConfig } from "./config.ts";
import { jsonImportAttributes } from "./import-attributes.ts";
import { Storage } from "./Storage.ts";

/** Handler files (relative to the project root) and what each may do: the tests read these too. */
export const PUBLIC_ROUTES = {
  "POST /api/adviser-requests": "functions/adviser-requests.handler",
  "POST /api/inquiries": "functions/inquiries.handler",
} as const;

export const ADMIN_ROUTES = {
  "GET /api/admin/submissions": "functions/admin-list.handler",
  "GET /api/admin/submissions/{reference}": "functions/admin-get.handler",
  "PATCH /api/admin/submissions/{reference}": "functions/admin-update.handler",
} as const;

/** Construct id of each handler's function (the logical id of its AWS::Lambda::Function starts with it). */
export const FUNCTION_IDS = {
  "functions/adviser-requests.handler": "AdviserRequests",
  "functions/inquiries.handler": "Inquiries",
  "functions/admin-list.handler": "AdminList",
  "functions/admin-get.handler": "AdminGet",
  "functions/admin-update.handler": "AdminUpdate",
} as const;

/** Item-level writes with conditions; never Scan, never Delete (retention is DynamoDB TTL's job). */
export const PUBLIC_TABLE_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"] as const;
export const ADMIN_READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query"] as const;
export const ADMIN_UPDATE_ACTIONS = ["dynamodb:GetItem", "dynamodb:UpdateItem"] as const;

const RETENTION: Record<InfraConfig["api"]["logRetentionDays"], { days: logs.RetentionDays; name: string }> = {
  7: { days: logs.RetentionDays.ONE_WEEK, name: "one_week" },
  14: { days: logs.RetentionDays.TWO_WEEKS, name: "two_weeks" },
  30: { days: logs.RetentionDays.ONE_MONTH, name: "one_month" },
  90: { days: logs.RetentionDays.THREE_MONTHS, name: "three_months" },
  180: { days: logs.RetentionDays.SIX_MONTHS, name: "six_months" },
  365: { days: logs.RetentionDays.ONE_YEAR, name: "one_year" },
  731: { days: logs.RetentionDays.TWO_YEARS, name: "two_years" },
};

const optional = (name: string, value: number | undefined): Record<string, string> =>
  value === undefined ? {} : { [name]: String(value) };

const allow = (actions: readonly string[], resources: string[]) =>
  new iam.PolicyStatement({ effect: iam.Effect.ALLOW, actions: [...actions], resources });

export function Api(context: StackContext) {
  const { app, stack } = context;
  const config = useInfraConfig(app);
  const { submissions, rateLimits } = use(Storage);
  const { admin } = use(Auth);
  const retention = RETENTION[config.api.logRetentionDays];

  const sesStatement = (() => {
    const sender = config.admin.notificationSender;
    if (!config.admin.enabled || !sender) return [];
    // The sending identity is a verified domain or address; allow that identity only.
    const identity = sender.includes("@") ? sender.split("@")[1] : sender;
    const arn = (name: string) => Stack.of(stack).formatArn({ service: "ses", resource: "identity", resourceName: name });
    return [allow(["ses:SendEmail", "ses:SendRawEmail"], [arn(identity!), arn(sender)])];
  })();

  const environment: Record<string, string> = {
    SUBMISSIONS_TABLE: submissions.tableName,
    RATE_LIMIT_TABLE: rateLimits.tableName,
    // The HMAC key of client addresses in the rate-limit table: the stack's own random UUID, so that
    // reading the table alone does not give back anyone's address.
    RATE_LIMIT_SECRET: Fn.select(2, Fn.split("/", Stack.of(stack).stackId)),
    ...optional("RETENTION_MONTHS", config.handlers.retentionMonths),
    ...optional("RATE_LIMIT_MAX", config.handlers.rateLimitMax),
    ...optional("RATE_LIMIT_WINDOW_SECONDS", config.handlers.rateLimitWindowSeconds),
    ...(config.siteOrigin ? { SITE_ORIGIN: config.siteOrigin } : {}),
    ...(config.admin.enabled && config.admin.notificationSender
      ? {
          NOTIFICATION_SENDER: config.admin.notificationSender,
          ...(config.admin.notificationRecipient ? { NOTIFICATION_RECIPIENT: config.admin.notificationRecipient } : {}),
        }
      : {}),
  };

  const fn = (handler: keyof typeof FUNCTION_IDS, permissions: iam.PolicyStatement[]): Function => {
    const id = FUNCTION_IDS[handler];
    const props: FunctionProps = {
      handler,
      // nodejs24.x is in SST 2.49.8's runtime table, so SST's own esbuild bundling applies (no Docker).
      runtime: "nodejs24.x",
      // Graviton: about 20 % cheaper per GB-second than x86 for the same work.
      architecture: "arm_64",
      // 512 MB: Lambda gives CPU in proportion to memory; the bundled AWS SDK makes cold starts the
      // main cost, and at this traffic 512 MB still fits in the free tier.
      memorySize: "512 MB",
      // 10 s: a DynamoDB round trip is milliseconds; this leaves room for SDK retries with backoff and
      // stays well under API Gateway's 30 s integration limit.
      timeout: "10 seconds",
      // No X-Ray: it would grant xray:PutTraceSegments on "*" to every role, for traces nobody reads here.
      tracing: "disabled",
      environment,
      permissions,
      // Readable stack traces without SST's sourcemap uploader (which needs its bootstrap bucket);
      // the plugin lets SST's older esbuild read `with { type: "json" }` imports (see import-attributes.ts).
      nodejs: { format: "esm", minify: false, sourcemap: false, esbuild: { plugins: [jsonImportAttributes as never] } },
      logGroup: new logs.LogGroup(stack, `${id}Logs`, {
        retention: retention.days,
        removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      }),
    };
    return new Function(stack, id, props);
  };

  const publicPermissions = [
    allow(PUBLIC_TABLE_ACTIONS, [submissions.tableArn]),
    allow(PUBLIC_TABLE_ACTIONS, [rateLimits.tableArn]),
    ...sesStatement,
  ];
  const adviserRequests = fn(PUBLIC_ROUTES["POST /api/adviser-requests"], publicPermissions);
  const inquiries = fn(PUBLIC_ROUTES["POST /api/inquiries"], publicPermissions);

  const adminFunctions = admin
    ? {
        list: fn(ADMIN_ROUTES["GET /api/admin/submissions"], [
          allow(ADMIN_READ_ACTIONS, [submissions.tableArn, `${submissions.tableArn}/index/*`]),
        ]),
        get: fn(ADMIN_ROUTES["GET /api/admin/submissions/{reference}"], [
          allow(ADMIN_READ_ACTIONS, [submissions.tableArn, `${submissions.tableArn}/index/*`]),
        ]),
        update: fn(ADMIN_ROUTES["PATCH /api/admin/submissions/{reference}"], [
          allow(ADMIN_UPDATE_ACTIONS, [submissions.tableArn]),
        ]),
      }
    : undefined;

  const api = new SstApi(stack, "Api", {
    // Same origin as the site: no CORS preflight, and no Access-Control-Allow-Origin: * by default.
    cors: false,
    defaults: { throttle: { rate: config.api.throttleRate, burst: config.api.throttleBurst } },
    accessLog: { retention: retention.name as "two_weeks" },
    authorizers: admin
      ? {
          admin: {
            type: "user_pool",
            userPool: { id: admin.userPool.userPoolId, clientIds: [admin.client.userPoolClientId] },
          },
        }
      : undefined,
    routes: {
      "POST /api/adviser-requests": { function: adviserRequests },
      "POST /api/inquiries": { function: inquiries },
      ...(adminFunctions
        ? {
            "GET /api/admin/submissions": { function: adminFunctions.list, authorizer: "admin" as const },
            "GET /api/admin/submissions/{reference}": { function: adminFunctions.get, authorizer: "admin" as const },
            "PATCH /api/admin/submissions/{reference}": { function: adminFunctions.update, authorizer: "admin" as const },
          }
        : {}),
    },
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api, functions: { adviserRequests, inquiries, ...adminFunctions } };
}
