/**
 * Service-level attainment of a set of help-desk incidents, against a centre's published restore levels:
 * for each incident its level, its deadline (the SLA engine's fast path, pauses included) and whether service
 * was restored by then; per priority the count, met, missed, open, the share met and whether the target share is
 * reached. Pure functions over plain data: no DOM, no catalogue, no zod — the report island imports this file as
 * it is, and `index.ts` feeds it the catalogue.
 *
 * Reading of the published levels (docs/interpretations.md §5, §4 and §6): P1 and P2 are counted around the clock,
 * P3–P5 in business hours inside their window on business days; time « en attente d'un utilisateur » (pauses) is
 * not counted; a restoration at the deadline itself is on time.
 */
import { isSlaInputError } from "../sla/errors.ts";
import { dueInstant } from "../sla/fast-path.ts";
import type { SlaRule } from "../sla/rules.ts";

export type Centre = "cau" | "csc";
export type Priority = 1 | 2 | 3 | 4 | 5;
export const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];

/** An incident as the client's ticketing tool knows it. */
export interface Incident {
  ref: string;
  priority: Priority;
  received: Date;
  /** When service was restored; absent while the incident is still open. */
  restored?: Date;
  /** Times spent waiting on the user (« en attente d'un utilisateur »): not counted. */
  pauses?: readonly { from: Date; to: Date }[];
}

/** The restore level of one priority at a centre, from the catalogue. */
export interface PriorityLevel {
  priority: Priority;
  levelId: string;
  rule: SlaRule;
  pausable: boolean;
  /** The share of incidents the level promises, in percent (« dans 85 % des cas »). */
  target: number;
  /** The centre's name for the priority (« Critique », « Majeur »…). */
  severity: { fr: string; en: string };
}

/** A centre's five restore levels. */
export interface CentreProfile {
  centre: Centre;
  levels: PriorityLevel[];
}

/** The outcome of one incident: met, missed (restored late), open (not due yet) or overdue (open past its deadline). */
export type Outcome = "met" | "missed" | "open" | "overdue";

export interface AssessedIncident {
  ref: string;
  priority: Priority;
  levelId: string;
  received: Date;
  due: Date;
  restored?: Date;
  /** null while the incident is open. */
  met: boolean | null;
  /** ms past the deadline: at restoration, or at the report's time for an overdue open incident. */
  late?: number;
  outcome: Outcome;
}

/** Why an incident cannot be assessed. */
export type InvalidReason =
  | "missing-ref"
  | "unknown-priority"
  | "invalid-received"
  | "invalid-restored"
  | "received-after-report"
  | "restored-before-received"
  | "invalid-pause"
  | "pause-reversed"
  | "pause-outside"
  | "pauses-not-supported"
  | "out-of-range";

export interface InvalidIncident {
  /** Position in the list given. */
  index: number;
  ref: string;
  reason: InvalidReason;
}

export interface PrioritySummary {
  count: number;
  met: number;
  /** Restored late, plus open incidents already past their deadline. */
  missed: number;
  /** Open and not yet due. */
  open: number;
  /** met / (met + missed), from 0 to 1; null when no incident of the priority is decided yet. */
  share: number | null;
  /** The target share in percent. */
  target: number;
  levelId: string;
  /** share ≥ target; null when share is null (nothing to measure). */
  attained: boolean | null;
}

export interface AttainmentReport {
  incidents: AssessedIncident[];
  invalid: InvalidIncident[];
  byPriority: Record<Priority, PrioritySummary>;
  asOf: Date;
}

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The level of a priority, if the centre has one (and the value is a priority at all). */
export function levelOf(profile: CentreProfile, priority: unknown): PriorityLevel | undefined {
  return profile.levels.find((level) => level.priority === priority);
}

/**
 * One incident: its assessment, or why it cannot be assessed.
 * @example assessOne({ ref: "A", priority: 1, received: new Date("2026-12-01T14:00:00Z"), restored: new Date("2026-12-01T16:00:00Z") }, cau, 0, new Date())
 * // { ref: "A", levelId: "cau-restore-p1", due: 2026-12-01T17:00:00.000Z, met: true, outcome: "met", … }
 */
export function assessOne(incident: Incident, profile: CentreProfile, index: number, asOf: Date): AssessedIncident | InvalidIncident {
  const ref = typeof incident.ref === "string" ? incident.ref.trim() : "";
  const invalid = (reason: InvalidReason): InvalidIncident => ({ index, ref, reason });
  if (ref === "") return invalid("missing-ref");
  const level = levelOf(profile, incident.priority);
  if (!level) return invalid("unknown-priority");
  if (!isDate(incident.received)) return invalid("invalid-received");
  if (incident.restored !== undefined && !isDate(incident.restored)) return invalid("invalid-restored");
  const received = incident.received.getTime();
  if (received > asOf.getTime()) return invalid("received-after-report");
  const restored = incident.restored?.getTime();
  if (restored !== undefined && restored < received) return invalid("restored-before-received");
  const pauses = incident.pauses ?? [];
  if (pauses.length > 0 && !level.pausable) return invalid("pauses-not-supported");
  const end = restored ?? asOf.getTime();
  for (const pause of pauses) {
    if (!pause || !isDate(pause.from) || !isDate(pause.to)) return invalid("invalid-pause");
    if (pause.to.getTime() < pause.from.getTime()) return invalid("pause-reversed");
    if (pause.from.getTime() < received || pause.to.getTime() > end) return invalid("pause-outside");
  }
  let due: Date;
  try {
    due = dueInstant(level.rule, incident.received, pauses.length > 0 ? { pauses } : {});
  } catch (error) {
    if (isSlaInputError(error)) return invalid("out-of-range");
    throw error;
  }
  const base = { ref, priority: level.priority, levelId: level.levelId, received: incident.received, due };
  if (restored !== undefined) {
    const late = restored - due.getTime();
    return late <= 0
      ? { ...base, restored: incident.restored as Date, met: true, outcome: "met" }
      : { ...base, restored: incident.restored as Date, met: false, late, outcome: "missed" };
  }
  const overdue = asOf.getTime() - due.getTime();
  return overdue > 0 ? { ...base, met: null, late: overdue, outcome: "overdue" } : { ...base, met: null, outcome: "open" };
}

export const isInvalid = (result: AssessedIncident | InvalidIncident): result is InvalidIncident => "reason" in result;

/**
 * The per-priority figures of assessed incidents (every priority of the centre, even without incidents).
 * The target is compared in whole numbers (met × 100 ≥ target × decided), so 85 % of 20 is exactly 17.
 */
export function summarise(incidents: readonly AssessedIncident[], profile: CentreProfile): Record<Priority, PrioritySummary> {
  const byPriority = {} as Record<Priority, PrioritySummary>;
  for (const level of profile.levels) {
    byPriority[level.priority] = { count: 0, met: 0, missed: 0, open: 0, share: null, target: level.target, levelId: level.levelId, attained: null };
  }
  for (const incident of incidents) {
    const summary = byPriority[incident.priority];
    if (!summary) continue;
    summary.count++;
    if (incident.outcome === "met") summary.met++;
    else if (incident.outcome === "open") summary.open++;
    else summary.missed++;
  }
  for (const summary of Object.values(byPriority)) {
    const decided = summary.met + summary.missed;
    if (decided > 0) {
      summary.share = summary.met / decided;
      summary.attained = summary.met * 100 >= summary.target * decided;
    }
  }
  return byPriority;
}

/**
 * Assesses incidents against a centre's levels at the moment `asOf` (now by default).
 * Invalid incidents are listed with their reason and left out of every figure.
 */
export function assessWithProfile(incidents: readonly Incident[], profile: CentreProfile, options: { asOf?: Date } = {}): AttainmentReport {
  const asOf = options.asOf ?? new Date();
  const assessed: AssessedIncident[] = [];
  const invalid: InvalidIncident[] = [];
  incidents.forEach((incident, index) => {
    const result = assessOne(incident, profile, index, asOf);
    if (isInvalid(result)) invalid.push(result);
    else assessed.push(result);
  });
  return { incidents: assessed, invalid, byPriority: summarise(assessed, profile), asOf };
}
