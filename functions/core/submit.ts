/**
 * One submission, from HTTP request to stored item: the logic both handlers share. Pure
 * decisions (parse, validate, choose the answer) around two database calls (rate limit, write),
 * with every dependency injectable so tests can force collisions, outages and clocks.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { href } from "../../src/i18n/routes.ts";
import { formPage, HONEYPOT_FIELD, MAX_BODY_BYTES, type FormType } from "../../src/lib/forms/fields.ts";
import { errorMessage, plural, text, type FormLang } from "../../src/lib/forms/messages.ts";
import { splitMeta, validateAnswers, type FieldError } from "../../src/lib/forms/validate.ts";
import { configFromEnv, type Config } from "./config.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { bodyBytes, header, html, json, type HttpEvent, type HttpResult } from "./http.ts";
import { httpHandler, problem, UNAVAILABLE_RETRY_AFTER, type Request, type Route, type WrapperDeps } from "./lambda.ts";
import { jsonLogger, type Logger } from "../../src/lib/submissions/log.ts";
import { refillValues, renderConfirmationPage, renderFormPage, uiStrings } from "./page.ts";
import { dedupeSeed } from "../../src/lib/submissions/dedupe.ts";
import { checkRateLimit, requestClient, VIEWER_ADDRESS_HEADER } from "./rate-limit.ts";
import { bidiProblem, decodeUtf8, jsonKeyProblem, parseUrlEncodedStrict, type InputProblem } from "./strict-input.ts";
import { defaultReferenceGenerator, type ReferenceGenerator } from "../../src/lib/submissions/reference.ts";
import { createSubmission } from "../../src/lib/submissions/store.ts";
import { notifyNewSubmission, notifySettingsFromEnv, type NotifySettings } from "../../src/lib/submissions/notify.ts"; // inbox (issue 7)
import { acknowledge, ACK_MAX_PER_RECIPIENT } from "../../src/lib/submissions/acknowledge.ts"; // issue 14

export interface Deps extends WrapperDeps {
  config: Config;
  db: DynamoDBClient;
  now: () => Date;
  generateReference: ReferenceGenerator;
  log: Logger;
  /** Random seed for a submission without an Idempotency-Key. */
  randomSeed: () => string;
  /** Where new-submission notifications go (inbox, issue 7); none when unset. */
  notify?: NotifySettings;
}

export { UNAVAILABLE_RETRY_AFTER };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
const SOURCE_PATH = /^\/(fr|en)\/[A-Za-z0-9._~\/-]{0,200}$/;

type Mode = "json" | "html";

export function buildDeps(overrides: Partial<Deps> & { env?: Record<string, string | undefined> } = {}): Deps {
  const config = overrides.config ?? configFromEnv(overrides.env ?? process.env);
  return {
    config,
    db: overrides.db ?? dynamoClient({ ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}), ...(config.region ? { region: config.region } : {}) }),
    now: overrides.now ?? (() => new Date()),
    generateReference: overrides.generateReference ?? defaultReferenceGenerator,
    log: overrides.log ?? jsonLogger,
    randomSeed: overrides.randomSeed ?? (() => crypto.randomUUID()),
    notify: overrides.notify ?? notifySettingsFromEnv(overrides.env ?? process.env), // inbox (issue 7)
    ...(config.originSecret ? { originSecret: config.originSecret } : {}),
    budgetMs: overrides.budgetMs ?? config.budgetMs,
  };
}

type Outcome = Route;

/**
 * Handles one POST to a form's endpoint. Decides every answer about the request itself; a failure
 * of the database (503) or of the code (500) is thrown to the wrapper (lambda.ts), which presents it
 * through `request.present` — the form page again, answers kept, for a reader without JavaScript.
 */
export async function handleSubmission(type: FormType, event: HttpEvent, deps: Deps, request: Request): Promise<Outcome> {
  const { config } = deps;
  const log = (outcome: string, result: HttpResult, extra: { reference?: string; errors?: string[]; error?: string; attempts?: number } = {}): Outcome => ({ outcome, result, ...extra });

  const contentType = (header(event, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const mode: Mode = contentType === "application/x-www-form-urlencoded" ? "html" : "json";
  let lang: FormLang = request.lang;
  const strings = () => uiStrings[lang];
  /** An error about the whole request: JSON, or the form page again with the answers kept. */
  const formError = (p: { code: string; status: number; headers?: Record<string, string>; message?: string; answers?: Record<string, unknown>; source?: string }): HttpResult => {
    const message = p.message ?? text(strings(), `forms.error.${p.code}`);
    if (mode === "html" || (contentType !== "application/json" && (header(event, "accept") ?? "").includes("text/html"))) {
      return html(
        p.status,
        renderFormPage({
          type, lang, values: refillValues(type, p.answers ?? {}), errors: {}, summary: [], formError: message,
          source: p.source ?? href(lang, formPage[type]), siteOrigin: config.siteOrigin, retentionMonths: config.retentionMonths,
        }),
        p.headers ?? {},
      );
    }
    return problem({ status: p.status, code: p.code, message, ...(p.headers ? { headers: p.headers } : {}) });
  };
  request.present = (p) => formError({ code: p.code, status: p.status, ...(p.headers ? { headers: p.headers } : {}), ...(p.message ? { message: p.message } : {}) });

  if (event.requestContext.http.method.toUpperCase() !== "POST") {
    return log("method_not_allowed", problem({ status: 405, code: "method_not_allowed", message: "POST", headers: { allow: "POST" } }));
  }
  if (contentType !== "application/json" && contentType !== "application/x-www-form-urlencoded") {
    return log("unsupported_media_type", formError({ code: "unsupported_media_type", status: 415 }));
  }

  const bytes = bodyBytes(event);
  // Parse even an oversized form post (bounded) so that a reader without JavaScript keeps the answers.
  let raw: Record<string, unknown> | undefined;
  let parseFailed = false;
  // What a lenient reading would repair or drop silently is refused (strict-input.ts), field by field.
  let strict: InputProblem | undefined;
  if (bytes.length <= MAX_BODY_BYTES * 16) {
    const bodyText = decodeUtf8(bytes);
    if (bodyText === undefined) {
      strict = { field: null, code: "invalid_encoding" };
    } else if (mode === "html") {
      const parsed = parseUrlEncodedStrict(bodyText);
      if (parsed.ok) raw = parsed.value;
      else strict = parsed.problem;
    } else {
      try {
        const parsed: unknown = JSON.parse(bodyText);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
          strict = jsonKeyProblem(bodyText);
          if (!strict) raw = parsed as Record<string, unknown>;
        } else parseFailed = true;
      } catch {
        parseFailed = true;
      }
    }
    if (raw && !strict) strict = bidiProblem(raw);
  }
  const split = raw ? splitMeta(raw) : { answers: {}, meta: {} as Record<string, unknown> };
  if (split.meta.lang === "fr" || split.meta.lang === "en") lang = request.lang = split.meta.lang;
  const source = typeof split.meta.source === "string" && SOURCE_PATH.test(split.meta.source) ? split.meta.source : href(lang, formPage[type]);
  request.present = (p) =>
    formError({ code: p.code, status: p.status, ...(p.headers ? { headers: p.headers } : {}), ...(p.message ? { message: p.message } : {}), answers: split.answers, source });

  if (bytes.length > MAX_BODY_BYTES) {
    return log("too_large", formError({ code: "too_large", status: 413, answers: split.answers, source }));
  }

  // The limit is counted before anything else touches the database, for valid and invalid posts alike.
  const limit = await checkRateLimit(
    deps.db,
    { table: config.rateLimitTable, max: config.rateLimitMax, windowSeconds: config.rateLimitWindowSeconds, secret: config.rateLimitSecret },
    // Behind CloudFront the source address is the edge's: the viewer's comes in CloudFront-Viewer-Address,
    // trusted only on a request that carried the origin secret (the wrapper refused any other).
    requestClient(header(event, VIEWER_ADDRESS_HEADER), event.requestContext.http.sourceIp, deps.originSecret !== undefined),
    deps.now(),
  );
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    const message = plural(strings(), "forms.error.rate_limited", minutes, lang);
    return log("rate_limited", formError({ code: "rate_limited", status: 429, headers: { "retry-after": String(limit.retryAfterSeconds) }, message, answers: split.answers, source }));
  }

  if (strict) {
    // The field name may be the client's own text (a forbidden key): it goes in the answer, never in the log.
    if (strict.field === null) return log(`refused:${strict.code}`, formError({ code: strict.code, status: 400, answers: split.answers, source }), { errors: [strict.code] });
    return log(`refused:${strict.code}`, invalid([{ field: strict.field, code: strict.code as FieldError["code"] }]), { errors: [strict.code] });
  }
  if (parseFailed || !raw) return log("bad_request", formError({ code: "bad_request", status: 400 }));

  // A robot filled the hidden field: it gets what it expects (a reference) and nothing is stored.
  const honeypot = split.meta[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== null && !(typeof honeypot === "string" && honeypot.trim() === "")) {
    const reference = deps.generateReference(type, deps.randomSeed(), 0);
    return log("honeypot", success(reference));
  }

  // With JavaScript the island reports how long the form was shown; faster than a person is a robot.
  if (mode === "json") {
    const elapsed = Number(split.meta.elapsedMs);
    if (!Number.isFinite(elapsed) || elapsed < config.minFillMs) return log("too_fast", formError({ code: "too_fast", status: 400 }));
  }

  const result = validateAnswers(type, split.answers);
  if (!result.ok) {
    // Field names of the form only: an unknown key is the client's text (a form-encoded body can make a
    // whole message into one key), so it is counted, never written.
    const unknown = result.errors.filter((e) => e.code === "unknown_field").length;
    const known = result.errors.filter((e) => e.code !== "unknown_field").map((e) => `${e.field}:${e.code}`);
    return log("invalid", invalid(result.errors), { errors: unknown > 0 ? [...known, `unknown_field×${unknown}`] : known });
  }

  const idempotencyKey = header(event, "idempotency-key");
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return log("bad_idempotency_key", formError({ code: "bad_request", status: 400 }));
  }
  const stored = await createSubmission(
    { db: deps.db, table: config.submissionsTable, now: deps.now, retentionMonths: config.retentionMonths, generateReference: deps.generateReference },
    // Without a key (a form posted without JavaScript), identical answers within 10 minutes are one submission.
    { type, lang, source, answers: result.answers, seed: idempotencyKey ?? (mode === "html" ? dedupeSeed(type, result.answers, deps.now()) : deps.randomSeed()) },
  );
  if (stored.outcome === "conflict") {
    return log("idempotency_conflict", formError({ code: "idempotency_conflict", status: 422, answers: split.answers, source }), { reference: stored.reference });
  }
  // inbox (issue 7): tell business development (reference and link only); never fails the submission.
  if (stored.outcome === "created") {
    await notifyNewSubmission({ reference: stored.reference, type, createdAt: deps.now().toISOString() }, deps.notify, deps.log);
    // issue 14: the acknowledgement to the requester, once stored; bounded per recipient as well as per client.
    const recipientLimit = { table: config.rateLimitTable, max: ACK_MAX_PER_RECIPIENT, windowSeconds: config.rateLimitWindowSeconds, secret: config.rateLimitSecret };
    await acknowledge({ reference: stored.reference, type, lang, answers: result.answers }, deps.notify, deps.log,
      async (recipient) => (await checkRateLimit(deps.db, recipientLimit, `ack/${recipient}`, deps.now())).allowed);
  }
  return log(stored.outcome, success(stored.reference), { reference: stored.reference, attempts: stored.attempts });

  function success(reference: string): HttpResult {
    // Without JavaScript the static confirmation page cannot read its address: the handler renders it, in the
    // site's layout, with the reference.
    if (mode === "html") return html(200, renderConfirmationPage({ lang, reference, siteOrigin: config.siteOrigin }));
    return json(201, { reference });
  }

  function invalid(errors: FieldError[]): HttpResult {
    const out = errors.map((e) => ({ field: e.field, code: e.code, message: errorMessage(strings(), type, e.field, e.code, lang) }));
    if (mode === "json") return json(400, { errors: out });
    return html(
      400,
      renderFormPage({
        type, lang, values: refillValues(type, split.answers),
        errors: Object.fromEntries(out.map((e) => [e.field, e.message])),
        summary: out.map((e) => ({ field: e.field, message: e.message })),
        source, siteOrigin: config.siteOrigin, retentionMonths: config.retentionMonths,
      }),
    );
  }
}

/** A Lambda handler for one form type; its dependencies are built from the environment on first use. */
export function createHandler(type: FormType, overrides: Partial<Deps> & { env?: Record<string, string | undefined> } = {}) {
  return httpHandler<HttpEvent, Deps>({
    name: "submission",
    type,
    deps: () => buildDeps(overrides),
    run: (event, deps, request) => handleSubmission(type, event, deps, request),
    say: (code, lang) => text(uiStrings[lang], `forms.error.${code}`),
  });
}
