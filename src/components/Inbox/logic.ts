/**
 * The inbox's pure logic, tested without a DOM (test/components/Inbox/logic.test.ts): checking the filters,
 * merging pages, what each action form sends, what a failure means, how answers and history events read
 * (an attached estimate: estimate-view.ts). The components only wire these to state and elements.
 */
import type { Lang } from "../../i18n/locales.ts";
import { formatNumber } from "../../i18n/format.ts";
import type { Status } from "../../lib/forms/fields.ts";
import { ApiError, type Detail, type Filter, type HistoryEvent, type ListResponse } from "./api.ts";
import { shortDateTime } from "./display.ts";
import type { Translate } from "./strings.ts";


export type ActionForm = "status" | "assign" | "note";

/** The element ids the inbox moves focus to. */
export const ids = {
  detailHeading: "inbox-detail-heading",
  resultsStatus: "inbox-results-status",
  resultsCaption: "inbox-results-caption",
  listError: "inbox-list-error",
  rowLink: (reference: string) => `inbox-row-${reference}`,
  /** The outcome message of an action form (success or failure), where focus lands after it. */
  outcome: (form: ActionForm) => `inbox-${form}-outcome`,
} as const;

/**
 * Why a filter cannot be applied, or undefined.
 * @example filterProblem({ ...emptyFilter, from: "2026-03-02", to: "2026-03-01" }) // "badRange"
 */
export function filterProblem(filter: Filter): "badRange" | undefined {
  return filter.from && filter.to && filter.from > filter.to ? "badRange" : undefined;
}

/** A further page appended to the list shown; the counts stay those of the first page. */
export function appendPage(list: ListResponse, page: ListResponse): ListResponse {
  return {
    items: [...list.items, ...page.items],
    ...(list.counts ? { counts: list.counts } : {}),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** What the results say about themselves: the text the results region shows and focus lands on. */
export function resultsMessage(count: number, t: Translate): string {
  return count === 0 ? t("inbox.none") : t.plural("inbox.resultCount", count);
}

/**
 * What an API failure means: the session ended (sign in again), the service is unavailable, or the
 * thing could not be loaded.
 */
export function failureKind(error: unknown): "signedOut" | "unavailable" | "load" {
  if (error instanceof ApiError) {
    if (error.status === 401) return "signedOut";
    if (error.status === 503 || error.status === 0) return "unavailable";
  }
  return "load";
}

/** The text of a failure, or "" when the session ended (the island then shows the sign-in). */
export function failureMessage(error: unknown, t: Translate): string {
  const kind = failureKind(error);
  return kind === "signedOut" ? "" : kind === "unavailable" ? t("inbox.error.unavailable") : t("inbox.error.load");
}

/** The action forms' fields, as typed. */
export interface Drafts {
  statusChoice: string;
  statusNote: string;
  assignee: string;
  note: string;
}

/** The action forms as a freshly loaded or saved submission leaves them. */
export function draftsFor(detail: Detail): Drafts {
  return { statusChoice: detail.transitions[0] ?? "", statusNote: "", assignee: detail.submission.assignee ?? "", note: "" };
}

export type PatchBody = { status?: Status; note?: string; assignee?: string };

/**
 * What submitting an action form does: send a change (with the message said once it is saved), say that
 * nothing changed, or refuse on the spot.
 */
export type ActionPlan =
  | { send: PatchBody; success: string }
  | { unchanged: true }
  | { invalid: string; field: string };

export function planAction(form: ActionForm, drafts: Drafts, detail: Detail, t: Translate): ActionPlan {
  if (form === "status") {
    if (!drafts.statusChoice) return { unchanged: true };
    const status = drafts.statusChoice as Status;
    return {
      send: { status, ...(drafts.statusNote.trim() ? { note: drafts.statusNote } : {}) },
      success: t("inbox.action.savedStatus", { status: t(`forms.status.${status}`) }),
    };
  }
  if (form === "assign") {
    const assignee = drafts.assignee.trim();
    if (assignee === (detail.submission.assignee ?? "")) return { unchanged: true };
    return { send: { assignee }, success: t("inbox.action.savedAssign") };
  }
  if (drafts.note.trim() === "") return { invalid: t("inbox.action.noteRequired"), field: "note" };
  return { send: { note: drafts.note }, success: t("inbox.action.savedNote") };
}

/**
 * What a refused or failed action means: the message to show, the fresh record when the server sent one
 * (someone acted first, or the transition is no longer allowed), the field concerned; `signedOut` when
 * the session ended.
 */
export type ActionFailure = { signedOut: true } | { message: string; fresh?: Detail; field?: string };

export function actionFailure(error: unknown, lang: Lang, t: Translate, maxNote: number): ActionFailure {
  if (error instanceof ApiError) {
    if ((error.status === 409 || error.status === 422) && error.body && typeof error.body === "object" && "submission" in error.body) {
      return { message: t(error.status === 409 ? "inbox.action.conflict" : "inbox.action.invalidTransition"), fresh: error.body as Detail };
    }
    if (error.status === 400 && error.code === "too_long") {
      return { message: t("inbox.action.tooLong", { max: formatNumber(maxNote, lang) }), ...(error.field ? { field: error.field } : {}) };
    }
  }
  if (failureKind(error) === "signedOut") return { signedOut: true };
  return { message: t("inbox.action.failed") };
}

/** How an answer is shown: nothing given, a list, a mail link, or text. */
export type AnswerView =
  | { kind: "empty" }
  | { kind: "list"; items: string[] }
  | { kind: "email"; value: string }
  | { kind: "text"; value: string };

/**
 * An answer in words: services by their names, organisation types and languages by their labels.
 * @example answerView("services", ["videoconference"], t, { videoconference: "Vidéoconférence" })
 * // { kind: "list", items: ["Vidéoconférence"] }
 */
export function answerView(name: string, value: string | string[] | undefined, t: Translate, serviceLabels: Record<string, string>): AnswerView {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return { kind: "empty" };
  if (Array.isArray(value)) return { kind: "list", items: value.map((v) => (name === "services" ? serviceLabels[v] ?? v : v)) };
  if (name === "email") return { kind: "email", value };
  if (name === "organisationType" && t.has(`forms.organisationType.${value}`)) return { kind: "text", value: t(`forms.organisationType.${value}`) };
  if (name === "preferredLanguage" && t.has(`forms.language.${value}`)) return { kind: "text", value: t(`forms.language.${value}`) };
  return { kind: "text", value };
}

/** One history event in words: when, what (with who), and the note it carries. */
export interface HistoryText {
  when: string;
  what: string;
  note?: string;
}

/**
 * @example historyText({ kind: "assign", at: "2026-12-01T14:30:00Z", by: "dana@x", assignee: "Marie" }, "fr", t)
 * // { when: "1er décembre 2026, 9 h 30", what: "Assignée à Marie par dana@x" }
 */
export function historyText(event: HistoryEvent, lang: Lang, t: Translate): HistoryText {
  const when = shortDateTime(event.at, lang);
  const by = "by" in event && event.by ? ` ${t("inbox.history.by", { who: event.by })}` : event.kind === "status" ? ` ${t("inbox.history.commandLine")}` : "";
  switch (event.kind) {
    case "created":
      return { when, what: t("inbox.history.created") };
    case "status":
      return {
        when,
        what: `${t("inbox.history.status", { from: t(`forms.status.${event.from}`), to: t(`forms.status.${event.status}`) })}${by}`,
        ...(event.note ? { note: event.note } : {}),
      };
    case "note":
      return { when, what: `${t("inbox.history.note")}${by}`, note: event.note };
    case "assign":
      return { when, what: `${event.assignee ? t("inbox.history.assign", { assignee: event.assignee }) : t("inbox.history.unassign")}${by}` };
  }
}
