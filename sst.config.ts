/**
 * SST v2 app: `npx sst deploy --stage <stage>` (see README, Deploy). Stacks live in src/infra/.
 *
 * Region: ca-central-1 (Montréal) keeps the submissions in Canada; override with `--region`.
 * Stage settings (custom domain, alarm email, WAF, admin) come from the environment or `.env.<stage>`.
 */
import type { SSTConfig } from "sst";
import { stageConfig } from "./src/infra/config.ts";
import { scriptHashesFromDist } from "./src/infra/csp.ts";
import { buildSiteForDeploy } from "./src/infra/site-build.ts";
import { registerStacks } from "./src/infra/stacks.ts";

export default {
  config() {
    return { name: "offre-de-services", region: "ca-central-1" };
  },
  stacks(app) {
    const config = stageConfig(app.stage, process.env, {
      path: ".",
      buildOutput: "dist",
      buildCommand: "npm run build",
      // Read from the same dist/ the handlers copy their layout from and the Site stack uploads.
      scriptHashes: () => scriptHashesFromDist("dist"),
    });
    // A deploy builds the site once, here, before any stack exists: SST's deferred tasks would otherwise bundle
    // the handlers before (or while) StaticSite builds, and the handlers' copy of the layout (their pages wear
    // the site's header and footer) would be missing or stale. The Site stack then uploads dist/ without
    // building again. `sst dev` and `sst remove` build nothing. See src/infra/site-build.ts.
    registerStacks(app, buildSiteForDeploy(app.mode, config));
  },
} satisfies SSTConfig;
