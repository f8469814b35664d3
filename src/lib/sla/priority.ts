/**
 * Suggesting an incident priority (P1–P5) from three answers, for the help-desk pages (CAU and CSC,
 * docs/interpretations.md §16). Both centres publish the same five criteria with different names; the
 * decision table below is derived from the wording of their matrices (the CSC and CAU source pages):
 *
 * | who is affected         | mission affected | workaround | priority | matrix wording it follows |
 * | ----------------------- | ---------------- | ---------- | -------- | ------------------------- |
 * | the whole organisation  | yes              | no         | P1       | complete interruption affecting the mission, no workaround |
 * | the whole organisation  | yes              | yes        | P2       | major degradation affecting the whole organisation |
 * | a site or a system      | yes              | no         | P2       | total loss for all users of a site or system, with effect on the mission |
 * | a site or a system      | yes              | yes        | P3       | loss of functionality / degradation for all users of a site |
 * | the whole organisation  | no               | no         | P3       | minor degradation affecting all users of the organisation |
 * | a site or a system      | no               | no         | P3       | loss of functionality / degradation for all users of a site |
 * | a group of users        | any              | no         | P3       | total loss of service for a group of users |
 * | a group of users        | any              | yes        | P4       | can be worked around or tolerated |
 * | organisation or site    | no               | yes        | P4       | negligible or no impact, can be worked around |
 * | few users               | yes              | no         | P3       | (not in the matrices: mission impact without workaround is not « no impact ») |
 * | few users               | yes              | yes        | P4       | (not in the matrices: worked around, so negligible impact) |
 * | few users               | no               | any        | P5       | few users, no impact on service levels or the mission |
 *
 * It is a suggestion: the centre sets the priority when it opens the ticket.
 */

export type Scope = "organisation" | "site" | "group" | "few";
export const SCOPES: readonly Scope[] = ["organisation", "site", "group", "few"];

export interface PriorityAnswers {
  scope: Scope;
  /** Is the organisation's mission affected? */
  mission: boolean;
  /** Is there a workaround, or can a period without service be tolerated? */
  workaround: boolean;
}

export type Priority = 1 | 2 | 3 | 4 | 5;

/**
 * The suggested priority for three answers (the decision table above).
 * @example suggestPriority({ scope: "organisation", mission: true, workaround: false }) // 1
 * @example suggestPriority({ scope: "few", mission: false, workaround: true }) // 5
 */
export function suggestPriority({ scope, mission, workaround }: PriorityAnswers): Priority {
  switch (scope) {
    case "organisation":
      if (mission) return workaround ? 2 : 1;
      return workaround ? 4 : 3;
    case "site":
      if (mission) return workaround ? 3 : 2;
      return workaround ? 4 : 3;
    case "group":
      return workaround ? 4 : 3;
    case "few":
      if (!mission) return 5;
      return workaround ? 4 : 3;
  }
}

/**
 * The restore level of a help desk for a priority (catalogue ids cau-restore-p1 … csc-restore-p5).
 * @example restoreLevelId("csc", 3) // "csc-restore-p3"
 */
export function restoreLevelId(centre: "cau" | "csc", priority: Priority): string {
  return `${centre}-restore-p${priority}`;
}
