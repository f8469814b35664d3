/**
 * Synthesizes the app offline for the infrastructure tests: a stage, a dummy account and region,
 * no credentials, no network. `app.finish()` runs SST's deferred tasks as `sst deploy` does, so the
 * handlers are really bundled (esbuild) and the runtime SST sets after bundling is the one asserted;
 * the site is a small fixture folder, never the real build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Aspects, type IAspect } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { stageConfig, type InfraConfig } from "../../src/infra/config.ts";
import { registerStacks } from "../../src/infra/stacks.ts";
import { scriptHashesFromDist } from "../../src/infra/csp.ts";
import { buildSiteForDeploy } from "../../src/infra/site-build.ts";
import { Api } from "../../src/infra/Api.ts";
import { Auth } from "../../src/infra/Auth.ts";
import { Monitoring } from "../../src/infra/Monitoring.ts";
import { Site } from "../../src/infra/Site.ts";
import { Storage } from "../../src/infra/Storage.ts";

export const ACCOUNT = "123456789012";
export const FIXTURE_SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "site");
/** Two fixed, well-formed hashes standing for Astro's inline scripts. */
export const FIXED_HASHES = [
  "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "'sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564='",
] as const;

export interface Synthesized {
  app: App;
  /** The cloud assembly: staged function bundles (asset.<hash>/) and templates. */
  outdir: string;
  config: InfraConfig;
  storage: Template;
  auth: Template;
  api: Template;
  site: Template;
  monitoring: Template;
  all: Template[];
}

const outdirs: string[] = [];

/** Deletes the cloud assemblies written by synth() (call from afterAll). */
export function removeOutputs(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface SynthOptions {
  region?: string;
  /**
   * Run SST's deferred tasks (bundle every handler, package the site fixture) as `sst deploy` does.
   * Off only for a config whose handler files are not written yet (the admin ones); the template is
   * complete without them except for each function's code and the runtime SST writes after bundling.
   */
  bundle?: boolean;
  /** Aspects added to the app before synthesis (cdk-nag's rule packs). */
  aspects?: IAspect[];
  /**
   * Go through sst.config.ts's deploy path: `buildCommand` builds a site folder (under `path`, into
   * `buildOutput`) once before the stacks are registered (src/infra/site-build.ts), and the CSP hashes are read
   * from that build. Without it the fixture folder stands for an already built site, with fixed hashes.
   */
  build?: { path: string; buildOutput: string; buildCommand: string };
}

export async function synth(stage: string, env: Record<string, string> = {}, options: SynthOptions = {}): Promise<Synthesized> {
  const { region = "ca-central-1", bundle = true, aspects = [], build } = options;
  // initProject reads sst.config.ts (its config() only: SST strips stacks() when loading it shallowly).
  await initProject({ stage, region });
  // Our own cloud-assembly folder (staged function zips and site packages), removed by removeOutputs().
  const outdir = mkdtempSync(path.join(tmpdir(), "infra-test-cdk-"));
  outdirs.push(outdir);
  // SST bundles each handler in <artifacts>/<construct address> and runs `npm install` there; the address is the
  // same in every synth of the app, so test files synthesizing in parallel workers would share (and delete) each
  // other's folders under .sst/artifacts. Each synth bundles in its own folder instead.
  useProject().paths.artifacts = path.join(outdir, "artifacts");
  const app = new App({ mode: "deploy", stage, region, account: ACCOUNT, name: useProject().config.name }, { outdir });
  const config = build
    ? buildSiteForDeploy(app.mode, stageConfig(stage, env, { ...build, scriptHashes: () => scriptHashesFromDist(path.join(build.path, build.buildOutput)) }))
    : stageConfig(stage, env, { path: FIXTURE_SITE, buildOutput: ".", scriptHashes: FIXED_HASHES });
  registerStacks(app, config);
  for (const aspect of aspects) Aspects.of(app).add(aspect);
  if (bundle) await app.finish();
  const template = (fn: Parameters<typeof getStack>[0]) => Template.fromStack(getStack(fn));
  const storage = template(Storage);
  const auth = template(Auth);
  const api = template(Api);
  const site = template(Site);
  const monitoring = template(Monitoring);
  return { app, config, outdir, storage, auth, api, site, monitoring, all: [storage, auth, api, site, monitoring] };
}
