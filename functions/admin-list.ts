/**
 * GET /api/admin/submissions — the inbox list (JWT authorizer).
 *   ?type=inquiry|adviser-request  ?status=open|all|new|in-progress|answered|closed (default open)
 *   ?from=YYYY-MM-DD&to=YYYY-MM-DD (Québec calendar days, inclusive)  ?q=<organisation contains>
 *   ?limit=1..100  ?cursor=<opaque, from the previous page>
 * Answers { items, cursor?, counts? } — counts per status for the type and dates, on the first page (no cursor).
 *   ?format=csv&lang=fr|en: every submission matching the filter as the CLI exports them (fr-CA `;`, UTF-8 BOM).
 */
import { MAX_EXPORT_ROWS, MAX_PAGE_SIZE } from "../src/lib/submissions/api.ts";
import { json } from "./core/http.ts";
import { queryOf } from "./admin/event.ts";
import { exportCsv, csvFileName } from "./admin/csv.ts";
import { adminHandler, problem, type AdminOverrides } from "./admin/handler.ts";
import { BadRequest, countByStatus, listAllRecords, listSubmissions, parseFilter } from "../src/lib/submissions/queries.ts";

export { MAX_EXPORT_ROWS };

export function createListHandler(overrides: AdminOverrides = {}) {
  return adminHandler("list", overrides, async (event, _actor, deps) => {
    if (event.requestContext.http.method.toUpperCase() !== "GET") {
      return { result: problem({ status: 405, code: "method_not_allowed", headers: { allow: "GET" } }), outcome: "method_not_allowed" };
    }
    const params = queryOf(event);
    const options = { db: deps.db, table: deps.config.submissionsTable, now: deps.now() };
    try {
      const filter = parseFilter(params);
      if (params.get("format") === "csv") {
        const lang = params.get("lang") === "en" ? "en" : "fr";
        let records;
        try {
          records = await listAllRecords(options, filter, MAX_EXPORT_ROWS);
        } catch (error) {
          if (error instanceof RangeError) return { result: problem({ status: 413, code: "too_many", extra: { max: MAX_EXPORT_ROWS } }), outcome: "too_many" };
          throw error;
        }
        return {
          result: {
            statusCode: 200,
            headers: {
              "content-type": "text/csv; charset=utf-8",
              "content-disposition": `attachment; filename="${csvFileName(options.now)}"`,
              "cache-control": "no-store",
              "x-content-type-options": "nosniff",
            },
            body: exportCsv(records, lang),
          },
          outcome: "export",
        };
      }
      const limitText = params.get("limit");
      const limit = limitText === null || limitText === "" ? undefined : Number(limitText);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)) throw new BadRequest("limit");
      const cursor = params.get("cursor") || undefined;
      // Counts come with the first page only: the next pages are the same filter.
      const [page, counts] = await Promise.all([
        listSubmissions(options, filter, { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) }),
        cursor ? undefined : countByStatus(options, { ...(filter.type ? { type: filter.type } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) }),
      ]);
      return { result: json(200, { ...page, ...(counts ? { counts } : {}) }), outcome: "ok" };
    } catch (error) {
      if (error instanceof BadRequest) return { result: json(400, { errors: [{ field: error.field, code: "invalid" }] }), outcome: "bad_request" };
      throw error;
    }
  });
}

export const handler = createListHandler();
