/**
 * The list view: the filters, the counts per status, the results (with the sentence saying how many, where
 * focus lands after filtering) and the button that loads the next page.
 */
import { Fragment, type JSX } from "preact";
import type { Lang } from "../../i18n/locales.ts";
import type { FormType, Status } from "../../lib/forms/fields.ts";
import type { Filter, ListResponse } from "./api.ts";
import { age, shortDateTime } from "./display.ts";
import { ids } from "./logic.ts";
import type { InboxSite } from "./props.ts";
import type { Translate } from "./strings.ts";

interface Props {
  lang: Lang;
  t: Translate;
  site: InboxSite;
  draft: Filter;
  setDraft: (filter: Filter) => void;
  filterError: string;
  onApply: () => void;
  onExport: () => void;
  list: ListResponse | undefined;
  /** The sentence about the results shown ("3 submissions shown", "none"). */
  resultsText: string;
  listError: string;
  loading: boolean;
  now: Date;
  onOpen: (reference: string) => void;
  onMore: () => void;
}

export function InboxList(props: Props): JSX.Element {
  const { lang, t, draft, setDraft, filterError, list } = props;
  const { statuses, paths } = props.site;
  const typeName = (type: FormType) => t(`forms.type.${type}`);
  const statusName = (status: Status) => t(`forms.status.${status}`);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <Fragment>
      <section aria-labelledby="inbox-filters-heading">
        <h2 id="inbox-filters-heading">{t("inbox.filters")}</h2>
        <form class="inbox-filters" noValidate onSubmit={(e) => {
          e.preventDefault();
          props.onApply();
        }}>
          <div class="inbox-field">
            <label for="inbox-type">{t("inbox.filter.type")}</label>
            <select id="inbox-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: value(e) as Filter["type"] })}>
              <option value="">{t("inbox.filter.allTypes")}</option>
              <option value="adviser-request">{typeName("adviser-request")}</option>
              <option value="inquiry">{typeName("inquiry")}</option>
            </select>
          </div>
          <div class="inbox-field">
            <label for="inbox-status">{t("inbox.filter.status")}</label>
            <select id="inbox-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: value(e) as Filter["status"] })}>
              <option value="open">{t("inbox.filter.open")}</option>
              <option value="all">{t("inbox.filter.all")}</option>
              {statuses.map((s) => <option value={s}>{statusName(s)}</option>)}
            </select>
          </div>
          <div class="inbox-field">
            <label for="inbox-from">{t("inbox.filter.from")}</label>
            <input id="inbox-from" type="date" value={draft.from} aria-describedby="inbox-date-hint" onInput={(e) => setDraft({ ...draft, from: value(e) })} />
          </div>
          <div class="inbox-field">
            <label for="inbox-to">{t("inbox.filter.to")}</label>
            <input
              id="inbox-to" type="date" value={draft.to}
              aria-describedby={filterError ? "inbox-date-hint inbox-filter-error" : "inbox-date-hint"}
              aria-invalid={filterError ? "true" : undefined}
              onInput={(e) => setDraft({ ...draft, to: value(e) })}
            />
          </div>
          <div class="inbox-field">
            <label for="inbox-q">{t("inbox.filter.q")}</label>
            <input id="inbox-q" type="search" maxLength={100} value={draft.q} onInput={(e) => setDraft({ ...draft, q: value(e) })} />
          </div>
          <p id="inbox-date-hint" class="inbox-hint">{t("inbox.filter.dateHint")}</p>
          {filterError && <p id="inbox-filter-error" class="inbox-error">{filterError}</p>}
          <div class="inbox-buttons">
            <button type="submit" class="inbox-button">{t("inbox.filter.apply")}</button>
            <button type="button" class="inbox-button inbox-secondary" onClick={props.onExport}>{t("inbox.export")}</button>
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

      {props.listError && <p id={ids.listError} class="inbox-error" tabIndex={-1}>{props.listError}</p>}

      {list && (
        <Fragment>
          <p id={ids.resultsStatus} class="inbox-results-status" tabIndex={-1}>{props.resultsText}</p>
          {list.items.length > 0 && (
            <div class="table-region" role="region" aria-labelledby={ids.resultsCaption} tabIndex={0}>
              <table class="inbox-table">
                <caption id={ids.resultsCaption} tabIndex={-1}>{t("inbox.results")}</caption>
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
                          id={ids.rowLink(item.reference)}
                          href={`${paths.inbox}?ref=${encodeURIComponent(item.reference)}`}
                          aria-label={t("inbox.detail.open", { reference: item.reference, organisation: item.organisation })}
                          onClick={(e) => {
                            if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                            e.preventDefault();
                            props.onOpen(item.reference);
                          }}
                        >{item.reference}</a>
                      </th>
                      <td>{shortDateTime(item.createdAt, lang)}</td>
                      <td>{age(item.createdAt, props.now, t)}</td>
                      <td>{typeName(item.type)}</td>
                      <td>{item.organisation}</td>
                      <td>{statusName(item.status)}</td>
                      <td>{item.assignee ?? t("inbox.unassigned")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.cursor && (
            <button type="button" class="inbox-button inbox-secondary" disabled={props.loading} onClick={props.onMore}>
              {t("inbox.more")}
            </button>
          )}
        </Fragment>
      )}
    </Fragment>
  );
}
