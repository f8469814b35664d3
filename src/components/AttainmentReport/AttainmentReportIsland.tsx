/**
 * The attainment report island: the reader opens or pastes a CSV of incidents (it never leaves the browser),
 * checks which column holds each field, and reads, per priority, how many incidents were restored in time against
 * the centre's published target — as a bar chart and a table — with the missed incidents, the rows in error, a CSV
 * of every incident and a print button. The reading and the assessment run in a worker (worker.ts), created at the
 * first file, so the page stays responsive and this island carries no engine.
 *
 * Receives plain, precomputed props: each centre's restore levels (src/lib/attainment/profile.ts), its name and
 * targets in words, the example files' addresses, and the "attainment." strings of the page's language.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { formatDate, formatNumber, formatPercent, formatTime } from "../../i18n/format.ts";
import type { Lang } from "../../i18n/locales.ts";
import { FIELDS, MAX_BYTES, MAX_ROWS, missingFields, REQUIRED_FIELDS, type Field, type Mapping } from "../../lib/attainment/fields.ts";
import type { Centre, CentreProfile, Priority } from "../../lib/attainment/core.ts";
import { Chart, percentOf } from "./Chart.tsx";
import type { LoadError } from "./pipeline.ts";
import type { Request, Response, WorkerReport } from "./protocol.ts";
import { translator, type ReportStrings, type ReportTextKey } from "./strings.ts";

export interface CentreInfo {
  profile: CentreProfile;
  /** The centre's short name (« CAU »). */
  name: string;
  /** Each priority's restore target in words, P1 first (« 3 heures dans 85 % des cas »). */
  targets: string[];
  /** The example file of the centre in the page's language. */
  sampleHref: string;
}

export interface Props {
  lang: Lang;
  strings: ReportStrings;
  centres: Record<Centre, CentreInfo>;
  /** The report's time; now when absent (tests pin it). */
  now?: Date;
}

interface Loaded {
  headers: string[];
  separator: string;
  rows: number;
  /** The first row's values, shown beside each column. */
  example: string[];
}
type Phase =
  | { kind: "input" }
  | { kind: "busy"; message: string }
  | { kind: "mapping"; loaded: Loaded; mapping: Mapping }
  | { kind: "report"; loaded: Loaded; mapping: Mapping; centre: Centre; data: WorkerReport };

/** Rows listed on the page; the CSV holds all. */
const LIST_MAX = 200;
const ERROR_KEYS: Record<LoadError | "read-failed", ReportTextKey> = {
  "read-failed": "attainment.error.readFailed",
  empty: "attainment.error.empty",
  "too-large": "attainment.error.tooLarge",
  binary: "attainment.error.binary",
  "no-rows": "attainment.error.noRows",
  "too-many-rows": "attainment.error.tooManyRows",
  "one-column": "attainment.error.oneColumn",
};
const FIELD_KEYS: Record<Field, ReportTextKey> = {
  ref: "attainment.field.ref",
  priority: "attainment.field.priority",
  received: "attainment.field.received",
  restored: "attainment.field.restored",
  pauses: "attainment.field.pauses",
};

/** Québec date "YYYY-MM-DD" and time "HH:MM" of an instant (Intl only: the engine stays in the worker). */
let wallFormat: Intl.DateTimeFormat | undefined;
function wallOf(ms: number): { date: string; time: string } {
  wallFormat ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const p: Record<string, string> = {};
  for (const part of wallFormat.formatToParts(ms)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export default function AttainmentReportIsland({ lang, strings, centres, now }: Props) {
  const t = translator(strings, lang);
  const [centre, setCentre] = useState<Centre>("cau");
  const [text, setText] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "input" });
  const [error, setError] = useState<string | null>(null);
  const [invalidFields, setInvalidFields] = useState<Field[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);
  const focusRef = useRef<HTMLElement | null>(null);
  const busy = phase.kind === "busy";

  // Move focus to the heading of each new step, once it is on the page.
  useEffect(() => {
    focusRef.current?.focus();
    focusRef.current = null;
  });
  const focusHere = (element: HTMLElement | null) => {
    if (element && focusRef.current === null && element.dataset.focusOnce !== "done") {
      focusRef.current = element;
      element.dataset.focusOnce = "done";
    }
  };

  const fail = (message: string) => {
    setPhase({ kind: "input" });
    setError(message);
  };
  const problem = (code: LoadError | "read-failed", size?: number) =>
    fail(t(ERROR_KEYS[code], {
      size: formatNumber(mb(size ?? 0), lang),
      max: code === "too-large" ? formatNumber(mb(MAX_BYTES), lang) : formatNumber(MAX_ROWS, lang),
    }));

  const workerRef = useRef<Worker | null>(null);
  /** Sends a request to the worker (created at the first use) and resolves with its answer; progress in between. */
  function ask(request: Request, onProgress: (r: Extract<Response, { type: "progress" }>) => void): Promise<Response> {
    workerRef.current ??= new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    const worker = workerRef.current;
    return new Promise((resolve) => {
      worker.onmessage = (event: MessageEvent<Response>) => {
        if (event.data.type === "progress") onProgress(event.data);
        else resolve(event.data);
      };
      worker.onerror = () => resolve({ type: "error", code: "read-failed" });
      worker.postMessage(request);
    });
  }
  useEffect(() => () => workerRef.current?.terminate(), []);

  async function load(request: Extract<Request, { type: "load" }>) {
    setError(null);
    setInvalidFields([]);
    setPhase({ kind: "busy", message: t("attainment.loading") });
    const answer = await ask(request, () => undefined);
    if (answer.type === "loaded") {
      setPhase({ kind: "mapping", loaded: { headers: answer.headers, separator: answer.separator, rows: answer.rows, example: answer.example }, mapping: answer.mapping });
    } else problem(answer.type === "error" ? answer.code : "read-failed", answer.type === "error" ? answer.size : undefined);
  }

  async function read(event: Event) {
    event.preventDefault();
    if (busy) return;
    const file = fileRef.current?.files?.[0];
    if (file) {
      if (file.size > MAX_BYTES) return problem("too-large", file.size);
      if (file.size === 0) return problem("empty");
      await load({ type: "load", file });
    } else if (text.trim() !== "") {
      await load({ type: "load", text });
    } else {
      setError(t("attainment.error.noInput"));
    }
  }

  async function trySample(which: Centre) {
    setCentre(which);
    await load({ type: "load", url: centres[which].sampleHref });
  }

  const labels = () => {
    const o = (k: ReportTextKey) => t(k);
    return {
      header: [
        o("attainment.col.line"), o("attainment.col.ref"), o("attainment.col.priority"), o("attainment.col.level"), o("attainment.field.received"),
        o("attainment.col.restored"), o("attainment.col.due"), o("attainment.col.outcome"), o("attainment.col.lateHours"),
      ],
      outcome: { met: o("attainment.outcome.met"), missed: o("attainment.outcome.missed"), open: o("attainment.outcome.open"), overdue: o("attainment.outcome.overdue") },
    };
  };

  async function run(event: Event) {
    event.preventDefault();
    if (phase.kind !== "mapping") return;
    const { loaded, mapping } = phase;
    const missing = missingFields(mapping);
    if (missing.length > 0) {
      setInvalidFields(missing);
      setError(t("attainment.error.missingFields", { fields: missing.map((f) => t(FIELD_KEYS[f])).join(", ") }));
      return;
    }
    const used = FIELDS.filter((f) => mapping[f] >= 0);
    const twice = used.filter((f) => used.some((g) => g !== f && mapping[g] === mapping[f]));
    if (twice.length > 0) {
      setInvalidFields(twice);
      setError(t("attainment.error.sameColumn", { fields: twice.map((f) => t(FIELD_KEYS[f])).join(", ") }));
      return;
    }
    setError(null);
    setInvalidFields([]);
    const total = formatNumber(loaded.rows, lang);
    setPhase({ kind: "busy", message: t("attainment.progress", { done: formatNumber(0, lang), total }) });
    const answer = await ask(
      { type: "run", mapping, profile: centres[centre].profile, asOf: (now ?? new Date()).getTime(), lang, labels: labels(), listMax: LIST_MAX },
      (p) => setPhase({ kind: "busy", message: t("attainment.progress", { done: formatNumber(p.done, lang), total }) }),
    );
    if (answer.type === "report") setPhase({ kind: "report", loaded, mapping, centre, data: answer.report });
    else problem(answer.type === "error" ? answer.code : "read-failed");
  }

  const when = (ms: number) => {
    const { date, time } = wallOf(ms);
    return `${date} ${formatTime(time, lang)}`;
  };
  const lateness = (ms: number) => {
    const minutes = Math.ceil(ms / 60_000);
    const hours = Math.floor(minutes / 60);
    return hours > 0
      ? t("attainment.durationHM", { hours: formatNumber(hours, lang), minutes: String(minutes % 60).padStart(2, "0") })
      : t("attainment.durationM", { minutes: formatNumber(minutes, lang) });
  };

  function download(report: Extract<Phase, { kind: "report" }>) {
    const url = URL.createObjectURL(new Blob([report.data.csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = t("attainment.fileName", { centre: report.centre });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const centreFieldset = (
    <fieldset class="ar-centre" disabled={busy}>
      <legend>{t("attainment.centreLegend")}</legend>
      {(Object.keys(centres) as Centre[]).map((c) => (
        <label key={c} class="ar-choice">
          <input type="radio" name="ar-centre" value={c} checked={centre === c} onChange={() => setCentre(c)} />
          {centres[c].name}
        </label>
      ))}
    </fieldset>
  );

  const errorBox = error !== null && (
    <p class="ar-error" role="alert" id="ar-error" tabIndex={-1} ref={focusHere}>{error}</p>
  );

  if (phase.kind === "mapping") {
    const { loaded, mapping } = phase;
    const setField = (field: Field, column: number) => setPhase({ ...phase, mapping: { ...mapping, [field]: column } });
    return (
      <div class="ar">
        <form class="ar-mapping" onSubmit={run} noValidate>
          <h2 tabIndex={-1} ref={focusHere}>{t("attainment.mappingHeading")}</h2>
          <p>{t.plural("attainment.rowsFound", loaded.rows, { count: formatNumber(loaded.rows, lang), separator: loaded.separator })}</p>
          {centreFieldset}
          {FIELDS.map((field) => {
            const id = `ar-map-${field}`;
            const required = REQUIRED_FIELDS.includes(field);
            return (
              <div class="ar-field" key={field}>
                <label for={id}>
                  {t(FIELD_KEYS[field])}
                  {!required && ` ${t("attainment.optional")}`}
                </label>
                <select
                  id={id}
                  value={String(mapping[field])}
                  aria-invalid={invalidFields.includes(field) ? "true" : undefined}
                  aria-describedby={invalidFields.includes(field) ? "ar-error" : undefined}
                  onChange={(e) => setField(field, Number((e.currentTarget as HTMLSelectElement).value))}
                >
                  <option value="-1">{t("attainment.notInFile")}</option>
                  {loaded.headers.map((header, i) => (
                    <option key={i} value={String(i)}>
                      {loaded.example[i]
                        ? t("attainment.columnExample", { number: i + 1, name: header || "—", example: loaded.example[i] as string })
                        : t("attainment.column", { number: i + 1, name: header || "—" })}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          {errorBox}
          <div class="ar-actions">
            <button type="submit" class="ar-button">{t("attainment.run")}</button>
            <button type="button" class="ar-button ar-secondary" onClick={() => { setError(null); setPhase({ kind: "input" }); }}>{t("attainment.back")}</button>
          </div>
        </form>
      </div>
    );
  }

  if (phase.kind === "report") {
    const { data } = phase;
    const info = centres[phase.centre];
    const priorities = Object.keys(data.byPriority).map(Number) as Priority[];
    const label = (p: Priority) => `P${p} – ${info.profile.levels[p - 1]?.severity[lang] ?? ""}`;
    return (
      <div class="ar">
        <section class="ar-report" aria-labelledby="ar-report-heading">
          <h2 id="ar-report-heading" tabIndex={-1} ref={focusHere}>{t("attainment.resultsHeading", { centre: info.name })}</h2>
          <p>{t("attainment.asOf", { date: formatDate(wallOf(data.asOf).date, lang, { weekday: true }), time: formatTime(wallOf(data.asOf).time, lang) })}</p>
          <p>{t("attainment.summary", { count: formatNumber(data.assessed, lang), errors: formatNumber(data.errorsTotal, lang) })}</p>
          <Chart lang={lang} label={t("attainment.chartLabel")} targetLabel={t("attainment.chartTarget")} shareLabel={t("attainment.chartShare")} byPriority={data.byPriority} />
          <div class="ar-scroll" tabIndex={0} role="region" aria-labelledby="ar-table-caption">
            <table class="ar-table ar-figures">
              <caption id="ar-table-caption">{t("attainment.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("attainment.col.priority")}</th>
                  <th scope="col">{t("attainment.col.target")}</th>
                  <th scope="col">{t("attainment.col.count")}</th>
                  <th scope="col">{t("attainment.col.met")}</th>
                  <th scope="col">{t("attainment.col.missed")}</th>
                  <th scope="col">{t("attainment.col.open")}</th>
                  <th scope="col">{t("attainment.col.share")}</th>
                  <th scope="col">{t("attainment.col.result")}</th>
                </tr>
              </thead>
              <tbody>
                {priorities.map((p) => {
                  const s = data.byPriority[p];
                  return (
                    <tr key={p} data-priority={p}>
                      <th scope="row">{label(p)}</th>
                      <td>{info.targets[p - 1]}</td>
                      <td class="ar-num">{formatNumber(s.count, lang)}</td>
                      <td class="ar-num">{formatNumber(s.met, lang)}</td>
                      <td class="ar-num">{formatNumber(s.missed, lang)}</td>
                      <td class="ar-num">{formatNumber(s.open, lang)}</td>
                      <td class="ar-num">{s.share === null ? "—" : formatPercent(percentOf(s.share), lang)}</td>
                      <td class={s.attained === null ? "" : s.attained ? "ar-ok" : "ar-ko"}>
                        {s.attained === null ? t("attainment.noDecided") : s.attained ? t("attainment.attained") : t("attainment.notAttained")}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div class="ar-actions ar-noprint">
            <button type="button" class="ar-button" onClick={() => download(phase)}>{t("attainment.download")}</button>
            <button type="button" class="ar-button ar-secondary" onClick={() => window.print()}>{t("attainment.print")}</button>
            <button type="button" class="ar-button ar-secondary" onClick={() => setPhase({ kind: "mapping", loaded: phase.loaded, mapping: phase.mapping })}>{t("attainment.mappingHeading")}</button>
            <button type="button" class="ar-button ar-secondary" onClick={() => setPhase({ kind: "input" })}>{t("attainment.back")}</button>
          </div>

          <h3>{t("attainment.missedHeading")}</h3>
          {data.missedTotal === 0 ? <p>{t("attainment.missedNone")}</p> : (
            <>
              {data.missedTotal > LIST_MAX && <p>{t("attainment.listCapped", { shown: formatNumber(LIST_MAX, lang), total: formatNumber(data.missedTotal, lang) })}</p>}
              <div class="ar-scroll" tabIndex={0} role="region" aria-labelledby="ar-missed-caption">
                <table class="ar-table ar-missed">
                  <caption id="ar-missed-caption">{t("attainment.missedCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("attainment.col.ref")}</th>
                      <th scope="col">{t("attainment.col.priority")}</th>
                      <th scope="col">{t("attainment.col.due")}</th>
                      <th scope="col">{t("attainment.col.restored")}</th>
                      <th scope="col">{t("attainment.col.late")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.missed.map((incident) => (
                      <tr key={incident.line}>
                        <th scope="row">{incident.ref}</th>
                        <td>{`P${incident.priority}`}</td>
                        <td>{when(incident.due)}</td>
                        <td>{incident.restored ? when(incident.restored) : t("attainment.stillOpen")}</td>
                        <td class="ar-num">{lateness(incident.late)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <h3>{t("attainment.errorsHeading")}</h3>
          {data.errorsTotal === 0 ? <p>{t("attainment.errorsNone")}</p> : (
            <>
              {data.errorsTotal > LIST_MAX && <p>{t("attainment.listCapped", { shown: formatNumber(LIST_MAX, lang), total: formatNumber(data.errorsTotal, lang) })}</p>}
              <div class="ar-scroll" tabIndex={0} role="region" aria-labelledby="ar-errors-caption">
                <table class="ar-table ar-errors">
                  <caption id="ar-errors-caption">{t("attainment.errorsCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("attainment.col.line")}</th>
                      <th scope="col">{t("attainment.col.ref")}</th>
                      <th scope="col">{t("attainment.col.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.errors.map((e) => (
                      <tr key={e.line}>
                        <th scope="row" class="ar-num">{formatNumber(e.line, lang)}</th>
                        <td>{e.ref || "—"}</td>
                        <td>{t(`attainment.reason.${e.reason}` as ReportTextKey)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      </div>
    );
  }

  // The starting state (also what the server renders): choose the centre, open or paste a file, or try an example.
  return (
    <div class="ar">
      <form class="ar-input" onSubmit={read} noValidate aria-busy={busy ? "true" : undefined}>
        {centreFieldset}
        <fieldset class="ar-source" disabled={busy}>
          <legend>{t("attainment.sourceLegend")}</legend>
          <p class="ar-privacy">{t("attainment.privacy")}</p>
          <div class="ar-field">
            <label for="ar-file">{t("attainment.fileLabel")}</label>
            <p class="ar-hint" id="ar-file-hint">{t("attainment.fileHint", { maxMb: formatNumber(mb(MAX_BYTES), lang), maxRows: formatNumber(MAX_ROWS, lang) })}</p>
            <input id="ar-file" type="file" accept=".csv,text/csv,text/plain" ref={fileRef} aria-describedby="ar-file-hint" onChange={() => setError(null)} />
          </div>
          <div class="ar-field">
            <label for="ar-paste">{t("attainment.pasteLabel")}</label>
            <p class="ar-hint" id="ar-paste-hint">{t("attainment.pasteHint")}</p>
            <textarea id="ar-paste" rows={6} spellcheck={false} aria-describedby="ar-paste-hint" value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
        </fieldset>
        {errorBox}
        <div class="ar-actions">
          <button type="submit" class="ar-button" aria-disabled={busy ? "true" : undefined}>{t("attainment.read")}</button>
        </div>
        <p class="ar-status" role="status">{phase.kind === "busy" ? phase.message : ""}</p>
      </form>
      <section class="ar-samples" aria-labelledby="ar-samples-heading">
        <h2 id="ar-samples-heading">{t("attainment.sampleHeading")}</h2>
        <p>{t("attainment.sampleNote")}</p>
        <ul>
          {(Object.keys(centres) as Centre[]).map((c) => (
            <li key={c}>
              <button type="button" class="ar-button ar-secondary" disabled={busy} onClick={() => trySample(c)}>{t("attainment.sampleTry", { centre: centres[c].name })}</button>
              {" "}
              <a href={centres[c].sampleHref} download>{t("attainment.sampleDownload", { centre: centres[c].name })}</a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
