/**
 * DynamoDB tables, built from the same definitions the local server starts with
 * (src/lib/submissions/tables.ts), so the deployed key schema and indexes cannot drift from the code.
 *
 * Raw aws-cdk-lib `Table` rather than SST's: it reaches every property asked for here
 * (point-in-time recovery specification, deletion protection, per-table removal policy).
 */
import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type { StackContext } from "sst/constructs";
import { tables } from "../lib/submissions/tables.ts";
import { useInfraConfig } from "./config.ts";

type TableDefinition = (typeof tables)[keyof typeof tables];
type KeyAttribute = TableDefinition["partitionKey"];

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === "N" ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING,
});

function createTable(context: StackContext, definition: TableDefinition, retainData: boolean): dynamodb.Table {
  const { app, stack } = context;
  const table = new dynamodb.Table(stack, definition.id, {
    // A fixed, stage-prefixed name: the operator's `submissions` command and the alarms name it, and a
    // retained prod table left behind by a deleted stack makes the next deploy fail loudly instead of
    // silently starting a second, empty table.
    tableName: app.logicalPrefixedName(definition.id),
    partitionKey: attribute(definition.partitionKey),
    sortKey: definition.sortKey ? attribute(definition.sortKey) : undefined,
    // On-demand: a few hundred submissions a month cost cents, and there is no capacity to tune.
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: definition.timeToLiveAttribute,
    // Encrypted at rest with DynamoDB's own key: no KMS charges, no key policy for the roles to need.
    encryption: dynamodb.TableEncryption.DEFAULT,
    deletionProtection: retainData,
    removalPolicy: retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  for (const index of definition.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: attribute(index.partitionKey),
      sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}

export function Storage(context: StackContext) {
  const { app, stack } = context;
  const { retainData } = useInfraConfig(app);
  const submissions = createTable(context, tables.submissions, retainData);
  const rateLimits = createTable(context, tables.rateLimits, retainData);
  stack.addOutputs({
    SubmissionsTable: submissions.tableName,
    RateLimitTable: rateLimits.tableName,
  });
  return { submissions, rateLimits };
}
