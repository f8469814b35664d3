/**
 * cdk-nag's AwsSolutions rule pack over the prod synth with everything on (the inbox, WAF, a custom
 * domain and alarms): no unsuppressed error or warning. Each remaining finding is suppressed in the
 * stack code with its reason (src/infra/nag.ts); this test prints the table of what was found.
 */
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, beforeAll, expect, it } from "vitest";
import { removeOutputs, synth, type Synthesized } from "./synth.ts";

const ACCOUNT_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const FULL_ENV = {
  SITE_DOMAIN: "services.example.gouv.qc.ca",
  SITE_CERTIFICATE_ARN: ACCOUNT_CERT,
  ALARM_EMAIL: "alertes@example.gouv.qc.ca",
  WAF: "on",
  ADMIN: "on",
  NOTIFICATION_SENDER: "noreply@example.gouv.qc.ca",
  ADMIN_THREAT_PROTECTION: "on",
};

let full: Synthesized;
beforeAll(async () => {
  full = await synth("prod", FULL_ENV, { region: "us-east-1", aspects: [new AwsSolutionsChecks({ verbose: true, logIgnores: true })] });
});
afterAll(removeOutputs);

/** The findings in the assembly already synthesized (a second synthesis would run the aspects twice). */
function findings(level: "error" | "warning" | "info") {
  const assembly = full.app.synth();
  return assembly.stacks.flatMap((stack) =>
    stack.messages
      .filter((m) => m.level === level && /AwsSolutions-/.test(String(m.entry.data)))
      .map((m) => ({ stack: stack.stackName, path: m.id, rule: /AwsSolutions-[A-Z0-9]+/.exec(String(m.entry.data))?.[0] ?? "?", text: String(m.entry.data).slice(0, 160) })),
  );
}

it("AwsSolutionsChecks: no unsuppressed finding on the prod synth (inbox and WAF on)", () => {
  const errors = findings("error");
  const warnings = findings("warning");
  // With logIgnores, every suppressed finding is reported as info: the "after" table of the closing note.
  const ignored = new Map<string, number>();
  for (const f of findings("info")) ignored.set(f.rule, (ignored.get(f.rule) ?? 0) + 1);
  console.log([...ignored].sort().map(([rule, n]) => `${rule}\tsuppressed ${n}`).join("\n"));
  const table = new Map<string, { errors: number; warnings: number }>();
  for (const f of errors) table.set(f.rule, { errors: (table.get(f.rule)?.errors ?? 0) + 1, warnings: table.get(f.rule)?.warnings ?? 0 });
  for (const f of warnings) table.set(f.rule, { errors: table.get(f.rule)?.errors ?? 0, warnings: (table.get(f.rule)?.warnings ?? 0) + 1 });
  console.log([...table].sort().map(([rule, n]) => `${rule}\terrors ${n.errors}\twarnings ${n.warnings}`).join("\n") || "cdk-nag: no finding");
  console.log([...errors, ...warnings].map((e) => `${e.rule} ${e.path}`).join("\n"));
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
}, 120_000);

it("suppresses only the listed rules, each with its reason, and fixes CFR3, SNS3, COG1 and COG3 for real", () => {
  const suppressed = new Map<string, number>();
  for (const template of full.all) {
    for (const resource of Object.values(template.toJSON().Resources as Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress?: Array<{ id: string; reason: string }> } } }>)) {
      for (const rule of resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) {
        expect(rule.reason.length, rule.id).toBeGreaterThan(40);
        suppressed.set(rule.id, (suppressed.get(rule.id) ?? 0) + 1);
      }
    }
  }
  console.log([...suppressed].sort().map(([id, n]) => `suppressed ${id} on ${n} resource(s)`).join("\n"));
  expect([...suppressed.keys()].sort()).toEqual(
    ["AwsSolutions-APIG4", "AwsSolutions-CFR1", "AwsSolutions-IAM4", "AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-S1", "AwsSolutions-SMG4"],
  );
  // The fixed ones: access logs with a lifecycle, TLS-only topic, strong passwords, threat protection.
  const distribution = Object.values(full.site.findResources("AWS::CloudFront::Distribution"))[0] as { Properties: { DistributionConfig: { Logging?: unknown } } };
  expect(distribution.Properties.DistributionConfig.Logging).toBeDefined();
  full.site.hasResourceProperties("AWS::S3::Bucket", { LifecycleConfiguration: { Rules: [{ ExpirationInDays: 90, Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }] } });
  full.monitoring.hasResourceProperties("AWS::SNS::TopicPolicy", { PolicyDocument: { Statement: [{ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }] } });
  full.auth.hasResourceProperties("AWS::Cognito::UserPool", { UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" }, UserPoolTier: "PLUS" });
});
