/**
 * Server side only: the catalogue's service levels grouped by service, as the calculator island takes them
 * (plan, description and target in words in the page's language). Imports the catalogue: never import it from the island.
 */
import type { Lang } from "../../i18n/locales.ts";
import { allServiceLevels } from "../../data/catalogue.ts";
import { calculatorLevel } from "../../lib/sla/levels.ts";
import { formatLevelTarget } from "../ServiceLevelTable/target.ts";
import type { LevelGroup } from "./DueDateCalculatorIsland.tsx";

/** @example levelGroups("fr")[0].service // "Communications téléphoniques" */
export function levelGroups(lang: Lang): LevelGroup[] {
  const groups: LevelGroup[] = [];
  for (const { service, level } of allServiceLevels()) {
    const name = service.name[lang];
    let group = groups.find((g) => g.service === name);
    if (!group) {
      group = { service: name, levels: [] };
      groups.push(group);
    }
    group.levels.push({ ...calculatorLevel(level), description: level.description[lang], target: formatLevelTarget(level, lang) });
  }
  return groups;
}
