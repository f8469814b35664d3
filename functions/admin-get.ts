/** GET /api/admin/submissions/{reference} — one submission, every field, with its history (JWT authorizer). */
import { json } from "./core/http.ts";
import { normaliseReference } from "../src/lib/submissions/reference.ts";
import { referenceOf } from "./admin/event.ts";
import { adminHandler, problem, type AdminOverrides } from "./admin/handler.ts";
import { historyOf } from "../src/lib/submissions/record.ts";
import { getRecord, transitions } from "../src/lib/submissions/workflow.ts";

export function createGetHandler(overrides: AdminOverrides = {}) {
  return adminHandler("get", overrides, async (event, _actor, deps) => {
    const reference = normaliseReference(referenceOf(event));
    if (!reference) return { result: problem({ status: 404, code: "not_found" }), outcome: "not_found" };
    const record = await getRecord({ db: deps.db, table: deps.config.submissionsTable, now: deps.now() }, reference);
    if (!record) return { result: problem({ status: 404, code: "not_found" }), outcome: "not_found", reference };
    return {
      result: json(200, { submission: record, history: historyOf(record), transitions: transitions[record.status] }),
      outcome: "ok",
      reference,
    };
  });
}

export const handler = createGetHandler();
