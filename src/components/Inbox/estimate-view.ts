/**
 * An attached estimate in words, priced by the estimator's own module (src/lib/estimate) over the current
 * price list; pure, tested without a DOM (test/components/Inbox/logic.test.ts). The island loads it, with
 * EstimateSummary.tsx, only when a submission carrying an estimate opens.
 */
import type { Lang } from "../../i18n/locales.ts";
import { formatDate, formatMoney, formatNumber } from "../../i18n/format.ts";
import { monthName } from "../../lib/estimate/month.ts";
import { computeEstimate } from "../../lib/estimate/pricing.ts";
import type { Estimate, PriceList } from "../../lib/estimate/types.ts";
import { decodeEstimate } from "../../lib/estimate/url.ts";
import type { Translate } from "./strings.ts";

/** One line of an attached estimate's summary, every amount formatted. */
export interface EstimateRow {
  name: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  monthly: string;
  oneTime: string;
}

/** An attached estimate, computed by the estimator's own module at the current prices, in words. */
export interface EstimateSummary {
  rows: EstimateRow[];
  totals: Array<{ label: string; amount: string }>;
  /** « Grille tarifaire du 24 août 2017 »: the prices used. */
  priceList: string;
  /** Set when the link was made with another price list than the one used. */
  otherVersion?: string;
}

export type EstimateView = { ok: true; summary: EstimateSummary } | { ok: false; message: string };

/**
 * The summary of an attached estimate (`?estimate=` text), or why it cannot be read. Priced with
 * `computeEstimate` over the current price list, as the estimator would show the same link.
 */
export function estimateView(text: string, priceList: PriceList, lang: Lang, t: Translate): EstimateView {
  const decoded = decodeEstimate(text, priceList);
  if (!decoded.ok) {
    return {
      ok: false,
      message: decoded.error.code === "unknownItem" && decoded.error.item ? t("inbox.estimate.unknownItem", { item: decoded.error.item }) : t("inbox.estimate.invalid"),
    };
  }
  let estimate: Estimate;
  try {
    estimate = computeEstimate(priceList, decoded.state);
  } catch {
    return { ok: false, message: t("inbox.estimate.invalid") };
  }
  const money = (cents: number) => formatMoney(cents, lang);
  const rows = estimate.lines.map((line): EstimateRow => ({
    name: line.name[lang],
    quantity: formatNumber(line.quantity, lang),
    unit: line.kind === "recording" ? t("estimate.perSession", { minutes: formatNumber(line.minutes ?? 0, lang) }) : line.unitLabel[lang],
    unitPrice: money(line.unitCents),
    monthly: money(line.monthlyCents),
    oneTime: money(line.oneTimeCents),
  }));
  const fy = estimate.fiscalYear;
  const totals = [
    { label: t("estimate.monthly"), amount: money(estimate.monthlyCents) },
    { label: t("estimate.oneTime"), amount: money(estimate.oneTimeCents) },
    { label: t("estimate.firstMonth"), amount: money(estimate.firstMonthCents) },
    { label: t("estimate.twelveMonths"), amount: money(estimate.twelveMonthCents) },
    {
      label: t("estimate.fiscalYear", { month: monthName(fy.startMonth, lang), months: t.plural("estimate.monthCount", fy.months) }),
      amount: money(fy.totalCents),
    },
  ];
  return {
    ok: true,
    summary: {
      rows,
      totals,
      priceList: t("estimate.assumption.priceList", { date: formatDate(estimate.version, lang) }),
      ...(decoded.state.version !== estimate.version
        ? { otherVersion: t("estimate.otherVersion", { linkDate: formatDate(decoded.state.version, lang), currentDate: formatDate(estimate.version, lang) }) }
        : {}),
    },
  };
}
