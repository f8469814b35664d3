/**
 * Pauses of the count (« en attente d'un utilisateur », docs/interpretations.md §6): checked, sorted and merged
 * so that overlapping pauses count once.
 */
import { SlaInputError } from "./errors.ts";
import { checkInstant } from "./timezone.ts";

export interface Pause {
  from: Date;
  to: Date;
}

/** A merged pause in ms, with how many of the given pauses it covers. */
export interface MergedPause {
  from: number;
  to: number;
  count: number;
}

/**
 * Checks pauses, drops empty ones, sorts them and merges those that overlap or touch.
 * @throws SlaInputError "invalid-pause" (a pause that ends before it starts, or not a list) or "invalid-instant"
 * @example mergePauses([{ from: new Date(3000), to: new Date(5000) }, { from: new Date(1000), to: new Date(4000) }])
 * // [{ from: 1000, to: 5000, count: 2 }]
 */
export function mergePauses(pauses: readonly Pause[] | undefined): MergedPause[] {
  if (pauses === undefined) return [];
  if (!Array.isArray(pauses)) throw new SlaInputError("invalid-pause", "pauses must be a list of { from, to }");
  const checked = pauses.map((pause, i) => {
    if (typeof pause !== "object" || pause === null) throw new SlaInputError("invalid-pause", `pauses[${i}] must be { from, to }`);
    const from = checkInstant(pause.from, `pauses[${i}].from`);
    const to = checkInstant(pause.to, `pauses[${i}].to`);
    if (to < from) {
      throw new SlaInputError("invalid-pause", `pauses[${i}] ends (${pause.to.toISOString()}) before it starts (${pause.from.toISOString()})`);
    }
    return { from, to };
  });
  const sorted = checked.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  const merged: MergedPause[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) {
      last.to = Math.max(last.to, p.to);
      last.count++;
    } else {
      merged.push({ from: p.from, to: p.to, count: 1 });
    }
  }
  return merged;
}
