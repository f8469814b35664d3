/**
 * The app's stacks, in dependency order. sst.config.ts and the tests both go through here, so the
 * tests synthesize exactly what `sst deploy` deploys.
 */
import { Aspects } from "aws-cdk-lib";
import type { App } from "sst/constructs";
import { NagSuppressionsAspect } from "./nag.ts";
import { Api } from "./Api.ts";
import { Auth } from "./Auth.ts";
import { setInfraConfig, type InfraConfig } from "./config.ts";
import { Monitoring } from "./Monitoring.ts";
import { Site } from "./Site.ts";
import { Storage } from "./Storage.ts";

export function registerStacks(app: App, config: InfraConfig): void {
  setInfraConfig(app, config);
  if (!config.retainData) {
    // Personal and dev stages: `sst remove` deletes everything, buckets emptied first. prod keeps the
    // defaults (log groups retained) and the tables' explicit RETAIN + deletion protection.
    app.setDefaultRemovalPolicy("destroy");
  }
  app.stack(Storage).stack(Auth).stack(Api).stack(Site).stack(Monitoring);
  // cdk-nag's remaining findings, each with its reason (test/infra/nag.test.ts runs the rule pack).
  Aspects.of(app).add(new NagSuppressionsAspect({ threatProtection: config.admin.threatProtection }));
}
