/**
 * The business-development inbox (Preact island, `client:load`). The session hook (useSession.ts) signs in
 * with the authorization code flow + PKCE against the authority /inbox-config.json names; then the list
 * (InboxList.tsx: filters, counts, results) or one submission (InboxDetail.tsx: every field, the attached
 * estimate's summary, the actions, the history) is shown, through the admin API (api.ts). The rules they
 * follow are pure functions in logic.ts. Without JavaScript it renders nothing: the wrapper says the tool
 * needs it.
 *
 * Accessibility: labelled filters; after each action focus lands on what it changed — the sentence saying
 * how many results a filter found, the first new row of a further page, an action's outcome message, the
 * submission's heading when it opens, its link in the list when going back — and those are not live regions,
 * so each is read once; one polite live region announces what happens without a move (loading, the first
 * results, the export). The tables have captions and header cells and scroll in their own focusable region
 * at 320 px.
 */
import type { JSX } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { formatNumber } from "../../i18n/format.ts";
import type { PriceList } from "../../lib/estimate/types.ts";
import { ApiError, emptyFilter, fetchCsv, fetchDetail, fetchList, type Detail, type Filter, type ListResponse } from "./api.ts";
import type { Session } from "./auth.ts";
import { useFocusAfterRender } from "./focus.ts";
import { InboxDetail } from "./InboxDetail.tsx";
import { InboxList } from "./InboxList.tsx";
import { appendPage, failureKind, failureMessage, filterProblem, ids, resultsMessage } from "./logic.ts";
import type { InboxSite } from "./props.ts";
import { translator, type InboxStrings } from "./strings.ts";
import { useSession } from "./useSession.ts";

export interface InboxProps {
  lang: Lang;
  /** `pickStrings(lang, "inbox.")`, the form names (types, statuses, fields, organisation types, languages) and the estimate summary's words. */
  strings: InboxStrings;
  /** The catalogue's service names by id, for the « services of interest » answers. */
  serviceLabels: Record<string, string>;
  /** The current price list, to price an attached estimate as the estimator does. */
  priceList: PriceList;
  /** The page paths, statuses and answer fields (props.ts). */
  site: InboxSite;
}

export default function InboxIsland({ lang, strings, serviceLabels, priceList, site }: InboxProps): JSX.Element {
  const t = useMemo(() => translator(strings, lang), [strings, lang]);
  const pagePath = site.paths.inbox;

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

  const focusNext = useFocusAfterRender();

  const auth = useSession(pagePath, t, (current, ref) => {
    void loadList(current, emptyFilter);
    if (ref) void openDetail(ref, current, false);
  });
  const session = auth.session;

  const say = (text: string) => {
    // Clearing first makes a repeated message announced again.
    setAnnouncement("");
    setTimeout(() => setAnnouncement(text), 50);
  };

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

  function signedOut() {
    setList(undefined);
    setDetail(undefined);
    setOpenRef(undefined);
    auth.signedOut(t("inbox.sessionExpired"));
  }

  /** The failure's message, or "" after signing out on an expired session. */
  function failure(error: unknown): string {
    if (failureKind(error) === "signedOut") {
      signedOut();
      return "";
    }
    return failureMessage(error, t);
  }

  /**
   * Loads the first page of a filter, or the next page. `moveFocus`: the person asked for it (a filter, a
   * page), so focus lands on the result — the results sentence, or the first new row — instead of an
   * announcement.
   */
  async function loadList(current: Session, filter: Filter, cursor?: string, moveFocus = false) {
    setLoading(true);
    setListError("");
    if (!cursor) say(t("inbox.loading"));
    try {
      const page = await fetchList(current.idToken, filter, cursor);
      setNow(new Date());
      const shown = cursor && list ? appendPage(list, page) : page;
      setList(shown);
      const first = page.items[0];
      if (cursor && first) focusNext(ids.rowLink(first.reference));
      else if (moveFocus) focusNext(ids.resultsStatus);
      if (cursor || !moveFocus) say(resultsMessage(shown.items.length, t));
    } catch (error) {
      const message = failure(error);
      if (message) {
        setListError(message);
        focusNext(ids.listError);
      }
    } finally {
      setLoading(false);
    }
  }

  function applyFilters() {
    if (!session) return;
    if (filterProblem(draft)) {
      setFilterError(t("inbox.filter.badRange"));
      focusNext("inbox-to");
      // The error may already be on screen: focus now too.
      document.getElementById("inbox-to")?.focus();
      return;
    }
    setFilterError("");
    setApplied(draft);
    void loadList(session, draft, undefined, true);
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
      const message = error instanceof ApiError && error.status === 413 ? t("inbox.exportTooMany", { max: formatNumber(site.maxExportRows, lang) }) : failure(error);
      if (message) {
        setListError(message);
        focusNext(ids.listError);
      }
    }
  }

  async function openDetail(reference: string, current: Session, push = true) {
    setAnnouncement("");
    setOpenRef(reference);
    setDetail(undefined);
    setDetailError("");
    if (push) window.history.pushState(null, "", `${pagePath}?ref=${encodeURIComponent(reference)}`);
    focusNext(ids.detailHeading);
    try {
      const loaded = await fetchDetail(current.idToken, reference);
      setNow(new Date());
      setDetail(loaded);
    } catch (error) {
      setDetailError(error instanceof ApiError && error.status === 404 ? t("inbox.detail.notFound") : failure(error));
    }
  }

  function closeDetail(push = true) {
    const previous = openRef;
    setOpenRef(undefined);
    setDetail(undefined);
    if (push) window.history.pushState(null, "", pagePath);
    if (session) void loadList(session, applied);
    focusNext(previous ? ids.rowLink(previous) : ids.resultsStatus);
  }

  const live = <p class="inbox-live" role="status" aria-live="polite" aria-atomic="true">{announcement}</p>;

  if (auth.phase === "starting") return <div class="inbox">{live}</div>;
  if (auth.phase === "no-config") return <div class="inbox">{live}<p class="inbox-notice">{t("inbox.configMissing")}</p></div>;
  if (auth.phase === "signed-out" || !session) {
    return (
      <div class="inbox">
        {live}
        {auth.notice && <p class="inbox-notice" role="alert">{auth.notice}</p>}
        <p>{t("inbox.signInPrompt")}</p>
        {auth.config?.local && <p class="inbox-hint">{t("inbox.localSignIn")}</p>}
        <button type="button" class="inbox-button" onClick={() => void auth.signIn()}>{t("inbox.signIn")}</button>
      </div>
    );
  }

  return (
    <div class="inbox">
      {live}
      <div class="inbox-session">
        <p>{t("inbox.signedInAs", { who: session.email ?? session.sub ?? "" })}</p>
        <button type="button" class="inbox-button inbox-secondary" onClick={auth.signOut}>{t("inbox.signOut")}</button>
      </div>
      {openRef ? (
        <InboxDetail
          key={openRef}
          lang={lang} t={t} serviceLabels={serviceLabels} priceList={priceList} site={site}
          reference={openRef} detail={detail} error={detailError} now={now} token={session.idToken}
          onBack={() => closeDetail()}
          onChange={(next) => {
            setDetail(next);
            setNow(new Date());
          }}
          onSignedOut={signedOut}
        />
      ) : (
        <InboxList
          lang={lang} t={t} site={site}
          draft={draft} setDraft={setDraft} filterError={filterError}
          onApply={applyFilters} onExport={() => void exportCsv()}
          list={list} resultsText={list ? resultsMessage(list.items.length, t) : ""} listError={listError} loading={loading} now={now}
          onOpen={(reference) => void openDetail(reference, session)}
          onMore={() => list && void loadList(session, applied, list.cursor, true)}
        />
      )}
    </div>
  );
}
