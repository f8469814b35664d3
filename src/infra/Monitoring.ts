/**
 * Alarms to an SNS topic. The email subscription comes from ALARM_EMAIL (the recipient confirms it from
 * the first message); without it the topic still exists, for a later subscription in the console.
 *
 * Thresholds suit a low-traffic public form: any server-side error is worth an email, client errors
 * and throttling (HTTP APIs report 429 inside 4xx) only when they become a flood.
 */
import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { use, type StackContext } from "sst/constructs";
import { Api } from "./Api.ts";
import { useInfraConfig } from "./config.ts";
import { Storage } from "./Storage.ts";
import { LAYOUT_METRIC } from "../lib/forms/layout-metric.ts";

const PERIOD = Duration.minutes(5);
/** 4xx (including 429 throttles) per 5 minutes above which someone should look. */
export const CLIENT_ERROR_THRESHOLD = 50;

const TABLE_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.QUERY,
];

export function Monitoring({ app, stack }: StackContext) {
  const config = useInfraConfig(app);
  const { api, functions } = use(Api);
  const { submissions, rateLimits } = use(Storage);

  // enforceSSL: the topic's policy refuses any publish or subscribe call not made over TLS.
  const topic = new sns.Topic(stack, "Alarms", { topicName: app.logicalPrefixedName("alarms"), enforceSSL: true });
  if (config.monitoring.alarmEmail) {
    topic.addSubscription(new subscriptions.EmailSubscription(config.monitoring.alarmEmail));
  }
  const notify = new actions.SnsAction(topic);

  const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
    const created = new cloudwatch.Alarm(stack, id, {
      alarmName: app.logicalPrefixedName(id),
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not a failure.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    created.addAlarmAction(notify);
    created.addOkAction(notify);
    return created;
  };

  const httpApi = api.cdk.httpApi;
  const alarms = [
    alarm("ApiServerErrors", httpApi.metricServerError({ period: PERIOD, statistic: "Sum" }), 1,
      "The API answered 5xx: a handler failed or timed out."),
    alarm("ApiClientErrorsAndThrottles", httpApi.metricClientError({ period: PERIOD, statistic: "Sum" }), CLIENT_ERROR_THRESHOLD,
      `More than ${CLIENT_ERROR_THRESHOLD} 4xx in 5 minutes: throttling (429), rate limiting or a broken form.`),
    ...Object.values(functions).flatMap((fn) =>
      fn ? [alarm(`${fn.node.id}Errors`, fn.metricErrors({ period: PERIOD, statistic: "Sum" }), 1,
        `The ${fn.node.id} function threw or timed out.`)] : []),
    ...[
      { name: "Submissions", table: submissions },
      { name: "RateLimits", table: rateLimits },
    ].flatMap(({ name, table }) => [
      alarm(`${name}TableSystemErrors`,
        table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD, statistic: "Sum" }), 1,
        `DynamoDB returned 5xx on the ${name} table.`),
      alarm(`${name}TableThrottles`,
        table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD, statistic: "Sum" }), 1,
        `Requests to the ${name} table were throttled.`),
    ]),
    // UserErrors is per account and region (DynamoDB gives it no table dimension): validation errors and
    // AccessDenied, e.g. a handler calling an action its role does not grant. Conditional-check failures are
    // counted elsewhere and do not trigger it.
    alarm("DynamoDbUserErrors", new cloudwatch.Metric({ namespace: "AWS/DynamoDB", metricName: "UserErrors", period: PERIOD, statistic: "Sum" }), 5,
      "DynamoDB rejected requests as invalid or unauthorized (account-wide metric)."),
    // A form handler that found no copy of the site's layout in its bundle (functions/core/page.ts logs it once
    // per cold start as an embedded metric): its pages still work, but without the site's header and footer.
    ...[functions.adviserRequests, functions.inquiries].map((fn) =>
      alarm(`${fn.node.id}LayoutMissing`,
        new cloudwatch.Metric({ namespace: LAYOUT_METRIC.namespace, metricName: LAYOUT_METRIC.name, dimensionsMap: { FunctionName: fn.functionName }, period: PERIOD, statistic: "Sum" }), 1,
        `The ${fn.node.id} function has no copy of the site's layout: its no-JS pages lack the site's header and footer.`)),
  ];

  stack.addOutputs({ AlarmTopicArn: topic.topicArn });
  return { topic, alarms };
}
