/**
 * SST v2 app: `npx sst deploy --stage <stage>` (see README, Deploy). Stacks live in src/infra/.
 *
 * Region: ca-central-1 (Montréal) keeps the submissions in Canada; override with `--region`.
 * Stage settings (custom domain, alarm email, WAF, admin) come from the environment or `.env.<stage>`.
 */
import type { SSTConfig } from "sst";
import { stageConfig } from "./src/infra/config.ts";
import { scriptHashesFromDist } from "./src/infra/csp.ts";
import { registerStacks } from "./src/infra/stacks.ts";

export default {
  config() {
    return { name: "offre-de-services", region: "ca-central-1" };
  },
  stacks(app) {
    registerStacks(
      app,
      stageConfig(app.stage, process.env, {
        path: ".",
        buildOutput: "dist",
        // The site is built during the deploy, then the CSP hashes are read from that fresh dist/ when the
        // template is synthesized (a missing dist/ stops the deploy with an explanation).
        buildCommand: "npm run build",
        scriptHashes: () => scriptHashesFromDist("dist"),
      }),
    );
  },
} satisfies SSTConfig;
