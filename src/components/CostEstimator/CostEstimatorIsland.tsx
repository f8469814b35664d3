/**
 * The monthly cost estimator (Preact island, `client:load`). Its props are a few bytes (whether the inquiry form
 * exists, heading level, id prefix); the price list and its strings come from its Astro wrapper on the server and
 * are read back from the page in the browser (./page-data.ts: the options of its own "service to add" list carry
 * the prices as data attributes, one JSON block the version and strings). It imports only the pure estimate
 * core, the formatters and the route table: no zod, no catalogue, no src/i18n/index.ts.
 *
 * The server renders it in its starting state (no line, start month April), so the page shows the tool at first
 * paint and hydration moves nothing; a shared estimate in the address fills it in place once it runs, and a
 * choice made before it woke up (the service to add, the start month) is taken from the page. Without
 * JavaScript the wrapper hides it (CSS on the not-yet-defined island) and says the tool needs JavaScript, with
 * the price tables it works from: no inert form is ever usable-looking.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { filled } from "../filled-from-address.ts";
import { Fragment, type JSX } from "preact";
import type { Lang } from "../../i18n/locales.ts";
import { href } from "../../i18n/routes.ts";
import { formatDate, formatMoney, formatNumber } from "../../i18n/format.ts";
import {
  computeEstimate, csvFileName, decodeEstimate, encodeEstimate, ESTIMATE_PARAM, fiscalYearMonths, monthName, newLine,
  priceLine, toCsv,
} from "../../lib/estimate/index.ts";
import { keepQueryInLanguageLink } from "../../i18n/language-link.ts";
import { FIELDS, fieldId, readRows, rowOf, type FieldName, type Row } from "./rows.ts";
import { estimatorData, optionData, type IslandKey } from "./page-data.ts";
import type { TextKey } from "../../i18n/ui/schema.ts";
import { createTranslator } from "../../i18n/translator.ts";

export interface CostEstimatorProps {
  lang: Lang;
  /** Whether the inquiry form is built; its link is left out until it is (no broken links). */
  inquiryForm: boolean;
  /** Level of the island's headings: 2 on its own page, 3 when embedded under a page's h2. */
  headingLevel?: 2 | 3;
  /** Prefix of the element ids. */
  idPrefix?: string;
}

/** Quiet time after the last change before the totals are announced: not on every keystroke. */
export const ANNOUNCE_DELAY_MS = 1000;

/** The first month of the fiscal year: the default start month. */
const DEFAULT_START_MONTH = 4;

export default function CostEstimatorIsland(props: CostEstimatorProps): JSX.Element {
  const { lang, inquiryForm, headingLevel = 2, idPrefix = "ce" } = props;
  // Read once from the page before anything changes it (./page-data.ts); the same objects on every render.
  const { priceList, strings } = estimatorData(idPrefix, lang);
  const t = useMemo(() => createTranslator(strings, lang), [strings, lang]);
  const money = (cents: number) => formatMoney(cents, lang);
  const Heading = `h${headingLevel}` as "h2";

  const [rows, setRows] = useState<Row[]>([]);
  const [startMonth, setStartMonth] = useState(DEFAULT_START_MONTH);
  const [notice, setNotice] = useState<string | null>(null);
  const [choice, setChoice] = useState("");
  const [announcement, setAnnouncement] = useState("");
  // The URL is rewritten, and totals announced, only once the reader has changed something: opening a
  // shared link leaves it as it was (with its version) until then.
  const [touched, setTouched] = useState(false);
  const nextKey = useRef(1);
  const focusTarget = useRef<string | null>(null);
  const pendingMessage = useRef("");
  // Set once the address has been read into the state: the next commit shows a shared estimate in full.
  const [addressRead, setAddressRead] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // What the reader chose before the island woke up stays chosen (read before any state changes the page).
    const picked = (document.getElementById(`${idPrefix}-add`) as HTMLSelectElement | null)?.value;
    const month = Number((document.getElementById(`${idPrefix}-start-month`) as HTMLSelectElement | null)?.value);
    const text = new URLSearchParams(window.location.search).get(ESTIMATE_PARAM);
    if (text !== null) {
      const decoded = decodeEstimate(text, priceList);
      if (decoded.ok) {
        setRows(decoded.state.lines.map((line) => rowOf(line, nextKey.current++)));
        setStartMonth(decoded.state.startMonth);
        // The old list's prices are not kept anywhere: say which list the link was made with and price it with
        // the current one.
        if (decoded.state.version !== priceList.version) {
          setNotice(t("estimate.otherVersion", {
            linkDate: formatDate(decoded.state.version, lang), currentDate: formatDate(priceList.version, lang),
          }));
        }
      } else if (decoded.error.code === "unknownItem" || decoded.error.code === "kindMismatch") {
        setNotice(t("estimate.linkUnknownItem", { item: decoded.error.item ?? "" }));
      } else {
        setNotice(t("estimate.linkInvalid"));
      }
      keepQueryInLanguageLink();
    }
    if (picked) setChoice(picked);
    if (month && month !== DEFAULT_START_MONTH) {
      setStartMonth(month);
      setTouched(true);
    }
    setAddressRead(true);
  }, []);
  // The shared estimate is in the page: show it (../filled-from-address.ts).
  useEffect(() => {
    if (addressRead) filled(root.current);
  }, [addressRead]);

  const read = useMemo(() => readRows(rows, priceList.version, startMonth), [rows, startMonth, priceList.version]);
  const estimate = useMemo(() => (read.state ? computeEstimate(priceList, read.state) : null), [read, priceList]);
  const encoded = read.state ? encodeEstimate(read.state) : null;

  useEffect(() => {
    if (!touched || encoded === null) return;
    const url = new URL(window.location.href);
    url.searchParams.set(ESTIMATE_PARAM, encoded);
    window.history.replaceState(window.history.state, "", url);
    keepQueryInLanguageLink();
  }, [encoded, touched]);

  useEffect(() => {
    if (!touched) return;
    const timer = window.setTimeout(() => {
      const totals = estimate
        ? t("estimate.announce", {
          monthly: money(estimate.monthlyCents),
          firstMonth: money(estimate.firstMonthCents),
          twelveMonths: money(estimate.twelveMonthCents),
          fiscalYear: money(estimate.fiscalYear.totalCents),
        })
        : t("estimate.invalidTotals");
      setAnnouncement(`${pendingMessage.current} ${totals}`.trim());
      pendingMessage.current = "";
    }, ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
    // The number of lines too: removing a line while the estimate stays invalid must still be announced.
  }, [encoded ?? "invalid", touched, rows.length]);

  // Layout effect: the cursor is in the new line before the next keystroke can arrive. The field's text is selected,
  // so a number typed next replaces the 1 instead of making it 13.
  useLayoutEffect(() => {
    if (focusTarget.current) {
      const target = document.getElementById(focusTarget.current);
      target?.focus();
      if (target instanceof HTMLInputElement) target.select();
      focusTarget.current = null;
    }
  });

  const items = [
    ...priceList.subscriptions.map((s) => ({ id: s.id, name: s.name[lang], group: "subscriptions" as const, price: s })),
    ...priceList.optional.map((o) => ({ id: o.id, name: o.name[lang], group: "optional" as const, price: o })),
  ];
  const nameOf = (item: string) => items.find((i) => i.id === item)?.name ?? item;
  const available = items.filter((i) => !rows.some((r) => r.item === i.id));
  const selected = available.some((i) => i.id === choice) ? choice : (available[0]?.id ?? "");
  const ids = {
    add: `${idPrefix}-add`,
    lines: `${idPrefix}-lines-heading`,
    hint: `${idPrefix}-hint`,
    month: `${idPrefix}-start-month`,
    monthHint: `${idPrefix}-start-month-hint`,
    totals: `${idPrefix}-totals-heading`,
    caption: `${idPrefix}-breakdown-caption`,
    keep: `${idPrefix}-keep-heading`,
  };

  const change = (update: (rows: Row[]) => Row[]) => {
    setRows(update);
    setTouched(true);
  };
  const add = () => {
    if (!selected) return;
    const row = rowOf(newLine(priceList, selected), nextKey.current++);
    change((rs) => [...rs, row]);
    setChoice("");
    focusTarget.current = fieldId(idPrefix, row, FIELDS[row.kind][0]);
  };
  const remove = (row: Row) => {
    change((rs) => rs.filter((r) => r.key !== row.key));
    pendingMessage.current = t("estimate.removed", { service: nameOf(row.item) });
    focusTarget.current = ids.lines;
  };
  const edit = (row: Row, field: FieldName, value: string) =>
    change((rs) => rs.map((r) => (r.key === row.key ? { ...r, text: { ...r.text, [field]: value } } : r)));

  const download = () => {
    if (!estimate) return;
    const url = URL.createObjectURL(new Blob([toCsv(estimate, lang, t)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = csvFileName(estimate, lang);
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const fieldLabel = (row: Row, field: FieldName): string => {
    if (field === "quantity") {
      const unit = priceList.subscriptions.find((s) => s.id === row.item)?.unit ?? "terminal";
      return t(`estimate.quantity.${unit}`);
    }
    return t(`estimate.${field}`);
  };

  const priceText = (row: Row): string[] => {
    const sub = priceList.subscriptions.find((s) => s.id === row.item);
    if (sub) {
      return [
        t("estimate.linePrice", { price: money(sub.monthlyCents), unit: sub.unitLabel[lang] }),
        t("estimate.lineFee", { fee: money(sub.serviceFeeCents) }),
      ];
    }
    const option = priceList.optional.find((o) => o.id === row.item);
    if (option?.kind === "recording") {
      return [t("estimate.lineRecording", {
        first: money(option.firstHourCents), block: money(option.additionalBlockCents), minutes: option.blockMinutes,
      })];
    }
    return option ? [t("estimate.lineHourly", { price: money(option.hourlyCents) })] : [];
  };

  return (
    <div class="ce" ref={root}>
      {notice && <p class="ce-notice">{notice}</p>}

      <fieldset class="ce-add">
        <legend>{t("estimate.addLegend")}</legend>
        {available.length > 0 ? (
          <div class="ce-add-row">
            <div class="ce-field">
              <label for={ids.add}>{t("estimate.addLabel")}</label>
              <select id={ids.add} value={selected} onChange={(e) => setChoice(e.currentTarget.value)}>
                {(["subscriptions", "optional"] as const).map((group) => {
                  const options = available.filter((i) => i.group === group);
                  return options.length === 0 ? null : (
                    <optgroup label={t(group === "subscriptions" ? "estimate.groupSubscriptions" : "estimate.groupOptional")}>
                      {options.map((i) => <option value={i.id} selected={i.id === selected} {...optionData(i.price, lang)}>{i.name}</option>)}
                    </optgroup>
                  );
                })}
              </select>
            </div>
            <button type="button" class="ce-button" onClick={add}>{t("estimate.addButton")}</button>
          </div>
        ) : (
          <p>{t("estimate.allAdded")}</p>
        )}
      </fieldset>

      <Heading id={ids.lines} tabIndex={-1} class="ce-heading ce-lines-heading">{t("estimate.linesHeading")}</Heading>
      {rows.length === 0 ? (
        <p class="ce-empty">{t("estimate.empty")}</p>
      ) : (
        <Fragment>
          <p id={ids.hint} class="ce-hint">{t("estimate.fieldHint")}</p>
          <ul class="ce-lines">
            {rows.map((row, index) => {
              const line = read.lines[index];
              return (
                <li key={row.key} class="ce-line">
                  <fieldset>
                    <legend>{nameOf(row.item)}</legend>
                    <p class="ce-price">{priceText(row).map((text) => <span>{text}</span>)}</p>
                    <div class="ce-fields">
                      {FIELDS[row.kind].map((field: FieldName) => {
                        const id = fieldId(idPrefix, row, field);
                        const error = read.errors[`${row.key}-${field}`];
                        return (
                          <div class="ce-field" key={field}>
                            <label for={id}>{fieldLabel(row, field)}</label>
                            <input
                              id={id}
                              type="text"
                              inputMode="numeric"
                              autoComplete="off"
                              spellcheck={false}
                              size={7}
                              value={row.text[field] ?? ""}
                              onInput={(e) => edit(row, field, e.currentTarget.value)}
                              aria-invalid={error ? "true" : undefined}
                              aria-describedby={error ? `${id}-error ${ids.hint}` : ids.hint}
                            />
                            {error && <p id={`${id}-error`} class="ce-error">{t(`estimate.error.${error}` as Extract<IslandKey, TextKey>)}</p>}
                          </div>
                        );
                      })}
                    </div>
                    {line && (
                      <p class="ce-line-amount">{t("estimate.lineAmount", { amount: money(priceLine(priceList, line).monthlyCents) })}</p>
                    )}
                    <button
                      type="button"
                      class="ce-button ce-remove"
                      aria-label={t("estimate.removeLabel", { service: nameOf(row.item) })}
                      onClick={() => remove(row)}
                    >
                      {t("estimate.remove")}
                    </button>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </Fragment>
      )}

      <div class="ce-field ce-month">
        <label for={ids.month}>{t("estimate.startMonth")}</label>
        <select
          id={ids.month}
          value={String(startMonth)}
          aria-describedby={ids.monthHint}
          onChange={(e) => {
            setStartMonth(Number(e.currentTarget.value));
            setTouched(true);
          }}
        >
          {fiscalYearMonths().map((m) => <option value={String(m)} selected={m === startMonth}>{monthName(m, lang)}</option>)}
        </select>
        <p id={ids.monthHint} class="ce-hint">{t("estimate.startMonthHint")}</p>
      </div>

      <Heading id={ids.totals} class="ce-heading">{t("estimate.totalsHeading")}</Heading>
      {estimate ? (
        <Fragment>
          <dl class="ce-totals">
            <div><dt>{t("estimate.monthly")}</dt><dd data-total="monthly">{money(estimate.monthlyCents)}</dd></div>
            <div><dt>{t("estimate.oneTime")}</dt><dd data-total="one-time">{money(estimate.oneTimeCents)}</dd></div>
            <div><dt>{t("estimate.firstMonth")}</dt><dd data-total="first-month">{money(estimate.firstMonthCents)}</dd></div>
            <div><dt>{t("estimate.twelveMonths")}</dt><dd data-total="twelve-months">{money(estimate.twelveMonthCents)}</dd></div>
            <div>
              <dt>{t("estimate.fiscalYear", {
                month: monthName(estimate.fiscalYear.startMonth, lang),
                months: t.plural("estimate.monthCount", estimate.fiscalYear.months),
              })}</dt>
              <dd data-total="fiscal-year">{money(estimate.fiscalYear.totalCents)}</dd>
            </div>
          </dl>
          {estimate.lines.length > 0 && (
            <div class="table-region" role="region" aria-labelledby={ids.caption} tabIndex={0}>
              <table class="ce-breakdown">
                <caption id={ids.caption}>{t("estimate.breakdownCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("estimate.col.service")}</th>
                    <th scope="col" class="num">{t("estimate.col.quantity")}</th>
                    <th scope="col" class="num">{t("estimate.col.unitPrice")}</th>
                    <th scope="col" class="num">{t("estimate.col.monthly")}</th>
                    <th scope="col" class="num">{t("estimate.col.oneTime")}</th>
                  </tr>
                </thead>
                <tbody>
                  {estimate.lines.map((line) => (
                    <tr key={line.item}>
                      <th scope="row">
                        {line.name[lang]}
                        {line.kind === "recording" && (
                          <span class="ce-unit">{t("estimate.perSession", { minutes: formatNumber(line.minutes ?? 0, lang) })}</span>
                        )}
                      </th>
                      <td class="num">{formatNumber(line.quantity, lang)}</td>
                      <td class="num">{money(line.unitCents)}</td>
                      <td class="num">{money(line.monthlyCents)}</td>
                      <td class="num">{money(line.oneTimeCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    {/* Empty cells rather than a colspan: one level of row headers keeps the table simple to read. */}
                    <th scope="row">{t("estimate.total")}</th>
                    <td />
                    <td />
                    <td class="num">{money(estimate.monthlyCents)}</td>
                    <td class="num">{money(estimate.oneTimeCents)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </Fragment>
      ) : (
        <p class="ce-invalid">{t("estimate.invalidTotals")}</p>
      )}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{announcement}</div>

      <Heading id={ids.keep} class="ce-heading ce-keep">{t("estimate.keepHeading")}</Heading>
      <p class="ce-keep">{t("estimate.shareNote")}</p>
      <div class="ce-actions">
        {estimate && <button type="button" class="ce-button" onClick={download}>{t("estimate.downloadCsv")}</button>}
        <button type="button" class="ce-button" onClick={() => window.print()}>{t("estimate.print")}</button>
        {inquiryForm && encoded && (
          <a class="ce-send" href={href(lang, "inquiryForm", { query: { [ESTIMATE_PARAM]: encoded } })}>{t("estimate.send")}</a>
        )}
      </div>
    </div>
  );
}
