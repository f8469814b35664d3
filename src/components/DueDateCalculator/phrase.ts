/**
 * The engine's results in words, in the page's language: instants, durations and each step of the working.
 * Pure functions over the strings the page passed; shared by the calculator island and its tests.
 */
import { formatDate, formatNumber, formatTime } from "../../i18n/format.ts";
import type { Lang } from "../../i18n/locales.ts";
import { quebecWallClock, type Step } from "../../lib/sla/index.ts";
import type { Translate } from "./strings.ts";

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * A time of day in Québec time, with seconds only when there are some.
 * @example formatClock(new Date("2026-12-01T14:00:40Z"), "fr") // "9 h 00 min 40 s"
 * @example formatClock(new Date("2026-12-01T14:30:00Z"), "en") // "9:30 a.m."
 */
export function formatClock(instant: Date, lang: Lang): string {
  const { time } = quebecWallClock(instant);
  const seconds = Math.floor((((instant.getTime() % 60_000) + 60_000) % 60_000) / 1000);
  if (seconds === 0) return formatTime(time, lang);
  const [h, m] = time.split(":");
  const ss = String(seconds).padStart(2, "0");
  if (lang === "fr") return `${Number(h)}\u00a0h\u00a0${m}\u00a0min\u00a0${ss}\u00a0s`;
  return formatTime(time, lang).replace(/^(\d+:\d\d)/, `$1:${ss}`);
}

/**
 * An instant in words, in Québec time; French with its article (« le mardi … ») unless `bare`.
 * @example formatWhen(new Date("2026-12-01T14:00:00Z"), "fr") // "le mardi 1er décembre 2026 à 9 h"
 * @example formatWhen(new Date("2026-12-01T14:00:00Z"), "fr", true) // "mardi 1er décembre 2026 à 9 h"
 * @example formatWhen(new Date("2026-12-01T14:00:00Z"), "en") // "Tuesday, December 1, 2026 at 9:00 a.m."
 */
export function formatWhen(instant: Date, lang: Lang, bare = false): string {
  const { date } = quebecWallClock(instant);
  const day = formatDate(date, lang, { weekday: true });
  return lang === "fr" ? `${bare ? "" : "le "}${day} à ${formatClock(instant, lang)}` : `${day} at ${formatClock(instant, lang)}`;
}

/** A calendar date with its weekday. @example formatDay("2026-12-02", "fr") // "mercredi 2 décembre 2026" */
export function formatDay(date: string, lang: Lang): string {
  return formatDate(date, lang, { weekday: true });
}

/**
 * A duration in hours, minutes and seconds (unit symbols, as in « 7 h 30 min »).
 * @example formatDuration(27_000_000, t, "fr") // "7 h 30 min"
 * @example formatDuration(26_784, t, "fr") // "26,784 s"
 */
export function formatDuration(ms: number, t: Translate, lang: Lang): string {
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds - hours * 3600) / 60);
  const seconds = Math.round((totalSeconds - hours * 3600 - minutes * 60) * 1000) / 1000;
  const parts: string[] = [];
  if (hours > 0) parts.push(t("sla.durationHours", { count: formatNumber(hours, lang) }));
  if (minutes > 0) parts.push(t("sla.durationMinutes", { count: formatNumber(minutes, lang) }));
  if (seconds > 0 || parts.length === 0) parts.push(t("sla.durationSeconds", { count: formatNumber(seconds, lang) }));
  return parts.join("\u00a0");
}

/** How the first step reads when the count follows another event than a request (docs/interpretations.md §8). */
export type StartEvent = { kind: "billing-date" | "quarter-end"; date: string } | undefined;

type PauseStep = Extract<Step, { kind: "pause" }>;

/** Where a step ends, to place a pause before the first step it affects. */
function stepEnd(step: Step): number | string | undefined {
  switch (step.kind) {
    case "count-window":
    case "count-elapsed":
      return step.to.getTime();
    case "count-day":
      return step.date;
    case "due":
      return step.at.getTime();
    default:
      return undefined;
  }
}

/**
 * The steps in the order things happened: each pause just before the first counted stretch it cuts into (or
 * the deadline), so the day it shortened follows the pause that explains it.
 */
export function inTimeOrder(steps: readonly Step[]): Step[] {
  const pending = steps.filter((s): s is PauseStep => s.kind === "pause");
  const out: Step[] = [];
  for (const step of steps) {
    if (step.kind === "pause") continue;
    const end = stepEnd(step);
    if (end !== undefined) {
      const affects = (p: PauseStep) =>
        typeof end === "string" ? quebecWallClock(p.from).date <= end : p.from.getTime() < end;
      out.push(...pending.filter(affects));
      for (let i = pending.length - 1; i >= 0; i--) if (affects(pending[i] as PauseStep)) pending.splice(i, 1);
    }
    if (step.kind === "due") out.push(...pending.splice(0));
    out.push(step);
  }
  return [...out, ...pending];
}

/**
 * Each step of the working as a sentence, in time order (`inTimeOrder`); runs of consecutive counted days
 * become one sentence; a day's counted hours name the pauses that cut into them.
 * @example stepSentences([{ kind: "skip-holiday", date: "2026-12-25", id: "christmas-day", name: { fr: "Noël", en: "Christmas Day" } }], t, "fr")
 * // ["Vendredi 25 décembre 2026 : Noël, jour férié, non compté."]
 */
export function stepSentences(given: readonly Step[], t: Translate, lang: Lang, event?: StartEvent): string[] {
  const steps = inTimeOrder(given);
  const pauses = steps.filter((s): s is PauseStep => s.kind === "pause");
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    switch (step.kind) {
      case "received":
        if (event) out.push(t(event.kind === "billing-date" ? "sla.step.billingDate" : "sla.step.quarterEnd", { day: formatDay(event.date, lang) }));
        else if (step.day === "holiday" && step.holiday) out.push(t("sla.step.receivedHoliday", { when: formatWhen(step.at, lang), holiday: step.holiday.name[lang] }));
        else if (step.day === "weekend") out.push(t("sla.step.receivedWeekend", { when: formatWhen(step.at, lang) }));
        else out.push(t("sla.step.received", { when: formatWhen(step.at, lang) }));
        break;
      case "skip-weekend":
        out.push(
          step.from === step.to
            ? t("sla.step.skipWeekendDay", { day: formatDay(step.from, lang) })
            : t("sla.step.skipWeekend", { from: formatDay(step.from, lang), to: formatDay(step.to, lang) }),
        );
        break;
      case "skip-holiday":
        out.push(t("sla.step.skipHoliday", { day: formatDay(step.date, lang), holiday: step.name[lang] }));
        break;
      case "start": {
        const when = formatWhen(step.at, lang);
        const key = {
          "at-receipt": "sla.step.startAtReceipt",
          "next-window": "sla.step.startNextWindow",
          "next-business-day": "sla.step.startNextBusinessDay",
          "next-day": "sla.step.startNextDay",
        } as const;
        out.push(t(key[step.reason], { when }));
        break;
      }
      case "count-day": {
        let j = i;
        while (j + 1 < steps.length) {
          const next = steps[j + 1] as Step;
          if (next.kind !== "count-day" || next.index !== (steps[j] as { index: number }).index + 1) break;
          j++;
        }
        if (j === i) {
          out.push(t("sla.step.countDay", { day: formatDay(step.date, lang), index: step.index, total: step.total }));
        } else {
          const last = steps[j] as Extract<Step, { kind: "count-day" }>;
          out.push(t("sla.step.countDays", {
            from: formatDay(step.date, lang), to: formatDay(last.date, lang), first: step.index, last: last.index, total: step.total,
          }));
          i = j;
        }
        break;
      }
      case "count-window": {
        const vars = {
          day: formatDay(step.date, lang),
          counted: formatDuration(step.countedMs, t, lang),
          from: formatClock(step.from, lang),
          to: formatClock(step.to, lang),
          total: formatDuration(step.totalMs, t, lang),
        };
        const cutting = pauses.filter((p) => p.from < step.to && p.to > step.from);
        out.push(cutting.length === 0 ? t("sla.step.countWindow", vars) : t("sla.step.countWindowPaused", {
          ...vars,
          pauses: cutting.map((p) => t("sla.step.pausePart", {
            from: formatClock(p.from < step.from ? step.from : p.from, lang),
            to: formatClock(p.to > step.to ? step.to : p.to, lang),
          })).join(t("sla.step.pausePartJoin")),
        }));
        break;
      }
      case "count-elapsed":
        out.push(t("sla.step.countElapsed", {
          from: formatWhen(step.from, lang, true),
          to: formatWhen(step.to, lang, true),
          counted: formatDuration(step.countedMs, t, lang),
          total: formatDuration(step.totalMs, t, lang),
        }));
        break;
      case "pause": {
        const range = { from: formatWhen(step.from, lang, true), to: formatWhen(step.to, lang, true) };
        let text = step.excludedMs > 0
          ? t("sla.step.pause", { ...range, excluded: formatDuration(step.excludedMs, t, lang) })
          : t("sla.step.pauseNoEffect", range);
        if (step.merged > 1) text += ` ${t("sla.step.pauseMerged", { count: step.merged })}`;
        out.push(text);
        break;
      }
      case "clock-change":
        out.push(t("sla.step.clockChange", { when: formatWhen(step.at, lang) }));
        break;
      case "due":
        out.push(t("sla.step.due", { when: formatWhen(step.at, lang) }));
        break;
    }
  }
  return out.map(capitalise);
}

/**
 * The deadline sentence; for day counts, also the last counted day (the deadline is the end of that day).
 * @example dueSentence(new Date("2026-12-03T05:00:00Z"), "2026-12-02", t, "fr")
 * // "Échéance : le jeudi 3 décembre 2026 à 0 h, soit à la fin de la journée du mercredi 2 décembre 2026."
 */
export function dueSentence(due: Date, lastCountedDate: string | undefined, t: Translate, lang: Lang): string {
  return lastCountedDate
    ? t("sla.dueEndOfDay", { when: formatWhen(due, lang), day: formatDay(lastCountedDate, lang) })
    : t("sla.due", { when: formatWhen(due, lang) });
}
