/**
 * The admin API's shapes and limits, shared by the handlers (functions/admin-*.ts), the domain
 * (record.ts, queries.ts, workflow.ts) and the inbox island (src/components/Inbox/api.ts). Types and
 * constants only, with nothing but the form field lists imported, so the island's bundle stays small.
 */
import type { FormType, Status } from "../forms/fields.ts";
import { statuses } from "../forms/fields.ts";

/** The header CloudFront adds to every request it forwards to the API (the origin secret), and the local server too. */
export const ORIGIN_HEADER = "x-origin-verify";
/** The header CloudFront adds with the viewer's address and port ("198.51.100.10:46532", "2001:db8::1:46532"). */
export const VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

/** The statuses a list can ask for: "open" (new and in progress), "all", or one status. */
export const STATUS_FILTERS = ["open", "all", ...statuses] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** Longest "organisation contains" text. */
export const MAX_QUERY_LENGTH = 100;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_ASSIGNEE_LENGTH = 254;
/** Rows a CSV export may hold: beyond it the response would pass Lambda's 6 MB limit; narrow the filter. */
export const MAX_EXPORT_ROWS = 5000;

/** One line of the list: what the table shows, nothing more of the person than the organisation. */
export interface Summary {
  reference: string;
  type: FormType;
  status: Status;
  createdAt: string;
  organisation: string;
  assignee?: string;
}

/** GET /api/admin/submissions */
export interface ListResponse {
  items: Summary[];
  cursor?: string;
  /** On the first page only. */
  counts?: Record<Status, number>;
}

export type HistoryEvent =
  | { kind: "created"; at: string }
  | { kind: "status"; at: string; by?: string; from: Status; status: Status; note?: string }
  | { kind: "note"; at: string; by: string; note: string }
  | { kind: "assign"; at: string; by: string; assignee: string };

/** What the inbox reads of a submission in GET/PATCH /api/admin/submissions/{reference}. */
export interface SubmissionView {
  reference: string;
  type: FormType;
  status: Status;
  createdAt: string;
  lang: "fr" | "en";
  source: string;
  answers: Record<string, string | string[]>;
  expiresAt: number;
  assignee?: string;
  revision: number;
}

/** GET and PATCH /api/admin/submissions/{reference} */
export interface Detail {
  submission: SubmissionView;
  history: HistoryEvent[];
  transitions: Status[];
}

/** The body of a PATCH: a status change (with its note), a note alone, an assignment; and the revision seen. */
export interface ActionBody {
  status?: Status;
  note?: string;
  assignee?: string;
  revision: number;
}

/** Every error answer of the API: `{ errors: [{ field, code, ... }] }` (field null when it is about the request). */
export interface ApiErrorItem {
  field: string | null;
  code: string;
  message?: string;
  [extra: string]: unknown;
}
export interface ErrorBody {
  errors: ApiErrorItem[];
}
