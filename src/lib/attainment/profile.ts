/**
 * A help-desk centre's restore levels, read from its catalogue entry (content/catalogue/services/{cau,csc}.json):
 * the level of each priority (cau-restore-p1 … p5), its rule (around the clock or business hours with its window),
 * whether pauses stop it, its target share, and the centre's name for the priority. Only the catalogue's types are
 * imported, so a page can compute this at build time and pass it to the island as plain data.
 */
import type { Service } from "../../data/schema.ts";
import { planOfTarget, restoreLevelId } from "../sla/index.ts";
import { PRIORITIES, type Centre, type CentreProfile, type PriorityLevel } from "./core.ts";

/**
 * @throws Error naming the level when the catalogue lacks a restore level, or gives one that is not a deadline
 *   counted from the request with a target share (the report could not assess it)
 */
export function centreProfile(centre: Centre, service: Service): CentreProfile {
  const all = (service.serviceLevelTables ?? []).flatMap((table) => table.levels);
  const levels = PRIORITIES.map((priority): PriorityLevel => {
    const levelId = restoreLevelId(centre, priority);
    const level = all.find((l) => l.id === levelId);
    if (!level) throw new Error(`${service.id}: no service level ${levelId}`);
    const plan = planOfTarget(level.target, level.pausable ?? false);
    if (plan.kind !== "deadline" || plan.countedFrom !== "request" || level.attainment === undefined) {
      throw new Error(`${service.id}: ${levelId} is not a deadline counted from the request with a target share`);
    }
    const severity = service.priorityMatrix?.find((row) => row.priority === priority)?.severity;
    return {
      priority,
      levelId,
      rule: plan.rule,
      pausable: plan.pausable,
      target: level.attainment,
      severity: severity ? { fr: severity.fr, en: severity.en } : { fr: `P${priority}`, en: `P${priority}` },
    };
  });
  return { centre, levels };
}
