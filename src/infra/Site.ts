/**
 * The built site on S3 behind CloudFront, with the API under the same origin.
 *
 * SST's StaticSite uploads `dist/` (html revalidated on every visit, hashed assets cached for a year),
 * invalidates CloudFront after each deploy and wires the custom domain; the distribution properties it
 * does not set are given through `cdk.distribution`:
 * - `/api/*` → the HTTP API, caching disabled, every method, all viewer headers except Host (API
 *   Gateway routes on its own Host name; Authorization is forwarded because caching is disabled);
 * - security headers on every response (ResponseHeadersPolicy), with a CSP hashing Astro's inline scripts;
 * - 404 → /404.html with status 404 (the page carries both languages);
 * - an optional WAF rate-based rule (us-east-1 only, see config.ts).
 */
import { Duration, Lazy, RemovalPolicy } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { Api } from "./Api.ts";
import { Auth } from "./Auth.ts";
import { useInfraConfig } from "./config.ts";
import { cspHeader } from "./csp.ts";
import { PERMISSIONS_POLICY, SECURITY_HEADERS } from "./security-headers.ts";
import { siteBuildEnvironment } from "./site-build.ts";
import { ORIGIN_HEADER } from "../lib/submissions/api.ts";

/** The viewer headers the form handlers read (functions/core/submit.ts); everything else stays at the edge. */
export const API_VIEWER_HEADERS = ["content-type", "accept", "accept-language", "idempotency-key"] as const;
/** CloudFront adds it (the reader's address and port) when an origin request policy names it. */
export const VIEWER_ADDRESS = "CloudFront-Viewer-Address";

import { viewerRequestSource } from "./viewer-request.ts";

export { PERMISSIONS_POLICY };

export function Site({ app, stack }: StackContext) {
  const config = useInfraConfig(app);
  const { api, originSecret } = use(Api);
  const { admin } = use(Auth);
  // `sst dev` serves the site with `astro dev`; StaticSite deploys nothing in that mode, nor should we.
  if (app.mode === "dev") return { site: undefined, bucket: undefined, accessLogs: undefined, securityHeaders: undefined, webAcl: undefined };

  const bucket = new s3.Bucket(stack, "SiteBucket", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // The bucket only holds a copy of dist/: every deploy rebuilds it, so it never needs keeping.
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });

  // An inactive stack (`sst remove`, or `sst deploy OtherStack`) is synthesized but not deployed, and
  // the site is not built for it: do not demand dist/ then.
  const scriptHashes = stack.isActive ? config.site.scriptHashes : [];
  const securityHeaders = new cloudfront.ResponseHeadersPolicy(stack, "SecurityHeaders", {
    responseHeadersPolicyName: app.logicalPrefixedName("security-headers"),
    securityHeadersBehavior: {
      contentSecurityPolicy: {
        // Lazy: the hashes are read from dist/ when the template is synthesized (a deploy built it before the
        // stacks ran, see site-build.ts), the same dist/ the handlers copy their layout from.
        contentSecurityPolicy: Lazy.string({
          produce: () =>
            cspHeader(typeof scriptHashes === "function" ? scriptHashes() : scriptHashes, {
              connectSources: admin ? [admin.domain.baseUrl()] : [],
            }),
        }),
        override: true,
      },
      // The values are src/infra/security-headers.ts's, which the local server sends too.
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(SECURITY_HEADERS.hstsMaxAgeSeconds),
        includeSubdomains: SECURITY_HEADERS.hstsIncludeSubdomains,
        override: true,
      },
      contentTypeOptions: { override: true }, // nosniff, CloudFront's only value
      frameOptions: { frameOption: SECURITY_HEADERS.frameOptions as cloudfront.HeadersFrameOption, override: true },
      referrerPolicy: { referrerPolicy: SECURITY_HEADERS.referrerPolicy as cloudfront.HeadersReferrerPolicy, override: true },
    },
    customHeadersBehavior: {
      customHeaders: [{ header: "Permissions-Policy", value: SECURITY_HEADERS.permissionsPolicy, override: true }],
    },
  });

  const apiOrigin = new origins.HttpOrigin(`${api.httpApiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
    protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
    originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    // The handlers refuse any request without it (403): the execute-api URL alone leads nowhere.
    customHeaders: { [ORIGIN_HEADER]: originSecret.secretValue.unsafeUnwrap() },
  });

  // The form routes get the headers their handlers read, and the reader's own address: behind CloudFront,
  // API Gateway's source address is the edge's, so the rate limit keys on CloudFront-Viewer-Address.
  const formRequests = new cloudfront.OriginRequestPolicy(stack, "ApiOriginRequest", {
    originRequestPolicyName: app.logicalPrefixedName("api-forms"),
    comment: "Form API: the headers the handlers read and the viewer's address",
    headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_VIEWER_HEADERS, VIEWER_ADDRESS),
    queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
  });

  // CloudFront's standard access logs, kept ACCESS_LOG_DAYS (90) then deleted. They hold what CloudFront
  // logs about each request (address, path, user agent) — never a form's answers, which travel in bodies.
  const accessLogs = new s3.Bucket(stack, "AccessLogs", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // CloudFront's standard logging writes with an ACL: the bucket must accept ACLs, owned by the bucket owner.
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(config.accessLogDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !config.retainData,
  });

  const webAcl = config.waf.enabled ? createWebAcl(stack, app.logicalPrefixedName("site"), config.waf.requestsPer5Minutes) : undefined;

  const domain = config.site.customDomain;
  const site = new StaticSite(stack, "Site", {
    path: config.site.path,
    buildOutput: config.site.buildOutput,
    // A deploy has built the site already (sst.config.ts, site-build.ts): no build command is left here, and
    // StaticSite uploads that dist/. The variables are the ones that build had (SITE_URL for canonical URLs,
    // INBOX_SIGN_IN for /inbox-config.json's placeholders)…
    buildCommand: config.site.buildCommand,
    environment: siteBuildEnvironment(config),
    // …which the deploy replaces with the hosted UI's origin and the public client's id.
    replaceValues: admin
      ? [
          { files: "inbox-config.json", search: "{{ INBOX_AUTHORITY }}", replace: admin.domain.baseUrl() },
          { files: "inbox-config.json", search: "{{ INBOX_CLIENT_ID }}", replace: admin.client.userPoolClientId },
        ]
      : undefined,
    errorPage: "404.html",
    customDomain: domain
      ? {
          domainName: domain.domainName,
          // DNS of a government domain is managed outside Route 53: a CNAME points at the distribution.
          isExternalDomain: true,
          cdk: { certificate: acm.Certificate.fromCertificateArn(stack, "SiteCertificate", domain.certificateArn) },
        }
      : undefined,
    assets: {
      // Only Astro's /_astro/ files carry a content hash in their name: cache those for a year, and make
      // browsers revalidate everything else (pages, /search.js, Pagefind's index) on each visit. StaticSite's
      // default would cache every *.js and *.css for a year, stale after the next deploy for unhashed names.
      // The uploader applies the last matching option, so these two override its defaults.
      fileOptions: [
        { files: "_astro/**", cacheControl: "public,max-age=31536000,immutable" },
        { files: "**", ignore: "_astro/**", cacheControl: "public,max-age=0,must-revalidate" },
      ],
    },
    cdk: {
      bucket,
      distribution: {
        comment: `${app.stage} ${app.name}`,
        priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
        httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        webAclId: webAcl?.attrArn,
        enableLogging: true,
        logBucket: accessLogs,
        logFilePrefix: "cloudfront/",
        // Origin access control with LIST: a missing key answers 404 (not 403), so only 404 is mapped and an
        // API 403 (e.g. a refused Origin) reaches the browser as sent.
        errorResponses: [{ httpStatus: 404, responseHttpStatus: 404, responsePagePath: "/404.html", ttl: Duration.minutes(1) }],
        defaultBehavior: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(bucket, {
            originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          compress: true,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(stack, "DirectoryIndex", {
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                code: cloudfront.FunctionCode.fromInline(viewerRequestSource),
                comment: "…/ → …/index.html; …/page → 301 …/page/",
              }),
            },
          ],
        },
        additionalBehaviors: {
          "/api/*": {
            origin: apiOrigin,
            viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
            cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
            originRequestPolicy: formRequests,
            responseHeadersPolicy: securityHeaders,
            compress: true,
          },
          // The inbox's routes need Authorization, which only an all-viewer policy forwards when caching is off.
          ...(admin
            ? {
                "/api/admin/*": {
                  origin: apiOrigin,
                  viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
                  allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
                  cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
                  originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                  responseHeadersPolicy: securityHeaders,
                  compress: true,
                },
              }
            : {}),
        },
      },
    },
  });

  // Our DirectoryIndex function replaces StaticSite's URL rewrite (which maps /page to /page.html, wrong
  // for Astro's directory format); drop the unused one rather than deploy a dangling resource.
  site.node.tryRemoveChild("CloudFrontFunction");

  stack.addOutputs({
    SiteUrl: site.customDomainUrl ?? site.url ?? "",
    CloudFrontUrl: site.url ?? "",
  });
  return { site, bucket, accessLogs, securityHeaders, webAcl };
}

/** A rate-based rule per client IP; CloudFront scope, so the stack must be in us-east-1. */
function createWebAcl(stack: StackContext["stack"], name: string, limit: number): wafv2.CfnWebACL {
  const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
  return new wafv2.CfnWebACL(stack, "WebAcl", {
    name,
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    visibilityConfig: visibility(`${name}-acl`),
    rules: [
      {
        name: "RateLimitPerIp",
        priority: 0,
        action: { block: {} },
        statement: { rateBasedStatement: { limit, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
        visibilityConfig: visibility(`${name}-rate`),
      },
    ],
  });
}
