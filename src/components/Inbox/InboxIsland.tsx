/**
 * The business-development inbox (Preact island, `client:load`). Signs in with the authorization code
 * flow + PKCE (auth.ts) against the authority /inbox-config.json names, then lists the submissions with
 * filters and counts, opens one with every field and its history, and records actions (status, adviser,
 * internal note) through the admin API (api.ts). Without JavaScript it renders nothing: the wrapper says
 * the tool needs it.
 *
 * Accessibility: labelled filters; one polite live region announces results and saved changes; errors
 * are in role="alert" boxes and point at their field (aria-invalid, aria-describedby); opening a
 * submission moves focus to its heading and going back returns it to that submission's link; "show more"
 * moves focus to the first new row; the table has a caption and header cells, and scrolls in its own
 * focusable region at 320 px.
 */
import { Fragment, type JSX } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { href } from "../../i18n/routes.ts";
import { fields, statuses, type FormType, type Status } from "../../lib/forms/fields.ts";
import { ApiError, emptyFilter, fetchCsv, fetchDetail, fetchList, patchSubmission, type Detail, type Filter, type HistoryEvent, type ListResponse } from "./api.ts";
import { beginSignIn, clearSession, completeSignIn, loadSession, logoutUrl, parseConfig, type InboxConfig, type Session } from "./auth.ts";
import { formatNumber } from "../../i18n/format.ts";
import { age, dayOfEpoch, shortDateTime } from "./display.ts";
import { translator, type InboxStrings } from "./strings.ts";

export interface InboxProps {
  lang: Lang;
  /** `pickStrings(lang, "inbox.")` and the form names (types, statuses, fields, organisation types, languages). */
  strings: InboxStrings;
  /** The catalogue's service names by id, for the « services of interest » answers. */
  serviceLabels: Record<string, string>;
}

/** Internal notes and status notes: the API's limit. */
export const MAX_NOTE = 2000;

type Phase = "starting" | "no-config" | "signed-out" | "ready";
type ActionForm = "status" | "assign" | "note";

const ESTIMATE_PARAM = "estimate";

export default function InboxIsland({ lang, strings, serviceLabels }: InboxProps): JSX.Element {
  const t = useMemo(() => translator(strings, lang), [strings, lang]);
  const pagePath = href(lang, "inbox");

  const [phase, setPhase] = useState<Phase>("starting");
  const [config, setConfig] = useState<InboxConfig | undefined>();
  const [session, setSession] = useState<Session | undefined>();
  const [notice, setNotice] = useState("");
  const [announcement, setAnnouncement] = useState("");

  const [draft, setDraft] = useState<Filter>(emptyFilter);
  const [applied, setApplied] = useState<Filter>(emptyFilter);
  const [filterError, setFilterError] = useState("");
  const [list, setList] = useState<ListResponse | undefined>();
  const [listError, setListError] = useState("");
  const [loading, setLoading] = useState(false);
  const [now, setNow] = useState(() => new Date());

  const [openRef, setOpenRef] = useState<string | undefined>();
  const [detail, setDetail] = useState<Detail | undefined>();
  const [detailError, setDetailError] = useState("");
  const [actionError, setActionError] = useState<{ form: ActionForm | "any"; message: string; field?: string } | undefined>();
  const [saving, setSaving] = useState<ActionForm | undefined>();
  const [statusChoice, setStatusChoice] = useState("");
  const [statusNote, setStatusNote] = useState("");
  const [assignee, setAssignee] = useState("");
  const [note, setNote] = useState("");

  const detailHeading = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useRef<string | null>(null);
  const toTo = useRef<HTMLInputElement>(null);

  const say = (text: string) => {
    // Clearing first makes a repeated message announced again.
    setAnnouncement("");
    setTimeout(() => setAnnouncement(text), 50);
  };

  // ---- start: configuration, return from the sign-in page, stored session
  useEffect(() => {
    let cancelled = false;
    (async () => {
      let cfg: InboxConfig | undefined;
      try {
        const response = await fetch("/inbox-config.json", { cache: "no-store" });
        cfg = response.ok ? parseConfig(await response.json()) : undefined;
      } catch {
        cfg = undefined;
      }
      if (cancelled) return;
      if (!cfg) {
        setPhase("no-config");
        return;
      }
      setConfig(cfg);
      const url = new URL(window.location.href);
      let current: Session | undefined;
      let ref = url.searchParams.get("ref") ?? undefined;
      try {
        if (url.searchParams.has("code") || url.searchParams.has("error")) {
          setNotice(t("inbox.signingIn"));
          const done = await completeSignIn(cfg, url, window.sessionStorage);
          current = done?.session;
          ref = done?.ref;
          window.history.replaceState(null, "", ref ? `${pagePath}?ref=${encodeURIComponent(ref)}` : pagePath);
          setNotice("");
        }
      } catch {
        window.history.replaceState(null, "", pagePath);
        setNotice(t("inbox.signInFailed"));
      }
      current ??= loadSession(window.sessionStorage);
      if (cancelled) return;
      if (!current) {
        setPhase("signed-out");
        return;
      }
      setSession(current);
      setPhase("ready");
      void loadList(current, emptyFilter);
      if (ref) void openDetail(ref, current, false);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // ---- back and forward between the list and a submission
  useEffect(() => {
    const onPop = () => {
      const ref = new URL(window.location.href).searchParams.get("ref");
      if (!session) return;
      if (ref) void openDetail(ref, session, false);
      else closeDetail(false);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  });

  // ---- focus moves asked for by the last action, once the DOM shows the target
  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    const target = document.getElementById(id);
    if (target) {
      focusAfterRender.current = null;
      target.focus();
    }
  });

  function signedOut(message: string) {
    clearSession(window.sessionStorage);
    setSession(undefined);
    setList(undefined);
    setDetail(undefined);
    setOpenRef(undefined);
    setNotice(message);
    setPhase("signed-out");
  }

  function failure(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.status === 401) {
        signedOut(t("inbox.sessionExpired"));
        return "";
      }
      if (error.status === 503 || error.status === 0) return t("inbox.error.unavailable");
    }
    return t("inbox.error.load");
  }

  async function signIn() {
    if (!config) return;
    const ref = new URL(window.location.href).searchParams.get("ref") ?? undefined;
    const target = await beginSignIn(config, `${window.location.origin}${pagePath}`, window.sessionStorage, ref);
    window.location.assign(target);
  }

  function signOut() {
    clearSession(window.sessionStorage);
    if (config) window.location.assign(logoutUrl(config, `${window.location.origin}${pagePath}`));
  }

  async function loadList(current: Session, filter: Filter, cursor?: string) {
    setLoading(true);
    setListError("");
    if (!cursor) say(t("inbox.loading"));
    try {
      const page = await fetchList(current.idToken, filter, cursor);
      setNow(new Date());
      if (cursor && list) {
        const firstNew = page.items[0];
        setList({ items: [...list.items, ...page.items], ...(list.counts ? { counts: list.counts } : {}), ...(page.cursor ? { cursor: page.cursor } : {}) });
        if (firstNew) focusAfterRender.current = rowLinkId(firstNew.reference);
        say(t.plural("inbox.resultCount", list.items.length + page.items.length));
      } else {
        setList(page);
        say(page.items.length === 0 ? t("inbox.none") : t.plural("inbox.resultCount", page.items.length));
      }
    } catch (error) {
      const message = failure(error);
      if (message) {
        setListError(message);
        say(message);
      }
    } finally {
      setLoading(false);
    }
  }

  function applyFilters(event: Event) {
    event.preventDefault();
    if (!session) return;
    if (draft.from && draft.to && draft.from > draft.to) {
      setFilterError(t("inbox.filter.badRange"));
      toTo.current?.focus();
      return;
    }
    setFilterError("");
    setApplied(draft);
    void loadList(session, draft);
  }

  async function exportCsv() {
    if (!session) return;
    try {
      const { blob, fileName } = await fetchCsv(session.idToken, applied, lang);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(t("inbox.exported"));
    } catch (error) {
      const message = error instanceof ApiError && error.status === 413 ? t("inbox.exportTooMany", { max: formatNumber(5000, lang) }) : failure(error);
      if (message) {
        setListError(message);
        say(message);
      }
    }
  }

  function resetActionForms(next: Detail) {
    setStatusChoice(next.transitions[0] ?? "");
    setStatusNote("");
    setAssignee(next.submission.assignee ?? "");
    setNote("");
    setActionError(undefined);
  }

  async function openDetail(reference: string, current: Session, push = true) {
    setAnnouncement("");
    setOpenRef(reference);
    setDetail(undefined);
    setDetailError("");
    if (push) window.history.pushState(null, "", `${pagePath}?ref=${encodeURIComponent(reference)}`);
    focusAfterRender.current = "inbox-detail-heading";
    try {
      const loaded = await fetchDetail(current.idToken, reference);
      setNow(new Date());
      setDetail(loaded);
      resetActionForms(loaded);
    } catch (error) {
      const message = error instanceof ApiError && error.status === 404 ? t("inbox.detail.notFound") : failure(error);
      setDetailError(message);
    }
  }

  function closeDetail(push = true) {
    const previous = openRef;
    setOpenRef(undefined);
    setDetail(undefined);
    if (push) window.history.pushState(null, "", pagePath);
    if (session) void loadList(session, applied);
    focusAfterRender.current = previous ? rowLinkId(previous) : "inbox-results-caption";
  }

  async function act(form: ActionForm, body: { status?: Status; note?: string; assignee?: string }, success: string) {
    if (!session || !detail) return;
    setSaving(form);
    setActionError(undefined);
    try {
      const next = await patchSubmission(session.idToken, detail.submission.reference, { ...body, revision: detail.submission.revision });
      setDetail(next);
      resetActionForms(next);
      setNow(new Date());
      say(success);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 422) && error.body && typeof error.body === "object" && "submission" in error.body) {
        const fresh = error.body as Detail;
        setDetail(fresh);
        const message = error.status === 409 ? t("inbox.action.conflict") : t("inbox.action.invalidTransition");
        setActionError({ form, message });
        say(message);
      } else if (error instanceof ApiError && error.status === 400 && error.code === "too_long") {
        setActionError({ form, message: t("inbox.action.tooLong", { max: formatNumber(MAX_NOTE, lang) }), field: error.field ?? undefined });
      } else {
        const message = failure(error);
        if (message) setActionError({ form, message: t("inbox.action.failed") });
      }
    } finally {
      setSaving(undefined);
    }
  }

  // ---- rendering helpers
  const typeName = (type: FormType) => t(`forms.type.${type}`);
  const statusName = (status: Status) => t(`forms.status.${status}`);
  const rowLinkId = (reference: string) => `inbox-row-${reference}`;

  const live = <p class="inbox-live" role="status" aria-live="polite" aria-atomic="true">{announcement}</p>;

  if (phase === "starting") return <div class="inbox">{live}</div>;
  if (phase === "no-config") return <div class="inbox">{live}<p class="inbox-notice">{t("inbox.configMissing")}</p></div>;
  if (phase === "signed-out") {
    return (
      <div class="inbox">
        {live}
        {notice && <p class="inbox-notice" role="alert">{notice}</p>}
        <p>{t("inbox.signInPrompt")}</p>
        {config?.local && <p class="inbox-hint">{t("inbox.localSignIn")}</p>}
        <button type="button" class="inbox-button" onClick={() => void signIn()}>{t("inbox.signIn")}</button>
      </div>
    );
  }

  const who = session?.email ?? session?.sub ?? "";

  return (
    <div class="inbox">
      {live}
      <div class="inbox-session">
        <p>{t("inbox.signedInAs", { who })}</p>
        <button type="button" class="inbox-button inbox-secondary" onClick={signOut}>{t("inbox.signOut")}</button>
      </div>
      {openRef ? renderDetail() : renderList()}
    </div>
  );

  function renderList(): JSX.Element {
    return (
      <Fragment>
        <section aria-labelledby="inbox-filters-heading">
          <h2 id="inbox-filters-heading">{t("inbox.filters")}</h2>
          <form class="inbox-filters" onSubmit={applyFilters} noValidate>
            <div class="inbox-field">
              <label for="inbox-type">{t("inbox.filter.type")}</label>
              <select id="inbox-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: (e.currentTarget as HTMLSelectElement).value as Filter["type"] })}>
                <option value="">{t("inbox.filter.allTypes")}</option>
                <option value="adviser-request">{typeName("adviser-request")}</option>
                <option value="inquiry">{typeName("inquiry")}</option>
              </select>
            </div>
            <div class="inbox-field">
              <label for="inbox-status">{t("inbox.filter.status")}</label>
              <select id="inbox-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: (e.currentTarget as HTMLSelectElement).value as Filter["status"] })}>
                <option value="open">{t("inbox.filter.open")}</option>
                <option value="all">{t("inbox.filter.all")}</option>
                {statuses.map((s) => <option value={s}>{statusName(s)}</option>)}
              </select>
            </div>
            <div class="inbox-field">
              <label for="inbox-from">{t("inbox.filter.from")}</label>
              <input id="inbox-from" type="date" value={draft.from} aria-describedby="inbox-date-hint" onInput={(e) => setDraft({ ...draft, from: (e.currentTarget as HTMLInputElement).value })} />
            </div>
            <div class="inbox-field">
              <label for="inbox-to">{t("inbox.filter.to")}</label>
              <input
                id="inbox-to" ref={toTo} type="date" value={draft.to}
                aria-describedby={filterError ? "inbox-date-hint inbox-filter-error" : "inbox-date-hint"}
                aria-invalid={filterError ? "true" : undefined}
                onInput={(e) => setDraft({ ...draft, to: (e.currentTarget as HTMLInputElement).value })}
              />
            </div>
            <div class="inbox-field">
              <label for="inbox-q">{t("inbox.filter.q")}</label>
              <input id="inbox-q" type="search" maxLength={100} value={draft.q} onInput={(e) => setDraft({ ...draft, q: (e.currentTarget as HTMLInputElement).value })} />
            </div>
            <p id="inbox-date-hint" class="inbox-hint">{t("inbox.filter.dateHint")}</p>
            {filterError && <p id="inbox-filter-error" class="inbox-error" role="alert">{filterError}</p>}
            <div class="inbox-buttons">
              <button type="submit" class="inbox-button">{t("inbox.filter.apply")}</button>
              <button type="button" class="inbox-button inbox-secondary" onClick={() => void exportCsv()}>{t("inbox.export")}</button>
            </div>
          </form>
        </section>

        {list?.counts && (
          <section aria-labelledby="inbox-counts-heading">
            <h2 id="inbox-counts-heading">{t("inbox.counts")}</h2>
            <ul class="inbox-counts">
              {statuses.map((s) => <li><span>{statusName(s)}</span> <strong>{list.counts?.[s] ?? 0}</strong></li>)}
            </ul>
          </section>
        )}

        {listError && <p class="inbox-error" role="alert">{listError}</p>}

        {list && (
          list.items.length === 0 ? <p>{t("inbox.none")}</p> : (
            <Fragment>
              <div class="table-region" role="region" aria-labelledby="inbox-results-caption" tabIndex={0}>
                <table class="inbox-table">
                  <caption id="inbox-results-caption" tabIndex={-1}>{t("inbox.results")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("inbox.col.reference")}</th>
                      <th scope="col">{t("inbox.col.received")}</th>
                      <th scope="col">{t("inbox.col.age")}</th>
                      <th scope="col">{t("inbox.col.type")}</th>
                      <th scope="col">{t("inbox.col.organisation")}</th>
                      <th scope="col">{t("inbox.col.status")}</th>
                      <th scope="col">{t("inbox.col.assignee")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((item) => (
                      <tr>
                        <th scope="row">
                          <a
                            id={rowLinkId(item.reference)}
                            href={`${pagePath}?ref=${encodeURIComponent(item.reference)}`}
                            aria-label={t("inbox.detail.open", { reference: item.reference, organisation: item.organisation })}
                            onClick={(e) => {
                              if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0 || !session) return;
                              e.preventDefault();
                              void openDetail(item.reference, session);
                            }}
                          >{item.reference}</a>
                        </th>
                        <td>{shortDateTime(item.createdAt, lang)}</td>
                        <td>{age(item.createdAt, now, t)}</td>
                        <td>{typeName(item.type)}</td>
                        <td>{item.organisation}</td>
                        <td>{statusName(item.status)}</td>
                        <td>{item.assignee ?? t("inbox.unassigned")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {list.cursor && (
                <button type="button" class="inbox-button inbox-secondary" disabled={loading} onClick={() => session && void loadList(session, applied, list.cursor)}>
                  {t("inbox.more")}
                </button>
              )}
            </Fragment>
          )
        )}
      </Fragment>
    );
  }

  function renderDetail(): JSX.Element {
    const heading = (
      <h2 id="inbox-detail-heading" ref={detailHeading} tabIndex={-1} class="inbox-detail-heading">
        {t("inbox.detail.heading", { reference: openRef ?? "" })}
      </h2>
    );
    const back = <button type="button" class="inbox-button inbox-secondary" onClick={() => closeDetail()}>{t("inbox.detail.back")}</button>;
    if (!detail) {
      return (
        <section aria-labelledby="inbox-detail-heading">
          {heading}
          {detailError ? <p class="inbox-error" role="alert">{detailError}</p> : <p>{t("inbox.loading")}</p>}
          {back}
        </section>
      );
    }
    const s = detail.submission;
    return (
      <section aria-labelledby="inbox-detail-heading" class="inbox-detail">
        {heading}
        {back}

        <h3>{t("inbox.detail.summary")}</h3>
        <dl class="inbox-facts">
          <dt>{t("inbox.col.status")}</dt><dd>{statusName(s.status)}</dd>
          <dt>{t("inbox.col.type")}</dt><dd>{typeName(s.type)}</dd>
          <dt>{t("inbox.col.received")}</dt><dd>{shortDateTime(s.createdAt, lang)} ({age(s.createdAt, now, t)})</dd>
          <dt>{t("inbox.col.assignee")}</dt><dd>{s.assignee ?? t("inbox.unassigned")}</dd>
          <dt>{t("inbox.detail.language")}</dt><dd>{t(`forms.language.${s.lang}`)}</dd>
          <dt>{t("inbox.detail.source")}</dt><dd><code>{s.source}</code></dd>
          <dt>{t("inbox.detail.expires")}</dt><dd>{dayOfEpoch(s.expiresAt, lang)}</dd>
        </dl>

        <h3>{t("inbox.detail.fields")}</h3>
        <dl class="inbox-facts">
          {fields[s.type].filter((f) => f.kind !== "hidden").map((field) => (
            <Fragment>
              <dt>{t(`forms.field.${field.name}`)}</dt>
              <dd class="inbox-answer">{answer(field.name, s.answers[field.name])}</dd>
            </Fragment>
          ))}
        </dl>

        {typeof s.answers.estimate === "string" && s.answers.estimate !== "" && (
          <Fragment>
            <h3>{t("inbox.detail.estimate")}</h3>
            <p><code>{s.answers.estimate}</code></p>
            <p><a href={href(lang, "estimator", { query: { [ESTIMATE_PARAM]: s.answers.estimate } })}>{t("inbox.detail.estimateLink")}</a></p>
          </Fragment>
        )}

        {actionError?.form === "any" && <p class="inbox-error" role="alert">{actionError.message}</p>}

        <form class="inbox-action" aria-labelledby="inbox-status-heading" onSubmit={(e) => {
          e.preventDefault();
          if (!statusChoice) return;
          void act("status", { status: statusChoice as Status, ...(statusNote.trim() ? { note: statusNote } : {}) }, t("inbox.action.savedStatus", { status: statusName(statusChoice as Status) }));
        }}>
          <h3 id="inbox-status-heading">{t("inbox.action.status")}</h3>
          {actionError?.form === "status" && <p class="inbox-error" role="alert" id="inbox-status-error">{actionError.message}</p>}
          {detail.transitions.length === 0 ? <p>{t("inbox.action.noTransition")}</p> : (
            <Fragment>
              <div class="inbox-field">
                <label for="inbox-new-status">{t("inbox.action.newStatus")}</label>
                <select id="inbox-new-status" value={statusChoice} onChange={(e) => setStatusChoice((e.currentTarget as HTMLSelectElement).value)}>
                  {detail.transitions.map((to) => <option value={to}>{statusName(to)}</option>)}
                </select>
              </div>
              <div class="inbox-field">
                <label for="inbox-status-note">{t("inbox.action.statusNote")}</label>
                <textarea id="inbox-status-note" rows={3} maxLength={MAX_NOTE} value={statusNote} onInput={(e) => setStatusNote((e.currentTarget as HTMLTextAreaElement).value)} />
              </div>
              <button type="submit" class="inbox-button" disabled={saving === "status"}>{t("inbox.action.statusSubmit")}</button>
            </Fragment>
          )}
        </form>

        <form class="inbox-action" aria-labelledby="inbox-assign-heading" onSubmit={(e) => {
          e.preventDefault();
          if (assignee.trim() === (s.assignee ?? "")) {
            say(t("inbox.action.unchanged"));
            return;
          }
          void act("assign", { assignee: assignee.trim() }, t("inbox.action.savedAssign"));
        }}>
          <h3 id="inbox-assign-heading">{t("inbox.action.assign")}</h3>
          {actionError?.form === "assign" && <p class="inbox-error" role="alert" id="inbox-assign-error">{actionError.message}</p>}
          <div class="inbox-field">
            <label for="inbox-assignee">{t("inbox.action.assignee")}</label>
            <input id="inbox-assignee" type="text" maxLength={254} autocomplete="off" value={assignee} aria-describedby="inbox-assignee-hint" onInput={(e) => setAssignee((e.currentTarget as HTMLInputElement).value)} />
            <p id="inbox-assignee-hint" class="inbox-hint">{t("inbox.action.assigneeHint")}</p>
          </div>
          <button type="submit" class="inbox-button" disabled={saving === "assign"}>{t("inbox.action.assignSubmit")}</button>
        </form>

        <form class="inbox-action" aria-labelledby="inbox-note-heading" noValidate onSubmit={(e) => {
          e.preventDefault();
          if (note.trim() === "") {
            setActionError({ form: "note", message: t("inbox.action.noteRequired"), field: "note" });
            document.getElementById("inbox-note")?.focus();
            return;
          }
          void act("note", { note }, t("inbox.action.savedNote"));
        }}>
          <h3 id="inbox-note-heading">{t("inbox.action.note")}</h3>
          {actionError?.form === "note" && <p class="inbox-error" role="alert" id="inbox-note-error">{actionError.message}</p>}
          <div class="inbox-field">
            <label for="inbox-note">{t("inbox.action.noteLabel")}</label>
            <textarea
              id="inbox-note" rows={4} maxLength={MAX_NOTE} value={note}
              aria-describedby={actionError?.form === "note" ? "inbox-note-hint inbox-note-error" : "inbox-note-hint"}
              aria-invalid={actionError?.form === "note" && actionError.field === "note" ? "true" : undefined}
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
            <p id="inbox-note-hint" class="inbox-hint">{t("inbox.action.noteHint", { max: formatNumber(MAX_NOTE, lang) })}</p>
          </div>
          <button type="submit" class="inbox-button" disabled={saving === "note"}>{t("inbox.action.noteSubmit")}</button>
        </form>

        <h3>{t("inbox.history")}</h3>
        <ol class="inbox-history">
          {detail.history.map((event) => <li>{historyLine(event)}</li>)}
        </ol>
      </section>
    );
  }

  function answer(name: string, value: string | string[] | undefined): JSX.Element | string {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return <span class="inbox-muted">{t("inbox.detail.notGiven")}</span>;
    if (Array.isArray(value)) {
      const label = (v: string) => (name === "services" ? serviceLabels[v] ?? v : v);
      return <ul>{value.map((v) => <li>{label(v)}</li>)}</ul>;
    }
    if (name === "email") return <a href={`mailto:${value}`}>{value}</a>;
    if (name === "organisationType" && t.has(`forms.organisationType.${value}`)) return t(`forms.organisationType.${value}`);
    if (name === "preferredLanguage" && t.has(`forms.language.${value}`)) return t(`forms.language.${value}`);
    return value;
  }

  function historyLine(event: HistoryEvent): JSX.Element {
    const when = <time dateTime={event.at}>{shortDateTime(event.at, lang)}</time>;
    const by = "by" in event && event.by ? ` ${t("inbox.history.by", { who: event.by })}` : event.kind === "status" ? ` ${t("inbox.history.commandLine")}` : "";
    switch (event.kind) {
      case "created":
        return <Fragment>{when} — {t("inbox.history.created")}</Fragment>;
      case "status":
        return (
          <Fragment>
            {when} — {t("inbox.history.status", { from: statusName(event.from), to: statusName(event.status) })}{by}
            {event.note && <blockquote class="inbox-note">{event.note}</blockquote>}
          </Fragment>
        );
      case "note":
        return <Fragment>{when} — {t("inbox.history.note")}{by}<blockquote class="inbox-note">{event.note}</blockquote></Fragment>;
      case "assign":
        return <Fragment>{when} — {event.assignee ? t("inbox.history.assign", { assignee: event.assignee }) : t("inbox.history.unassign")}{by}</Fragment>;
    }
  }
}
