/**
 * One submission: its facts, every answer, the attached estimate's summary, the three actions (status with a
 * note, adviser, internal note) and the history. After an action, focus lands on that form's outcome message
 * (saved, unchanged or refused), which is not a live region, so it is read once; a field refused on the spot
 * gets focus itself, with the message as its description.
 */
import { mailtoHref } from "../../i18n/routes.ts";
import { Fragment, type JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { formatNumber } from "../../i18n/format.ts";
import type { PriceList } from "../../lib/estimate/types.ts";
import type { FormType, Status } from "../../lib/forms/fields.ts";
import { patchSubmission, type Detail } from "./api.ts";
import { age, dayOfEpoch, shortDateTime } from "./display.ts";
import { useFocusAfterRender } from "./focus.ts";
import { HistoryLine } from "./HistoryLine.tsx";
import { actionFailure, answerView, draftsFor, ids, planAction, type ActionForm, type Drafts } from "./logic.ts";
import type { InboxSite } from "./props.ts";
import type { Translate } from "./strings.ts";

interface Props {
  lang: Lang;
  t: Translate;
  serviceLabels: Record<string, string>;
  priceList: PriceList;
  site: InboxSite;
  reference: string;
  detail: Detail | undefined;
  error: string;
  now: Date;
  token: string;
  onBack: () => void;
  /** A saved change, or the fresh record the server sent with a refusal. */
  onChange: (next: Detail) => void;
  onSignedOut: () => void;
}

interface Outcome {
  form: ActionForm;
  text: string;
  error: boolean;
  field?: string;
}

export function InboxDetail(props: Props): JSX.Element {
  const { lang, t, detail, reference } = props;
  const [typed, setTyped] = useState<Drafts | undefined>();
  const [saving, setSaving] = useState<ActionForm | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const focusNext = useFocusAfterRender();
  const estimate = detail?.submission.answers.estimate;
  const code = typeof estimate === "string" && estimate !== "" ? estimate : undefined;
  // The estimate summary and the estimator's pricing load only for a submission that carries an estimate.
  const [Summary, setSummary] = useState<typeof import("./EstimateSummary.tsx").EstimateSummary | undefined>();
  useEffect(() => {
    if (code && !Summary) void import("./EstimateSummary.tsx").then((module) => setSummary(() => module.EstimateSummary));
  }, [code]);
  const statusName = (status: Status) => t(`forms.status.${status}`);
  const typeName = (type: FormType) => t(`forms.type.${type}`);

  const heading = (
    <h2 id={ids.detailHeading} tabIndex={-1} class="inbox-detail-heading">
      {t("inbox.detail.heading", { reference })}
    </h2>
  );
  const back = <button type="button" class="inbox-button inbox-secondary" onClick={props.onBack}>{t("inbox.detail.back")}</button>;
  if (!detail) {
    return (
      <section aria-labelledby={ids.detailHeading}>
        {heading}
        {props.error ? <p class="inbox-error" role="alert">{props.error}</p> : <p>{t("inbox.loading")}</p>}
        {back}
      </section>
    );
  }
  const current = detail;
  const drafts = typed ?? draftsFor(current);
  const edit = (change: Partial<Drafts>) => setTyped({ ...drafts, ...change });
  const s = current.submission;

  function show(next: Outcome, focus = ids.outcome(next.form)) {
    setOutcome(next);
    focusNext(focus);
  }

  async function submit(form: ActionForm) {
    const plan = planAction(form, drafts, current, t);
    if ("unchanged" in plan) return show({ form, text: t("inbox.action.unchanged"), error: false });
    if ("invalid" in plan) return show({ form, text: plan.invalid, error: true, field: plan.field }, `inbox-${plan.field}`);
    setSaving(form);
    setOutcome(undefined);
    try {
      const next = await patchSubmission(props.token, s.reference, { ...plan.send, revision: s.revision });
      setTyped(undefined);
      props.onChange(next);
      show({ form, text: plan.success, error: false });
    } catch (error) {
      const failure = actionFailure(error, lang, t, props.site.maxNote);
      if ("signedOut" in failure) return props.onSignedOut();
      if (failure.fresh) props.onChange(failure.fresh);
      show({ form, text: failure.message, error: true, ...(failure.field ? { field: failure.field } : {}) });
    } finally {
      setSaving(undefined);
    }
  }

  const onSubmit = (form: ActionForm) => (e: Event) => {
    e.preventDefault();
    void submit(form);
  };
  const message = (form: ActionForm) =>
    outcome?.form === form && (
      <p id={ids.outcome(form)} class={outcome.error ? "inbox-error" : "inbox-outcome"} tabIndex={-1}>{outcome.text}</p>
    );
  const invalid = (form: ActionForm, field: string) => outcome?.form === form && outcome.error && outcome.field === field;
  const describedBy = (form: ActionForm, hint: string, field: string) => (invalid(form, field) ? `${hint} ${ids.outcome(form)}` : hint);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

  return (
    <section aria-labelledby={ids.detailHeading} class="inbox-detail">
      {heading}
      {back}

      <h3>{t("inbox.detail.summary")}</h3>
      <dl class="inbox-facts">
        <dt>{t("inbox.col.status")}</dt><dd>{statusName(s.status)}</dd>
        <dt>{t("inbox.col.type")}</dt><dd>{typeName(s.type)}</dd>
        <dt>{t("inbox.col.received")}</dt><dd>{shortDateTime(s.createdAt, lang)} ({age(s.createdAt, props.now, t)})</dd>
        <dt>{t("inbox.col.assignee")}</dt><dd>{s.assignee ?? t("inbox.unassigned")}</dd>
        <dt>{t("inbox.detail.language")}</dt><dd>{t(`forms.language.${s.lang}`)}</dd>
        <dt>{t("inbox.detail.source")}</dt><dd><code>{s.source}</code></dd>
        <dt>{t("inbox.detail.expires")}</dt><dd>{dayOfEpoch(s.expiresAt, lang)}</dd>
      </dl>

      <h3>{t("inbox.detail.fields")}</h3>
      <dl class="inbox-facts">
        {props.site.answerFields[s.type].map((name) => {
          const view = answerView(name, s.answers[name], t, props.serviceLabels);
          return (
            <Fragment>
              <dt>{t(`forms.field.${name}`)}</dt>
              <dd class="inbox-answer">
                {view.kind === "empty" ? <span class="inbox-muted">{t("inbox.detail.notGiven")}</span>
                  : view.kind === "list" ? <ul>{view.items.map((item) => <li>{item}</li>)}</ul>
                    : view.kind === "email" ? <a href={mailtoHref(view.value)}>{view.value}</a>
                      : view.value}
              </dd>
            </Fragment>
          );
        })}
      </dl>

      {code && (
        <section aria-labelledby="inbox-estimate-heading" class="inbox-estimate-summary">
          <h3 id="inbox-estimate-heading">{t("inbox.detail.estimate")}</h3>
          {Summary ? <Summary code={code} priceList={props.priceList} estimatorPath={props.site.paths.estimator} lang={lang} t={t} /> : <p>{t("inbox.loading")}</p>}
        </section>
      )}

      <form class="inbox-action" aria-labelledby="inbox-status-heading" onSubmit={onSubmit("status")}>
        <h3 id="inbox-status-heading">{t("inbox.action.status")}</h3>
        {message("status")}
        {current.transitions.length === 0 ? <p>{t("inbox.action.noTransition")}</p> : (
          <Fragment>
            <div class="inbox-field">
              <label for="inbox-new-status">{t("inbox.action.newStatus")}</label>
              <select id="inbox-new-status" value={drafts.statusChoice} onChange={(e) => edit({ statusChoice: value(e) })}>
                {current.transitions.map((to) => <option value={to}>{statusName(to)}</option>)}
              </select>
            </div>
            <div class="inbox-field">
              <label for="inbox-status-note">{t("inbox.action.statusNote")}</label>
              <textarea id="inbox-status-note" rows={3} maxLength={props.site.maxNote} value={drafts.statusNote} onInput={(e) => edit({ statusNote: value(e) })} />
            </div>
            <button type="submit" class="inbox-button" disabled={saving === "status"}>{t("inbox.action.statusSubmit")}</button>
          </Fragment>
        )}
      </form>

      <form class="inbox-action" aria-labelledby="inbox-assign-heading" onSubmit={onSubmit("assign")}>
        <h3 id="inbox-assign-heading">{t("inbox.action.assign")}</h3>
        {message("assign")}
        <div class="inbox-field">
          <label for="inbox-assignee">{t("inbox.action.assignee")}</label>
          <input id="inbox-assignee" type="text" maxLength={254} autocomplete="off" value={drafts.assignee} aria-describedby="inbox-assignee-hint" onInput={(e) => edit({ assignee: value(e) })} />
          <p id="inbox-assignee-hint" class="inbox-hint">{t("inbox.action.assigneeHint")}</p>
        </div>
        <button type="submit" class="inbox-button" disabled={saving === "assign"}>{t("inbox.action.assignSubmit")}</button>
      </form>

      <form class="inbox-action" aria-labelledby="inbox-note-heading" noValidate onSubmit={onSubmit("note")}>
        <h3 id="inbox-note-heading">{t("inbox.action.note")}</h3>
        {message("note")}
        <div class="inbox-field">
          <label for="inbox-note">{t("inbox.action.noteLabel")}</label>
          <textarea
            id="inbox-note" rows={4} maxLength={props.site.maxNote} value={drafts.note}
            aria-describedby={describedBy("note", "inbox-note-hint", "note")}
            aria-invalid={invalid("note", "note") ? "true" : undefined}
            onInput={(e) => edit({ note: value(e) })}
          />
          <p id="inbox-note-hint" class="inbox-hint">{t("inbox.action.noteHint", { max: formatNumber(props.site.maxNote, lang) })}</p>
        </div>
        <button type="submit" class="inbox-button" disabled={saving === "note"}>{t("inbox.action.noteSubmit")}</button>
      </form>

      <section aria-labelledby="inbox-history-heading">
        <h3 id="inbox-history-heading">{t("inbox.history")}</h3>
        <ol class="inbox-history">
          {current.history.map((event) => <li><HistoryLine event={event} lang={lang} t={t} /></li>)}
        </ol>
      </section>
    </section>
  );
}
