/**
 * The working of a deadline, step by step, as data: the island phrases each step in the page's language.
 */
import type { HolidayId } from "./holiday-names.ts";

export type LocalizedName = { fr: string; en: string };

/** Why counting starts when it does. */
export type StartReason =
  /** Around the clock, or received inside a window: counting starts at receipt. */
  | "at-receipt"
  /** Business-hours rule, received outside the window or on a day off: the next window's opening. */
  | "next-window"
  /** Business-day rule: 00:00 of the business day after receipt (docs/interpretations.md §2). */
  | "next-business-day"
  /** Calendar-day rule: 00:00 of the day after receipt (§3). */
  | "next-day";

export type Step =
  /** The request: when it was received and what kind of day that was in Québec. */
  | { kind: "received"; at: Date; date: string; day: "business" | "weekend" | "holiday"; holiday?: { id: HolidayId; name: LocalizedName } }
  /** A Saturday and/or Sunday that is not counted: `from`–`to` inclusive dates. */
  | { kind: "skip-weekend"; from: string; to: string }
  /** A public-service holiday that is not counted. */
  | { kind: "skip-holiday"; date: string; id: HolidayId; name: LocalizedName }
  | { kind: "start"; at: Date; reason: StartReason }
  /** Day `index` of `total` counted (business days or calendar days). */
  | { kind: "count-day"; date: string; index: number; total: number }
  /** Business hours counted on one day: `countedMs` inside the window between `from` and `to`; `totalMs` so far. */
  | { kind: "count-window"; date: string; from: Date; to: Date; countedMs: number; totalMs: number; windowEnd: Date }
  /** Around-the-clock time counted between `from` and `to`; `totalMs` so far. */
  | { kind: "count-elapsed"; from: Date; to: Date; countedMs: number; totalMs: number }
  /** A pause (overlapping ones merged, `merged` of them): `excludedMs` of counting time it removed (0: outside counting time). */
  | { kind: "pause"; from: Date; to: Date; excludedMs: number; merged: number }
  /** The clock changed (daylight saving time) during an around-the-clock count: elapsed time is unaffected. */
  | { kind: "clock-change"; at: Date; offsetBeforeMinutes: number; offsetAfterMinutes: number }
  /** The deadline; `lastCountedDate` for day counts (the deadline is the end of that day). */
  | { kind: "due"; at: Date; lastCountedDate?: string };

export type StepKind = Step["kind"];
