/**
 * PATCH /api/admin/submissions/{reference} — change the status (allowed transitions only), assign an
 * adviser, add an internal note; recorded with the caller and the time (JWT authorizer).
 * Body (JSON): { status?, note?, assignee?, revision? } — `revision` from the GET makes the change
 * conditional on nobody else having acted since (409 with the fresh record otherwise).
 */
import { header, json } from "./core/http.ts";
import { normaliseReference } from "../src/lib/submissions/reference.ts";
import { referenceOf } from "./admin/event.ts";
import { adminHandler, problem, type AdminOverrides } from "./admin/handler.ts";
import { historyOf } from "../src/lib/submissions/record.ts";
import { applyAction, parseAction, transitions } from "../src/lib/submissions/workflow.ts";

const MAX_BODY = 16 * 1024;

export function createUpdateHandler(overrides: AdminOverrides = {}) {
  return adminHandler("update", overrides, async (event, actor, deps) => {
    if (event.requestContext.http.method.toUpperCase() !== "PATCH") {
      return { result: problem({ status: 405, code: "method_not_allowed", headers: { allow: "PATCH" } }), outcome: "method_not_allowed" };
    }
    const reference = normaliseReference(referenceOf(event));
    if (!reference) return { result: problem({ status: 404, code: "not_found" }), outcome: "not_found" };
    const contentType = (header(event, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (contentType !== "application/json") return { result: problem({ status: 415, code: "unsupported_media_type" }), outcome: "unsupported_media_type", reference };
    const text = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body) : "";
    if (Buffer.byteLength(text) > MAX_BODY) return { result: problem({ status: 413, code: "too_large" }), outcome: "too_large", reference };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { result: problem({ status: 400, code: "bad_request" }), outcome: "bad_request", reference };
    }
    const parsed = parseAction(body);
    if (!parsed.ok) return { result: json(400, { errors: parsed.errors }), outcome: "invalid", reference };
    const result = await applyAction({ db: deps.db, table: deps.config.submissionsTable, now: deps.now() }, { reference, action: parsed.action, actor });
    const view = (record: Parameters<typeof historyOf>[0]) => ({ submission: record, history: historyOf(record), transitions: transitions[record.status] });
    switch (result.outcome) {
      case "not_found":
        return { result: problem({ status: 404, code: "not_found" }), outcome: "not_found", reference };
      case "conflict":
        return { result: json(409, { errors: [{ field: null, code: "conflict" }], ...view(result.record) }), outcome: "conflict", reference };
      case "invalid_transition":
        return { result: json(422, { errors: [{ field: "status", code: "invalid_transition" }], ...view(result.record) }), outcome: "invalid_transition", reference };
      case "unchanged":
      case "updated":
        return { result: json(200, view(result.record)), outcome: result.outcome, reference };
    }
  });
}

export const handler = createUpdateHandler();
