/**
 * The deployed form handlers wear the site's layout: a synth through sst.config.ts's deploy path
 * (src/infra/site-build.ts) builds a site folder once before the stacks, copies its two layout templates into the
 * form handlers' bundles (SST copyFiles), points LAYOUT_DIR at them and hashes the CSP from the same build; the
 * bundled handler, loaded under Node from its staged asset with Lambda's LAMBDA_TASK_ROOT, renders a refused form
 * inside that layout. The "build" copies the fixture site (a real `astro build` is far too slow here) and counts
 * its runs, so a second build by StaticSite would show.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stageConfig } from "../../src/infra/config.ts";
import { inlineScriptHashes } from "../../src/infra/csp.ts";
import { BUNDLE_LAYOUT_DIR, buildSiteForDeploy, layoutFiles } from "../../src/infra/site-build.ts";
import { layoutTemplatePath } from "../../src/lib/forms/layout.ts";
import { LAYOUT_METRIC } from "../../src/lib/forms/layout-metric.ts";
import { ORIGIN_HEADER } from "../../functions/core/lambda.ts";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { Api } from "../../src/infra/Api.ts";
import { registerStacks } from "../../src/infra/stacks.ts";
import { ACCOUNT, FIXTURE_SITE, removeOutputs, synth, type Synthesized } from "./synth.ts";

const FORM_FUNCTIONS = { AdviserRequests: "functions/adviser-requests.mjs", Inquiries: "functions/inquiries.mjs" } as const;
const LANGS = ["fr", "en"] as const;

let site: string;
let built: string;
let dev: Synthesized;

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), "infra-test-site-"));
  built = path.join(site, "out");
  // The "build": copies the fixture into out/ and writes one line per run.
  writeFileSync(
    path.join(site, "build.mjs"),
    `import { appendFileSync, cpSync } from "node:fs";\n` +
      `cpSync(${JSON.stringify(FIXTURE_SITE)}, "out", { recursive: true });\n` +
      `appendFileSync("builds.log", (process.env.SITE_URL ?? "-") + "\\n");\n`,
  );
  dev = await synth("dev", {}, { build: { path: site, buildOutput: "out", buildCommand: `"${process.execPath}" build.mjs` } });
}, 240_000);

afterAll(() => {
  removeOutputs();
  rmSync(site, { recursive: true, force: true });
});

type Resource = { Type: string; Properties: Record<string, any> };
/** A form function's resource and the folder CDK staged its bundle in (asset.<hash>/, the zip's content). */
function bundleOf(template: Template, outdir: string, id: keyof typeof FORM_FUNCTIONS): { resource: Resource; bundle: string } {
  const found = Object.entries(template.findResources("AWS::Lambda::Function") as Record<string, Resource>)
    .filter(([logicalId]) => new RegExp(`^${id}[0-9A-F]{8}$`).test(logicalId));
  expect(found, id).toHaveLength(1);
  const resource = found[0]![1];
  const key = String(resource.Properties.Code.S3Key);
  const bundle = path.join(outdir, `asset.${key.replace(/\.zip$/, "")}`);
  expect(existsSync(bundle), `${id}: ${bundle}`).toBe(true);
  return { resource, bundle };
}
const formFunction = (id: keyof typeof FORM_FUNCTIONS) => bundleOf(dev.api, dev.outdir, id);

describe("the site is built once, before the stacks, for a deploy", () => {
  it("ran the build command exactly once: StaticSite uploaded that build without building again", () => {
    expect(readFileSync(path.join(site, "builds.log"), "utf8").trim().split("\n")).toEqual(["-"]);
    expect(dev.config.site.buildCommand).toBeUndefined();
  });

  it("builds only in SST's deploy mode (not for sst dev or sst remove), with the stage's build variables", () => {
    const base = { path: site, buildOutput: "out", buildCommand: "build", scriptHashes: [] };
    const config = stageConfig("prod", { SITE_DOMAIN: "services.example.gouv.qc.ca", SITE_CERTIFICATE_ARN: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789", ADMIN: "on" }, base);
    const runs: Array<{ command: string; cwd: string; env: NodeJS.ProcessEnv }> = [];
    const run = (command: string, options: { cwd: string; env: NodeJS.ProcessEnv }) => void runs.push({ command, ...options });
    expect(buildSiteForDeploy("dev", config, run)).toBe(config);
    expect(buildSiteForDeploy("remove", config, run)).toBe(config);
    expect(runs).toEqual([]);
    const deployed = buildSiteForDeploy("deploy", config, run);
    expect(runs.map((r) => [r.command, r.cwd, r.env.SITE_URL, r.env.INBOX_SIGN_IN])).toEqual([["build", site, "https://services.example.gouv.qc.ca", "cognito"]]);
    expect(deployed.site.buildCommand).toBeUndefined();
  });

  it("stops a deploy whose build left no layout template, before any stack exists", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "infra-test-empty-"));
    try {
      const config = stageConfig("dev", {}, { path: empty, buildOutput: ".", buildCommand: "build", scriptHashes: [] });
      expect(() => buildSiteForDeploy("deploy", config, () => {})).toThrow(/no layout template/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("why: SST v2 bundles the handlers before StaticSite's build", () => {
  it("with the build left to StaticSite, the handlers' bundles copy the dist/ that was there before it ran", { timeout: 120_000 }, async () => {
    // One deferred task at a time (SST_BUILD_CONCURRENCY=1, what cores − 1 gives on a 2-core machine): the tasks
    // run in the order the constructs were created, Api's functions before Site's StaticSite. With more at once
    // the build (execSync) runs beside the bundling and the outcome is a race; either way no order is guaranteed.
    const previous = process.env.SST_BUILD_CONCURRENCY;
    process.env.SST_BUILD_CONCURRENCY = "1";
    const work = mkdtempSync(path.join(tmpdir(), "infra-test-order-"));
    try {
      await initProject({ stage: "order", region: "ca-central-1" });
      const old = path.join(work, "site");
      cpSync(FIXTURE_SITE, path.join(old, "out"), { recursive: true });
      // StaticSite's build marks the template it rebuilds.
      writeFileSync(path.join(old, "build.mjs"), `import { appendFileSync } from "node:fs";\nappendFileSync("out/fr/confirmation/index.html", "<!--rebuilt-->");\n`);
      const app = new App({ mode: "deploy", stage: "order", region: "ca-central-1", account: ACCOUNT, name: "offre-de-services" }, { outdir: path.join(work, "cdk") });
      registerStacks(app, stageConfig("order", {}, { path: old, buildOutput: "out", buildCommand: `"${process.execPath}" build.mjs`, scriptHashes: [] }));
      await app.finish();
      expect(readFileSync(path.join(old, "out", layoutTemplatePath("fr")), "utf8")).toContain("<!--rebuilt-->");
      const api = Template.fromStack(getStack(Api));
      for (const id of Object.keys(FORM_FUNCTIONS) as Array<keyof typeof FORM_FUNCTIONS>) {
        const { bundle } = bundleOf(api, path.join(work, "cdk"), id);
        const copy = readFileSync(path.join(bundle, BUNDLE_LAYOUT_DIR, layoutTemplatePath("fr")), "utf8");
        expect(copy, id).toContain("data-fixture-header");
        expect(copy, id).not.toContain("<!--rebuilt-->");
      }
    } finally {
      if (previous === undefined) delete process.env.SST_BUILD_CONCURRENCY;
      else process.env.SST_BUILD_CONCURRENCY = previous;
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("the form handlers' bundle carries the layout", () => {
  it("both templates are in each form handler's bundle, copied from the build, and LAYOUT_DIR names their folder", () => {
    for (const id of Object.keys(FORM_FUNCTIONS) as Array<keyof typeof FORM_FUNCTIONS>) {
      const { resource, bundle } = formFunction(id);
      expect(resource.Properties.Environment.Variables.LAYOUT_DIR, id).toBe(BUNDLE_LAYOUT_DIR);
      for (const lang of LANGS) {
        const copy = path.join(bundle, BUNDLE_LAYOUT_DIR, layoutTemplatePath(lang));
        expect(readFileSync(copy, "utf8"), `${id} ${lang}`).toBe(readFileSync(path.join(built, layoutTemplatePath(lang)), "utf8"));
      }
    }
  });

  it("copyFiles names the build's files relative to the project root, where SST resolves them", () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
    for (const file of layoutFiles(dev.config, root)) {
      expect(path.isAbsolute(file.from)).toBe(false);
      expect(existsSync(path.join(root, file.from)), file.from).toBe(true);
      expect(file.to.startsWith(`${BUNDLE_LAYOUT_DIR}/`)).toBe(true);
    }
  });

  it("the CSP's script hashes come from the same build the handlers copied", () => {
    const policy = Object.values(dev.site.findResources("AWS::CloudFront::ResponseHeadersPolicy") as Record<string, Resource>)[0]!;
    const csp = String(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const { bundle } = formFunction("Inquiries");
    for (const lang of LANGS) {
      const hashes = inlineScriptHashes(readFileSync(path.join(bundle, BUNDLE_LAYOUT_DIR, layoutTemplatePath(lang)), "utf8"));
      expect(hashes, lang).toHaveLength(1);
      expect(csp, lang).toContain(hashes[0]);
    }
  });

  it("a missing layout is a CloudWatch alarm on each form handler's metric", () => {
    const alarms = Object.values(dev.monitoring.findResources("AWS::CloudWatch::Alarm") as Record<string, Resource>)
      .filter((alarm) => alarm.Properties.MetricName === LAYOUT_METRIC.name);
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      expect(alarm.Properties.Namespace).toBe(LAYOUT_METRIC.namespace);
      expect(alarm.Properties.Dimensions.map((d: { Name: string }) => d.Name)).toEqual(["FunctionName"]);
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
    }
  });
});

/** Runs a bundled handler under Node as Lambda would (cwd and LAMBDA_TASK_ROOT = the bundle), with one event. */
function invoke(bundle: string, file: string, env: Record<string, string>, events: unknown[]): { results: Array<{ statusCode: number; body: string }>; stdout: string; stderr: string } {
  const script = `
    const { handler } = await import(${JSON.stringify(path.join(bundle, file))});
    const results = [];
    for (const event of ${JSON.stringify(events)}) results.push(await handler(event, {}));
    process.stdout.write("\\nRESULTS " + JSON.stringify(results) + "\\n");`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: bundle,
    env: { PATH: process.env.PATH ?? "", AWS_REGION: "ca-central-1", ORIGIN_SECRET: "test-origin-secret", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  // The handler logs its own JSON lines on stdout; the results are the marked line.
  const line = run.stdout.split("\n").find((l) => l.startsWith("RESULTS "));
  expect(line, run.stdout).toBeDefined();
  return { results: JSON.parse(line!.slice("RESULTS ".length)), stdout: run.stdout, stderr: run.stderr };
}

/** A form posted without JavaScript, too large to keep (413): refused before any database call, answers kept. */
function tooLargePost(lang: "fr" | "en") {
  const body = new URLSearchParams({ lang, name: "Jeanne Tremblay", description: "x".repeat(17 * 1024) }).toString();
  return {
    version: "2.0",
    rawPath: "/api/inquiries",
    rawQueryString: "",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", [ORIGIN_HEADER]: "test-origin-secret" },
    body,
    isBase64Encoded: false,
    requestContext: { http: { method: "POST", path: "/api/inquiries", sourceIp: "192.0.2.10" } },
  };
}

describe("the bundled form handler renders its pages in the site's layout", () => {
  it("a refused no-JS form comes back inside the layout: header, footer, the language link to the other form", { timeout: 90_000 }, () => {
    const { resource, bundle } = formFunction("Inquiries");
    const { results, stderr } = invoke(bundle, FORM_FUNCTIONS.Inquiries, { LAYOUT_DIR: resource.Properties.Environment.Variables.LAYOUT_DIR, LAMBDA_TASK_ROOT: bundle }, [tooLargePost("fr"), tooLargePost("en")]);
    expect(stderr).not.toContain("layout_template_missing");
    const [fr, en] = results as [{ statusCode: number; body: string }, { statusCode: number; body: string }];
    for (const [page, lang, other] of [[fr, "fr-CA", "/en/"], [en, "en-CA", "/fr/"]] as const) {
      expect(page.statusCode).toBe(413);
      expect(page.body).toContain(`<html lang="${lang}">`);
      expect(page.body).toContain("<header data-fixture-header>");
      expect(page.body).toContain("<footer data-fixture-footer>");
      expect(page.body).toMatch(new RegExp(`<a class="language-toggle" href="${other}[^"]+" hreflang=`));
      expect(page.body).toMatch(/<main id="main"><h1>[^<]+<\/h1>[\s\S]*<form\b[\s\S]*<\/main>/);
      expect(page.body).toContain("Jeanne Tremblay"); // the answers are kept
      expect(page.body).not.toContain("<script");
    }
  });

  it("without its copy of the layout it still answers, says so once in one log line without personal data, as a metric", { timeout: 90_000 }, () => {
    const { bundle } = formFunction("Inquiries");
    const empty = mkdtempSync(path.join(tmpdir(), "infra-test-task-"));
    try {
      const { results, stdout, stderr } = invoke(bundle, FORM_FUNCTIONS.Inquiries, { LAYOUT_DIR: BUNDLE_LAYOUT_DIR, LAMBDA_TASK_ROOT: empty, AWS_LAMBDA_FUNCTION_NAME: "dev-offre-de-services-Inquiries" }, [tooLargePost("fr"), tooLargePost("en"), tooLargePost("fr")]);
      for (const result of results) {
        expect(result.statusCode).toBe(413);
        expect(result.body).not.toContain("data-fixture-header");
        expect(result.body).toContain("<form");
      }
      const lines = stderr.split("\n").filter((line) => line.includes("layout_template_missing"));
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0]!);
      expect(entry.file).toBe(path.join(empty, BUNDLE_LAYOUT_DIR, layoutTemplatePath("fr")));
      expect(entry.FunctionName).toBe("dev-offre-de-services-Inquiries");
      expect(entry[LAYOUT_METRIC.name]).toBe(1);
      expect(entry._aws.CloudWatchMetrics[0]).toEqual({ Namespace: LAYOUT_METRIC.namespace, Dimensions: [["FunctionName"]], Metrics: [{ Name: LAYOUT_METRIC.name, Unit: "Count" }] });
      expect(stderr).not.toContain("Jeanne");
      expect(stdout.split("\n").filter((l) => !l.startsWith("RESULTS ")).join("\n")).not.toContain("Jeanne");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
