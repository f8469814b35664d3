/**
 * cdk-nag (AwsSolutionsChecks) findings that stay, each with its reason, attached where the resource is
 * made. test/infra/nag.test.ts runs the rule pack over the prod synth (inbox and WAF on) and fails on
 * any finding not listed here. Added as an aspect so that constructs SST creates late (its custom
 * resource handler, the site's uploader) are covered too; it runs before cdk-nag's own aspect.
 */
import { Stack, type IAspect } from "aws-cdk-lib";
import { NagSuppressions, type NagPackSuppression } from "cdk-nag";
import type { IConstruct } from "constructs";

const BASIC_EXECUTION = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

interface Rule {
  /** Construct path below the stack, as a regular expression. */
  path: RegExp;
  suppressions: NagPackSuppression[];
}

const RULES: Rule[] = [
  {
    path: /^CustomResourceHandler$/,
    suppressions: [
      { id: "AwsSolutions-L1", reason: "SST v2's own custom resource handler: its runtime is pinned by SST (sst 2.49.8), not by this project." },
      { id: "AwsSolutions-IAM4", reason: "SST's custom resource handler writes its own logs with AWS's basic execution policy.", appliesTo: [BASIC_EXECUTION] },
    ],
  },
  {
    path: /^(AdviserRequests|Inquiries|AdminList|AdminGet|AdminUpdate)$/,
    suppressions: [
      {
        id: "AwsSolutions-IAM4",
        reason: "AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch log streams; every data permission is an inline policy on one table.",
        appliesTo: [BASIC_EXECUTION],
      },
    ],
  },
  {
    path: /^(AdminList|AdminGet)$/,
    suppressions: [
      {
        id: "AwsSolutions-IAM5",
        reason: "The inbox lists with Query on the submissions table's own indexes (byTypeStatus, byType): `<table>/index/*` names only that table's indexes, read-only.",
        appliesTo: [{ regex: "/^Resource::<submissions[0-9A-F]+\\.Arn>\\/index\\/\\*$/" }],
      },
    ],
  },
  {
    path: /^Api\/Route_POST_--api--(adviser-requests|inquiries)$/,
    suppressions: [
      {
        id: "AwsSolutions-APIG4",
        reason: "Public forms anyone may send without an account. Guards: the CloudFront origin secret (403 without it), the per-address limit in DynamoDB, the stage throttle and, when on, WAF's rate rule.",
      },
    ],
  },
  {
    path: /^Site\/S3UploaderPolicy$/,
    suppressions: [
      { id: "AwsSolutions-IAM5", reason: "SST StaticSite's deploy-time uploader writes the build into the site bucket's objects (bucket/*) and its own asset bucket; it runs only during a deploy." },
    ],
  },
  {
    path: /^Site\/Distribution$/,
    suppressions: [
      { id: "AwsSolutions-CFR1", reason: "No geographic restriction: public information of the Québec government, read by organisations and people wherever they are." },
    ],
  },
  {
    path: /^SiteBucket$/,
    suppressions: [
      { id: "AwsSolutions-S1", reason: "The bucket holds a copy of dist/, readable only by CloudFront (origin access control); CloudFront's access logs record every read." },
    ],
  },
  {
    path: /^AccessLogs$/,
    suppressions: [{ id: "AwsSolutions-S1", reason: "This is the access-log bucket itself: logging its own access would log forever." }],
  },
  {
    path: /^OriginSecret$/,
    suppressions: [
      {
        id: "AwsSolutions-SMG4",
        reason: "CloudFormation resolves the secret into CloudFront's origin header and the functions at deploy: a rotation takes effect at the next deploy of both, so it is rotated by regenerating it and deploying (README), not by a rotation Lambda.",
      },
    ],
  },
  {
    path: /^AdminUserPool$/,
    suppressions: [
      {
        id: "AwsSolutions-COG3",
        reason: "Threat protection is offered (ADMIN_THREAT_PROTECTION=on, Cognito Plus plan); without it the pool still requires MFA for every account, created by an administrator only.",
      },
    ],
  },
];

/** Attaches the suppressions; COG3 is suppressed only while threat protection is off (on, it must pass for real). */
export class NagSuppressionsAspect implements IAspect {
  private readonly options: { threatProtection: boolean };
  constructor(options: { threatProtection: boolean }) {
    this.options = options;
  }

  visit(node: IConstruct): void {
    if (node instanceof Stack || !node.node.scopes.some((scope) => scope instanceof Stack)) return;
    const stack = Stack.of(node);
    const relative = node.node.path.slice(stack.node.path.length + 1);
    for (const rule of RULES) {
      if (!rule.path.test(relative)) continue;
      const suppressions = rule.suppressions.filter((s) => !(s.id === "AwsSolutions-COG3" && this.options.threatProtection));
      if (suppressions.length > 0) NagSuppressions.addResourceSuppressions(node, suppressions, true);
    }
  }
}
