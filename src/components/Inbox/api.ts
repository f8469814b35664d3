/** The inbox's calls to the admin API, with the session's token; every failure becomes an ApiError. */
import type { FormType } from "../../lib/forms/fields.ts";
import type { ActionBody, Detail, ErrorBody, HistoryEvent, ListResponse, StatusFilter, Summary } from "../../lib/submissions/api.ts";

// The API's shapes are defined once, with the handlers (src/lib/submissions/api.ts).
export type { Detail, HistoryEvent, ListResponse, StatusFilter, Summary };

export interface Filter {
  type: "" | FormType;
  status: StatusFilter;
  from: string;
  to: string;
  q: string;
}

export const emptyFilter: Filter = { type: "", status: "open", from: "", to: "", q: "" };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly body: unknown;
  constructor(status: number, code: string, field: string | null, body: unknown) {
    super(`${status} ${code}`);
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

export function filterQuery(filter: Filter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.type) params.set("type", filter.type);
  params.set("status", filter.status);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.q.trim()) params.set("q", filter.q.trim());
  return params;
}

const BASE = "/api/admin/submissions";

async function call(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` }, cache: "no-store" });
  } catch {
    throw new ApiError(0, "network", null, undefined);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const first = (body as Partial<ErrorBody> | undefined)?.errors?.[0];
    throw new ApiError(response.status, first?.code ?? "unexpected", first?.field ?? null, body);
  }
  return response;
}

export async function fetchList(token: string, filter: Filter, cursor?: string): Promise<ListResponse> {
  const params = filterQuery(filter);
  if (cursor) params.set("cursor", cursor);
  return (await call(token, `${BASE}?${params}`)).json() as Promise<ListResponse>;
}

export async function fetchDetail(token: string, reference: string): Promise<Detail> {
  return (await call(token, `${BASE}/${encodeURIComponent(reference)}`)).json() as Promise<Detail>;
}

export async function patchSubmission(
  token: string,
  reference: string,
  body: ActionBody,
): Promise<Detail> {
  const response = await call(token, `${BASE}/${encodeURIComponent(reference)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.json() as Promise<Detail>;
}

export async function fetchCsv(token: string, filter: Filter, lang: "fr" | "en"): Promise<{ blob: Blob; fileName: string }> {
  const params = filterQuery(filter);
  params.set("format", "csv");
  params.set("lang", lang);
  const response = await call(token, `${BASE}?${params}`);
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "export.csv";
  return { blob: await response.blob(), fileName };
}
