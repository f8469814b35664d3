/**
 * The attainment report's core: `assessIncidents(incidents, { centre, asOf })` checks a set of incidents against
 * the centre's restore levels as the catalogue publishes them (content/catalogue, read through src/data).
 * The browser island uses `core.ts` and `csv.ts` directly with a profile computed at build time, so it never
 * loads the catalogue's validator.
 */
import { serviceById } from "../../data/index.ts";
import { assessWithProfile, type AttainmentReport, type Centre, type CentreProfile, type Incident } from "./core.ts";
import { centreProfile } from "./profile.ts";

export * from "./core.ts";
export { centreProfile } from "./profile.ts";

const profiles = new Map<Centre, CentreProfile>();

/** The centre's restore levels from the catalogue (computed once). */
export function profileOf(centre: Centre): CentreProfile {
  let profile = profiles.get(centre);
  if (!profile) {
    if (centre !== "cau" && centre !== "csc") throw new Error(`Unknown centre ${JSON.stringify(centre)}: expected "cau" or "csc"`);
    profile = centreProfile(centre, serviceById(centre));
    profiles.set(centre, profile);
  }
  return profile;
}

/**
 * Assesses incidents against the published restore levels of a centre, at `asOf` (now by default).
 * @example assessIncidents([{ ref: "INC-1", priority: 1, received: new Date("2026-12-01T14:00:00Z"), restored: new Date("2026-12-01T16:30:00Z") }], { centre: "cau", asOf: new Date("2026-12-31T00:00:00Z") }).byPriority[1]
 * // { count: 1, met: 1, missed: 0, open: 0, share: 1, target: 85, levelId: "cau-restore-p1", attained: true }
 */
export function assessIncidents(incidents: readonly Incident[], options: { centre: Centre; asOf?: Date }): AttainmentReport {
  return assessWithProfile(incidents, profileOf(options.centre), options.asOf ? { asOf: options.asOf } : {});
}
