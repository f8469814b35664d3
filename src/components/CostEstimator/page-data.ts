/**
 * How the estimator island gets its data without island props that repeat the page (issue 11, "Budgets": its
 * props were 11.9 KB of escaped JSON — the videoconference price list in both languages and the "estimate."
 * strings). Same scheme as the calculator (../DueDateCalculator/page-data.ts):
 *
 * - The price list is read at hydration from the island's own server-rendered markup: each option of its
 *   "service to add" list carries its item as `value`, its name as text, and its prices as machine-readable
 *   attributes (`data-kind`, `data-unit`, `data-unit-label`, `data-monthly-cents`, `data-fee-cents`,
 *   `data-first-hour-cents`, `data-block-cents`, `data-block-minutes`, `data-hourly-cents`). Never parsed from
 *   formatted amounts. The options are read before the island changes anything (it removes an option once its
 *   item is added), once per page.
 * - What the page does not print — the list's version (printed only as a formatted date) and the strings the
 *   island needs — travels once as compact JSON in `<script type="application/json" id="<idPrefix>-data">`.
 *   The strings used only by the page part (assumptions, on-request services) are left out: the page prints them.
 * - On the server, the page part (CostEstimator.astro) hands the same data over with `provideEstimatorData`
 *   before it renders the island; nothing of it is serialized as a prop.
 *
 * The island holds the price list in its own language only (`localPriceList`): names and unit labels in the
 * other language are never sent. Imports no catalogue: the island bundles this file.
 */
import type { Lang } from "../../i18n/locales.ts";
import type { OptionalPrice, PriceList, SubscriptionPrice } from "../../lib/estimate/index.ts";
import type { EstimateKey } from "./strings.ts";
import type { Slice } from "../../i18n/translator.ts";

/** Strings only the page part prints (CostEstimator.astro): not in the island's data. */
export const PAGE_ONLY_KEYS = [
  "estimate.askPrice", "estimate.askPriceLabel", "estimate.assumptionsHeading", "estimate.assumption.priceList",
  "estimate.assumption.serviceFee", "estimate.assumption.recording", "estimate.assumption.hourly",
  "estimate.assumption.fiscalYear", "estimate.assumption.taxes", "estimate.onRequestHeading",
  "estimate.priceOnRequest", "estimate.priceListHeading",
] as const satisfies readonly EstimateKey[];

export type IslandKey = Exclude<EstimateKey, (typeof PAGE_ONLY_KEYS)[number]>;
export type IslandStrings = Slice<IslandKey>;

export interface EstimatorData {
  /** The price list in the island's language (see `localPriceList`). */
  priceList: PriceList;
  strings: IslandStrings;
}

/** The JSON block: the price list's version and the island's strings. */
export interface CompactData {
  v: string;
  s: IslandStrings;
}

/** The island's strings: the "estimate." slice without the page-only keys. */
export function islandStrings(strings: Slice<EstimateKey>): IslandStrings {
  const out: Record<string, unknown> = { ...strings };
  for (const key of PAGE_ONLY_KEYS) delete out[key];
  return out as IslandStrings;
}

/**
 * The price list as the island holds it: names and unit labels in `lang` only (the other language's key is
 * absent; the island and the estimate core only ever read `name[lang]`, `unitLabel[lang]`).
 * @example localPriceList(list, "fr").subscriptions[0].name // { fr: "Standard" }
 */
export function localPriceList(list: PriceList, lang: Lang): PriceList {
  const local = <T extends { name: unknown; unitLabel: unknown }>(p: T & { name: Record<Lang, string>; unitLabel: Record<Lang, string> }): T =>
    ({ ...p, name: { [lang]: p.name[lang] }, unitLabel: { [lang]: p.unitLabel[lang] } }) as T;
  return { version: list.version, subscriptions: list.subscriptions.map(local), optional: list.optional.map(local) };
}

/** The data attributes of an item's option in the island's "service to add" list (read back by `readPage`). */
export function optionData(item: SubscriptionPrice | OptionalPrice, lang: Lang): Record<string, string | number> {
  if (!("kind" in item)) {
    return {
      "data-kind": "subscription", "data-unit": item.unit, "data-unit-label": item.unitLabel[lang],
      "data-monthly-cents": item.monthlyCents, "data-fee-cents": item.serviceFeeCents,
    };
  }
  if (item.kind === "recording") {
    return {
      "data-kind": "recording", "data-unit-label": item.unitLabel[lang], "data-first-hour-cents": item.firstHourCents,
      "data-block-cents": item.additionalBlockCents, "data-block-minutes": item.blockMinutes,
    };
  }
  return { "data-kind": "hourly", "data-unit-label": item.unitLabel[lang], "data-hourly-cents": item.hourlyCents };
}

/** The JSON block's text, safe inside a <script> element. */
export function compactDataJson(data: EstimatorData): string {
  const compact: CompactData = { v: data.priceList.version, s: data.strings };
  return JSON.stringify(compact).replace(/</g, "\\u003c");
}

const serverData = new Map<string, EstimatorData>();

/** Server side: the data the island renders from, keyed by its id prefix and language (the page part calls it). */
export function provideEstimatorData(idPrefix: string, lang: Lang, data: EstimatorData): void {
  serverData.set(`${idPrefix}:${lang}`, data);
}

const pageData = new Map<string, EstimatorData>();

/**
 * The island's data: on the server what the page part provided; in the browser read once from the page (the
 * JSON block and the options of the island's server-rendered "service to add" list).
 * @example estimatorData("ce", "fr").priceList.subscriptions[0].monthlyCents // 1500
 */
export function estimatorData(idPrefix: string, lang: Lang): EstimatorData {
  const key = `${idPrefix}:${lang}`;
  // Provided: on the server (or a test rendering the island alone); in the browser nothing is.
  const provided = serverData.get(key);
  if (provided) return provided;
  if (typeof document === "undefined") throw new Error(`estimatorData: nothing provided for ${key}`);
  let data = pageData.get(key);
  if (!data) {
    data = readPage(idPrefix, lang);
    pageData.set(key, data);
  }
  return data;
}

/** Forgets what was read from the page (tests that load another page). */
export function forgetPageData(): void {
  pageData.clear();
}

function readPage(idPrefix: string, lang: Lang): EstimatorData {
  const block = document.getElementById(`${idPrefix}-data`);
  const select = document.getElementById(`${idPrefix}-add`);
  if (!block || !select) throw new Error(`estimatorData: #${idPrefix}-data or #${idPrefix}-add is missing`);
  const compact = JSON.parse(block.textContent ?? "") as CompactData;
  const priceList: PriceList = { version: compact.v, subscriptions: [], optional: [] };
  const cents = (o: HTMLOptionElement, name: string) => Number(o.getAttribute(`data-${name}`));
  for (const o of select.querySelectorAll<HTMLOptionElement>("option[data-kind]")) {
    const common = { id: o.value, name: { [lang]: o.text } as Record<Lang, string>, unitLabel: { [lang]: o.dataset.unitLabel ?? "" } as Record<Lang, string> };
    const kind = o.dataset.kind;
    if (kind === "subscription") {
      priceList.subscriptions.push({
        id: common.id, name: common.name, monthlyCents: cents(o, "monthly-cents"),
        unit: o.dataset.unit as SubscriptionPrice["unit"], unitLabel: common.unitLabel, serviceFeeCents: cents(o, "fee-cents"),
      });
    } else if (kind === "recording") {
      priceList.optional.push({
        kind, id: common.id, name: common.name, firstHourCents: cents(o, "first-hour-cents"),
        additionalBlockCents: cents(o, "block-cents"), blockMinutes: cents(o, "block-minutes"), unitLabel: common.unitLabel,
      });
    } else if (kind === "hourly") {
      priceList.optional.push({ kind, id: common.id, name: common.name, hourlyCents: cents(o, "hourly-cents"), unitLabel: common.unitLabel });
    }
  }
  return { priceList, strings: compact.s };
}
