/**
 * How the calculator island gets its data without island props that repeat the page (issue 11: the props were
 * 35 KB of escaped JSON, most of it printed on the page already).
 *
 * - What the page prints — each service's name, each level's id, description and target — is read at hydration
 *   from the server-rendered list of levels (`#<idPrefix>-levels`, data-level on each item).
 * - What it does not print — each level's plan (deduplicated) and attainment, the "sla." strings — travels once
 *   as compact JSON in `<script type="application/json" id="<idPrefix>-data">` (a data block: no CSP hash).
 * - On the server, the page part (DueDateCalculator.astro) hands the same data over with `provideCalculatorData`
 *   before it renders the island, which renders its form from it; nothing of it is serialized as a prop.
 *
 * Imports no catalogue: the island bundles this file.
 */
import type { LevelPlan } from "../../lib/sla/levels.ts";
import type { LevelGroup } from "./DueDateCalculatorIsland.tsx";
import type { SlaStrings } from "./strings.ts";

export interface CalculatorData {
  strings: SlaStrings;
  groups: LevelGroup[];
}

/** The JSON block: the strings, the distinct plans, and per level of the printed list (in its order) [plan index, attainment?]. */
export interface CompactData {
  s: SlaStrings;
  p: LevelPlan[];
  l: Array<[number] | [number, number]>;
}

/** @example compactData({ strings, groups }).l[0] // [0] */
export function compactData({ strings, groups }: CalculatorData): CompactData {
  const plans: string[] = [];
  const levels: CompactData["l"] = [];
  for (const group of groups) {
    for (const level of group.levels) {
      const plan = JSON.stringify(level.plan);
      let index = plans.indexOf(plan);
      if (index < 0) index = plans.push(plan) - 1;
      levels.push(level.attainment === undefined ? [index] : [index, level.attainment]);
    }
  }
  return { s: strings, p: plans.map((p) => JSON.parse(p) as LevelPlan), l: levels };
}

/** The JSON block's text, safe inside a <script> element. */
export function compactDataJson(data: CalculatorData): string {
  return JSON.stringify(compactData(data)).replace(/</g, "\\u003c");
}

const serverData = new Map<string, CalculatorData>();

/** Server side: the data the island renders from, keyed by its id prefix and language (the page part calls it). */
export function provideCalculatorData(idPrefix: string, lang: string, data: CalculatorData): void {
  serverData.set(`${idPrefix}:${lang}`, data);
}

const pageData = new Map<string, CalculatorData>();

/**
 * The island's data: on the server what the page part provided; in the browser read once from the page (the
 * JSON block and the printed list of levels).
 */
export function calculatorData(idPrefix: string, lang: string): CalculatorData {
  const key = `${idPrefix}:${lang}`;
  if (typeof document === "undefined") {
    const data = serverData.get(key);
    if (!data) throw new Error(`calculatorData: nothing provided for ${key}`);
    return data;
  }
  let data = pageData.get(key);
  if (!data) {
    data = readPage(idPrefix);
    pageData.set(key, data);
  }
  return data;
}

function readPage(idPrefix: string): CalculatorData {
  const block = document.getElementById(`${idPrefix}-data`);
  const list = document.getElementById(`${idPrefix}-levels`);
  if (!block || !list) throw new Error(`calculatorData: #${idPrefix}-data or #${idPrefix}-levels is missing`);
  const compact = JSON.parse(block.textContent ?? "") as CompactData;
  let n = 0;
  const groups: LevelGroup[] = [...list.querySelectorAll<HTMLElement>("[data-service]")].map((section) => ({
    service: section.querySelector("h3")?.textContent ?? "",
    levels: [...section.querySelectorAll<HTMLElement>("[data-level]")].map((item) => {
      const [plan, attainment] = compact.l[n++] as [number, number?];
      return {
        id: item.dataset.level ?? "",
        plan: compact.p[plan] as LevelPlan,
        ...(attainment !== undefined ? { attainment } : {}),
        description: item.querySelector("a")?.textContent ?? "",
        target: item.querySelector(".ddc-level-target")?.textContent ?? "",
      };
    }),
  }));
  return { strings: compact.s, groups };
}
