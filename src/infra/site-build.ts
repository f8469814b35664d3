/**
 * The site is built once, before the stacks are registered, when SST synthesizes for a deploy.
 *
 * Why not StaticSite's `buildCommand`: SST v2 builds a StaticSite in a deferred task
 * (node_modules/sst/constructs/StaticSite.js, `useDeferredTasks().add(… this.buildApp() …)`), and those tasks
 * run in the order the constructs were created, several at a time (constructs/deferred_task.js, concurrency =
 * cores − 1). The Api stack is registered before the Site stack, so each handler's bundling task
 * (constructs/Function.js → runtime/handlers.js, which copies `copyFiles` into the bundle) starts before the
 * site's build, or beside it: a handler bundle could never count on `dist/` being there. Built first, `dist/`
 * is in place for all of them: the handlers' copy of the layout (Api.ts, `layoutFiles`), the CSP hashes
 * (csp.ts) and the upload (Site.ts, which then runs no build of its own) all come from the same build.
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { layoutTemplatePath } from "../lib/forms/layout.ts";
import type { InfraConfig } from "./config.ts";

/** Variables the build reads (astro.config.mjs, src/pages/inbox-config.json.ts) for a stage. */
export function siteBuildEnvironment(config: InfraConfig): Record<string, string> {
  const domain = config.site.customDomain;
  return {
    // Astro writes canonical URLs and the sitemap from SITE_URL.
    ...(domain ? { SITE_URL: `https://${domain.domainName}` } : {}),
    // The build then writes /inbox-config.json with placeholders the deploy replaces (Site.ts, replaceValues).
    ...(config.admin.enabled ? { INBOX_SIGN_IN: "cognito" } : {}),
  };
}

/** The folder of the built site. */
export function builtSiteDir(config: InfraConfig): string {
  return path.resolve(config.site.path, config.site.buildOutput);
}

/**
 * For a deploy (`sst deploy`, `sst diff`, `sst build`: SST's "deploy" mode), runs the site's build command
 * once, now, with the stage's build variables, and returns the configuration with no build command left for
 * StaticSite (it uploads what was built). Other modes (`sst dev`, `sst remove`) build nothing.
 * @throws {Error} when the build fails or leaves no layout template behind (the deploy stops before AWS is touched)
 */
export function buildSiteForDeploy(
  mode: "deploy" | "dev" | "remove",
  config: InfraConfig,
  run: (command: string, options: { cwd: string; env: NodeJS.ProcessEnv }) => void = (command, options) => {
    execSync(command, { ...options, stdio: "inherit" });
  },
): InfraConfig {
  const command = config.site.buildCommand;
  if (mode !== "deploy" || !command) return config;
  console.log(`Building the site once for the deploy: ${command}`);
  run(command, { cwd: config.site.path, env: { ...process.env, ...siteBuildEnvironment(config) } });
  for (const lang of ["fr", "en"] as const) {
    const file = path.join(builtSiteDir(config), layoutTemplatePath(lang));
    if (!existsSync(file)) throw new Error(`The site's build left no layout template at ${file} (the handlers' pages wear it).`);
  }
  const { buildCommand: _built, ...site } = config.site;
  return { ...config, site };
}

/** Where the layout templates sit inside a handler's bundle; LAYOUT_DIR names it, relative to LAMBDA_TASK_ROOT. */
export const BUNDLE_LAYOUT_DIR = "layout";

/**
 * The two layout templates, as SST `copyFiles` entries (from: relative to the project root, where SST resolves
 * it; to: inside the bundle). functions/core/page.ts reads them from `$LAMBDA_TASK_ROOT/$LAYOUT_DIR`.
 */
export function layoutFiles(config: InfraConfig, projectRoot: string): Array<{ from: string; to: string }> {
  return (["fr", "en"] as const).map((lang) => ({
    from: path.relative(projectRoot, path.join(builtSiteDir(config), layoutTemplatePath(lang))),
    to: path.posix.join(BUNDLE_LAYOUT_DIR, layoutTemplatePath(lang)),
  }));
}
