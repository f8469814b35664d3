/**
 * The due-date calculator island: choose a service level, give the reception date and time (or the billing date /
 * quarter end the level follows), add pauses where the level accepts them, and read the deadline in words, the
 * attainment target, the working step by step and the interpretation note. The whole state lives in the address.
 *
 * Works from plain, precomputed data (no zod, no catalogue module, no src/i18n/index.ts): the levels grouped by
 * service with their plan (src/lib/sla/levels.ts), and the "sla." strings of the page's language — given as
 * props (tests), or on the site read from the page itself (./page-data.ts), so the props stay a few bytes.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import { formatDate, formatPercent, formatTimeRange } from "../../i18n/format.ts";
import type { Lang } from "../../i18n/locales.ts";
import type { CalculatorLevel, LevelInput, LevelPlan, LevelResult } from "../../lib/sla/levels.ts";
import type { Pause } from "../../lib/sla/pauses.ts";
import { isSlaInputError } from "../../lib/sla/errors.ts";
import { quebecInstant, quebecWallClock } from "../../lib/sla/quebec-time.ts";
import { daysInMonth } from "../../lib/sla/civil.ts";
import type { StartEvent } from "./phrase.ts";
import type { SlaStrings, SlaTextKey, Translate } from "./strings.ts";
import { createTranslator } from "../../i18n/translator.ts";
import { MAX_PAUSES, readState, writeState, type CalculatorState, type PauseFields } from "./url-state.ts";
import { keepQueryInLanguageLink } from "../../i18n/language-link.ts";
import { calculatorData } from "./page-data.ts";
import { filled } from "../filled-from-address.ts";

/** A level as the select lists it. */
export interface LevelOption extends CalculatorLevel {
  /** The level's description in the page's language. */
  description: string;
  /** The target in words with its attainment (« 10 heures dans 80 % des cas »). */
  target: string;
}

export interface LevelGroup {
  /** The service's name in the page's language (the optgroup label). */
  service: string;
  levels: LevelOption[];
}

export interface Props {
  lang: Lang;
  /** The strings and the levels; when absent (on the site), read from the page (./page-data.ts). */
  strings?: SlaStrings;
  groups?: LevelGroup[];
  /** Link to the holiday calendar page, in the interpretation note. */
  holidaysHref: string;
  /** Prefix of element ids (several calculators on one page stay distinct). */
  idPrefix?: string;
  /** "Now" for the default reception time; the current time when absent (tests pin it). */
  now?: Date;
  /** Heading level of the form and result headings. */
  headingLevel?: 2 | 3;
}

type Uses = "request" | "billing-date" | "quarter-end" | "none";
type Row = PauseFields & { key: number };
type State = Omit<CalculatorState, "pauses"> & { pauses: Row[] };
type FieldErrors = Partial<Record<string, SlaTextKey>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function usesOf(plan: LevelPlan | undefined): Uses {
  if (!plan) return "none";
  if (plan.kind === "deadline") return plan.countedFrom;
  return plan.kind === "range" ? "request" : "none";
}

function dateError(value: string): SlaTextKey | undefined {
  try {
    quebecInstant(value, "00:00");
    return undefined;
  } catch (error) {
    return isSlaInputError(error) && error.code === "out-of-range" ? "sla.error.outOfRange" : "sla.error.date";
  }
}
const timeError = (value: string): SlaTextKey | undefined => (TIME.test(value) ? undefined : "sla.error.time");

/** The quarter ends from the year before `today` to the year after, newest last. */
function quarterEnds(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const out: string[] = [];
  // The last day of each quarter (as quarterEnd in src/lib/sla/levels.ts, which loads with the engine).
  for (let y = year - 1; y <= year + 1; y++) for (let m = 3; m <= 12; m += 3) out.push(`${y}-${String(m).padStart(2, "0")}-${daysInMonth(y, m)}`);
  return out;
}

type Engine = typeof import("./engine.ts");
let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;
/** Loads the engine once (the island asks when a level is chosen; tests may ask first). */
export function loadEngine(): Promise<Engine> {
  loading ??= import("./engine.ts").then((module) => (engine = module));
  return loading;
}

/** Checks the fields the level uses and computes its result (once the engine is there); errors are keyed by field id suffix. */
function compute(level: LevelOption | undefined, state: State): { result?: LevelResult; errors: FieldErrors; event?: StartEvent } {
  const errors: FieldErrors = {};
  if (!level) return { errors };
  const uses = usesOf(level.plan);
  let input: LevelInput = { from: "request", receivedAt: new Date(0) };
  let event: StartEvent;
  if (uses === "request") {
    const d = dateError(state.date);
    const t = timeError(state.time);
    if (d) errors.date = d;
    if (t) errors.time = t;
    const pauses: Pause[] = [];
    if (level.plan.kind === "deadline" && level.plan.pausable) {
      state.pauses.forEach((row, i) => {
        const fd = dateError(row.fromDate);
        const ft = timeError(row.fromTime);
        const td = dateError(row.toDate);
        const tt = timeError(row.toTime);
        if (fd) errors[`pause-${i}-from-date`] = fd;
        if (ft) errors[`pause-${i}-from-time`] = ft;
        if (td) errors[`pause-${i}-to-date`] = td;
        if (tt) errors[`pause-${i}-to-time`] = tt;
        if (fd || ft || td || tt) return;
        const from = quebecInstant(row.fromDate, row.fromTime);
        const to = quebecInstant(row.toDate, row.toTime);
        if (to < from) errors[`pause-${i}-to-date`] = "sla.error.pauseOrder";
        else pauses.push({ from, to });
      });
    }
    if (Object.keys(errors).length > 0) return { errors };
    input = { from: "request", receivedAt: quebecInstant(state.date, state.time), pauses };
  } else if (uses === "billing-date") {
    const d = dateError(state.billing);
    if (d) return { errors: { billing: d } };
    input = { from: "billing-date", date: state.billing };
    event = { kind: "billing-date", date: state.billing };
  } else if (uses === "quarter-end") {
    const d = dateError(state.quarter);
    if (d) return { errors: { quarter: d } };
    const [year, month] = state.quarter.split("-").map(Number) as [number, number];
    input = { from: "quarter-end", year, quarter: Math.ceil(month / 3) };
    event = { kind: "quarter-end", date: state.quarter };
  }
  if (!engine) return { errors, event };
  try {
    return { result: engine.evaluateLevel(level, input), errors, event };
  } catch (error) {
    if (isSlaInputError(error)) {
      const field = uses === "billing-date" ? "billing" : uses === "quarter-end" ? "quarter" : "date";
      return { errors: { [field]: error.code === "out-of-range" ? "sla.error.outOfRange" : "sla.error.date" } };
    }
    throw error;
  }
}

/** The interpretation notes that apply to a level (docs/interpretations.md §2–10). */
function notesFor(level: LevelOption, t: Translate, lang: Lang): string[] {
  const notes = [t("sla.note.intro")];
  const plan = level.plan;
  if (plan.kind === "deadline") {
    const rule = plan.rule;
    if (plan.countedFrom === "billing-date") notes.push(t("sla.note.billingDate"));
    if (plan.countedFrom === "quarter-end") notes.push(t("sla.note.quarterEnd"));
    if (rule.unit === "business-days") notes.push(t("sla.note.businessDays"), t("sla.note.holidays"));
    else if (rule.unit === "calendar-days") notes.push(t("sla.note.calendarDays"));
    else if (rule.unit === "business-hours") {
      notes.push(t("sla.note.businessHours", { window: formatTimeRange(rule.window.start, rule.window.end, lang) }), t("sla.note.holidays"));
    } else notes.push(t("sla.note.elapsed"));
    if (plan.pausable) notes.push(t("sla.note.pauses"));
  } else if (plan.kind === "range") {
    notes.push(t("sla.note.range"), t("sla.note.businessDays"), t("sla.note.holidays"));
  } else if (plan.kind === "availability") {
    notes.push(t("sla.note.availability"));
  }
  if (level.attainment !== undefined) notes.push(t("sla.note.attainment"));
  return notes;
}

/** What the server renders: no level chosen, so no date is needed (the server does not know the reader's "now"). */
const STARTING_STATE: State = { level: "", date: "", time: "", pauses: [], billing: "", quarter: "" };

let nextKey = 1;
const withKeys = (pauses: PauseFields[]): Row[] => pauses.map((p) => ({ ...p, key: nextKey++ }));

export default function DueDateCalculatorIsland({ lang, holidaysHref, idPrefix = "ddc", now, headingLevel = 2, ...given }: Props) {
  const { strings, groups } = useMemo(
    () => (given.strings && given.groups ? { strings: given.strings, groups: given.groups } : calculatorData(idPrefix, lang)),
    [given.strings, given.groups, idPrefix, lang],
  );
  const t = useMemo(() => createTranslator(strings, lang), [strings, lang]);
  const levels = useMemo(() => new Map(groups.flatMap((g) => g.levels.map((l) => [l.id, l] as const))), [groups]);
  const [state, setState] = useState<State>(STARTING_STATE);
  const [awake, setAwake] = useState(false);
  const [unknownLevel, setUnknownLevel] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusPause = useRef<number | undefined>(undefined);
  const id = (suffix: string) => `${idPrefix}-${suffix}`;
  const H = `h${headingLevel}` as "h2" | "h3";
  const H2 = `h${headingLevel + 1}` as "h3" | "h4";

  // The server renders the form in its starting state (no level chosen), so the page shows it at first paint;
  // once the island runs it reads the address (a shared calculation fills in place) and keeps a level the
  // reader chose before it woke up (taken from the page, never reset).
  useEffect(() => {
    const fromUrl = readState(window.location.search);
    const wall = quebecWallClock(now ?? new Date());
    const ends = quarterEnds(wall.date);
    const chosen = (document.getElementById(id("level")) as HTMLSelectElement | null)?.value ?? "";
    const wanted = chosen || fromUrl.level;
    const known = wanted === "" || levels.has(wanted);
    setUnknownLevel(!known);
    setState({
      level: known ? wanted : "",
      date: fromUrl.date || wall.date,
      time: fromUrl.time || wall.time,
      pauses: withKeys(fromUrl.pauses),
      billing: fromUrl.billing || wall.date,
      quarter: fromUrl.quarter || ([...ends].reverse().find((d) => d <= wall.date) ?? (ends[0] as string)),
    });
    setAwake(true);
  }, []);

  const level = levels.get(state.level);
  // The engine comes with the first level chosen (from the reader or the address).
  const [engineLoaded, setEngineLoaded] = useState(engine !== undefined);
  useEffect(() => {
    if (level && !engine) void loadEngine().then(() => setEngineLoaded(true));
  }, [level]);
  // A shared calculation is in the page (with its result once the engine is there): show it (../filled-from-address.ts).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (awake && (!level || engineLoaded)) filled(root.current);
  }, [awake, level, engineLoaded]);
  const uses = usesOf(level?.plan);
  const pausable = level?.plan.kind === "deadline" && level.plan.pausable;

  useEffect(() => {
    if (!awake) return;
    const query = writeState(state, uses, pausable);
    const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, "", url);
    keepQueryInLanguageLink();
  }, [state, awake]);

  useEffect(() => {
    if (focusPause.current !== undefined) {
      document.getElementById(id(`pause-${focusPause.current}-from-date`))?.focus();
      focusPause.current = undefined;
    }
  });

  const { result, errors, event } = compute(level, state);
  // Functional updates: two events in one tick (autofill, tests) must not overwrite each other.
  const update = (patch: Partial<State>) => setState((previous) => ({ ...previous, ...patch }));
  const updatePause = (index: number, patch: Partial<PauseFields>) =>
    setState((previous) => ({ ...previous, pauses: previous.pauses.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const addPause = () => {
    focusPause.current = state.pauses.length;
    update({ pauses: [...state.pauses, { fromDate: state.date, fromTime: state.time, toDate: state.date, toTime: state.time, key: nextKey++ }] });
  };
  const removePause = (index: number) => {
    update({ pauses: state.pauses.filter((_, i) => i !== index) });
    addButton.current?.focus();
  };

  /** A labelled input with its error tied by aria-describedby and aria-invalid. */
  const field = (suffix: string, label: string, type: "date" | "time", value: string, onInput: (v: string) => void, hint?: string) => {
    const error = errors[suffix];
    const describedBy = [hint ? id(`${suffix}-hint`) : "", error ? id(`${suffix}-error`) : ""].filter(Boolean).join(" ");
    return (
      <div class="ddc-field">
        <label for={id(suffix)}>{label}</label>
        {hint && <p class="ddc-hint" id={id(`${suffix}-hint`)}>{hint}</p>}
        <input
          id={id(suffix)}
          type={type}
          value={value}
          required
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy || undefined}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        {error && <p class="ddc-error" id={id(`${suffix}-error`)}>{t(error)}</p>}
      </div>
    );
  };

  const summary: JSX.Element[] = [];
  let sentences: string[] = [];
  if (!level) {
    summary.push(<p>{t("sla.chooseLevel")}</p>);
  } else if (!result && !engine) {
    // A moment while the engine loads: nothing to say yet.
  } else if (!result) {
    summary.push(<p>{t("sla.fixErrors")}</p>);
  } else if (engine) {
    const { dueSentence, formatWhen, stepSentences } = engine;
    switch (result.kind) {
      case "deadline": {
        const last = result.steps[result.steps.length - 1];
        summary.push(<p class="ddc-due">{dueSentence(result.due, last?.kind === "due" ? last.lastCountedDate : undefined, t, lang)}</p>);
        if (result.orLess) summary.push(<p>{t("sla.orLess", { target: level.target })}</p>);
        sentences = stepSentences(result.steps, t, lang, event);
        break;
      }
      case "range": {
        const plan = level.plan as Extract<LevelPlan, { kind: "range" }>;
        summary.push(
          <p class="ddc-due">{t("sla.rangeEarliest", { target: t.plural("sla.businessDays", plan.earliest.amount), when: formatWhen(result.earliest.due, lang) })}</p>,
          <p class="ddc-due">{t("sla.rangeLatest", { target: t.plural("sla.businessDays", plan.latest.amount), when: formatWhen(result.latest.due, lang) })}</p>,
        );
        sentences = stepSentences(result.latest.steps, t, lang);
        break;
      }
      case "by-agreement":
        summary.push(<p class="ddc-due">{t("sla.byAgreement")}</p>);
        break;
      case "share":
        summary.push(<p class="ddc-due">{t("sla.share", { percent: formatPercent(result.percent, lang) })}</p>);
        break;
      case "availability":
        summary.push(<p>{t("sla.availabilityIntro", { percent: formatPercent(result.percent, lang, Number.isInteger(result.percent) ? 0 : 2) })}</p>);
        break;
    }
    if (result.kind !== "share" && result.kind !== "availability" && result.attainment !== undefined) {
      summary.push(<p>{t("sla.attainment", { percent: formatPercent(result.attainment, lang) })}</p>);
    }
  }

  const selectError = unknownLevel && !level ? "sla.error.unknownLevel" : undefined;
  const ends = state.quarter ? quarterEnds(quebecWallClock(now ?? new Date()).date) : [];
  if (state.quarter && !ends.includes(state.quarter) && !dateError(state.quarter)) ends.push(state.quarter);
  ends.sort();

  return (
    <div class="ddc" ref={root}>
      <form
        class="ddc-form"
        noValidate
        // The result updates as the reader types; submitting takes keyboard and screen-reader users to it.
        onSubmit={(e) => {
          e.preventDefault();
          document.getElementById(id("result-heading"))?.focus();
        }}
        aria-labelledby={id("form-heading")}
      >
        <H id={id("form-heading")}>{t("sla.formHeading")}</H>
        <div class="ddc-field">
          <label for={id("level")}>{t("sla.levelLabel")}</label>
          <p class="ddc-hint" id={id("level-hint")}>{t("sla.levelHint")}</p>
          <select
            id={id("level")}
            value={state.level}
            aria-describedby={[id("level-hint"), selectError ? id("level-error") : ""].filter(Boolean).join(" ")}
            aria-invalid={selectError ? "true" : undefined}
            onChange={(e) => {
              setUnknownLevel(false);
              update({ level: (e.currentTarget as HTMLSelectElement).value });
            }}
          >
            <option value="">{t("sla.levelPlaceholder")}</option>
            {groups.map((group) => (
              <optgroup label={group.service} key={group.service}>
                {group.levels.map((l) => (
                  <option value={l.id} key={l.id}>{t("sla.levelOption", { description: l.description, target: l.target })}</option>
                ))}
              </optgroup>
            ))}
          </select>
          {selectError && <p class="ddc-error" id={id("level-error")}>{t(selectError)}</p>}
        </div>

        {uses === "request" && (
          <fieldset>
            <legend>{t("sla.receivedLegend")}</legend>
            <div class="ddc-row">
              {field("date", t("sla.dateLabel"), "date", state.date, (v) => update({ date: v }))}
              {field("time", t("sla.timeLabel"), "time", state.time, (v) => update({ time: v }))}
            </div>
          </fieldset>
        )}

        {uses === "billing-date" && field("billing", t("sla.billingDateLabel"), "date", state.billing, (v) => update({ billing: v }), t("sla.billingDateHint"))}

        {uses === "quarter-end" && (
          <div class="ddc-field">
            <label for={id("quarter")}>{t("sla.quarterLabel")}</label>
            <p class="ddc-hint" id={id("quarter-hint")}>{t("sla.quarterHint")}</p>
            <select
              id={id("quarter")}
              value={state.quarter}
              aria-describedby={[id("quarter-hint"), errors.quarter ? id("quarter-error") : ""].filter(Boolean).join(" ")}
              aria-invalid={errors.quarter ? "true" : undefined}
              onChange={(e) => update({ quarter: (e.currentTarget as HTMLSelectElement).value })}
            >
              {ends.map((d) => (
                <option value={d} key={d}>{dateError(d) ? d : formatDate(d, lang)}</option>
              ))}
            </select>
            {errors.quarter && <p class="ddc-error" id={id("quarter-error")}>{t(errors.quarter)}</p>}
          </div>
        )}

        {pausable && (
          <fieldset class="ddc-pauses">
            <legend>{t("sla.pausesLegend")}</legend>
            <p class="ddc-hint">{t("sla.pausesHint")}</p>
            <ol class="ddc-pause-list">
              {state.pauses.map((row, i) => (
                <li key={row.key}>
                  <fieldset>
                    <legend>{t("sla.pauseLegend", { number: i + 1 })}</legend>
                    <div class="ddc-row">
                      {field(`pause-${i}-from-date`, t("sla.pauseFromDate"), "date", row.fromDate, (v) => updatePause(i, { fromDate: v }))}
                      {field(`pause-${i}-from-time`, t("sla.pauseFromTime"), "time", row.fromTime, (v) => updatePause(i, { fromTime: v }))}
                    </div>
                    <div class="ddc-row">
                      {field(`pause-${i}-to-date`, t("sla.pauseToDate"), "date", row.toDate, (v) => updatePause(i, { toDate: v }))}
                      {field(`pause-${i}-to-time`, t("sla.pauseToTime"), "time", row.toTime, (v) => updatePause(i, { toTime: v }))}
                    </div>
                    <button type="button" class="ddc-button ddc-remove" onClick={() => removePause(i)}>
                      {t("sla.removePause", { number: i + 1 })}
                    </button>
                  </fieldset>
                </li>
              ))}
            </ol>
            {state.pauses.length < MAX_PAUSES && (
              <button type="button" class="ddc-button" ref={addButton} onClick={addPause}>{t("sla.addPause")}</button>
            )}
          </fieldset>
        )}
        <button type="submit" class="ddc-button ddc-submit">{t("sla.submit")}</button>
      </form>

      <section class="ddc-result" aria-labelledby={id("result-heading")}>
        <H id={id("result-heading")} tabIndex={-1}>{t("sla.resultHeading")}</H>
        <div class="ddc-summary" aria-live="polite" aria-atomic="true">{summary}</div>
        {result?.kind === "availability" && (
          <table class="ddc-downtime">
            <caption>{t("sla.availabilityCaption")}</caption>
            <thead>
              <tr><th scope="col">{t("sla.monthHeader")}</th><th scope="col">{t("sla.downtimeHeader")}</th></tr>
            </thead>
            <tbody>
              {result.downtime.map((d) => (
                <tr key={d.monthDays}><th scope="row">{t("sla.monthDays", { days: d.monthDays })}</th><td>{engine?.formatDuration(d.ms, t, lang)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {sentences.length > 0 && (
          <>
            <H2>{t("sla.stepsHeading")}</H2>
            <ol class="ddc-steps">{sentences.map((s, i) => <li key={i}>{s}</li>)}</ol>
          </>
        )}
        {level && result && (
          <aside class="ddc-note" aria-labelledby={id("note-heading")}>
            <H2 id={id("note-heading")}>{t("sla.noteHeading")}</H2>
            {notesFor(level, t, lang).map((n) => <p key={n}>{n}</p>)}
            <p><a href={holidaysHref}>{t("sla.holidaysLink")}</a></p>
          </aside>
        )}
      </section>
    </div>
  );
}
