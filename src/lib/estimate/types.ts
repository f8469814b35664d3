/**
 * Types of the cost estimator. Price-list types come from the catalogue schema (z.infer) through
 * `import type` only, so nothing of zod or of the catalogue reaches the browser bundle.
 */
import type { PriceList } from "../../data/schema.ts";
import type { Localized } from "../../i18n/locales.ts";

export type { PriceList };
export type SubscriptionPrice = PriceList["subscriptions"][number];
export type OptionalPrice = PriceList["optional"][number];
export type RecordingPrice = Extract<OptionalPrice, { kind: "recording" }>;
export type HourlyPrice = Extract<OptionalPrice, { kind: "hourly" }>;

/** What a reader asks for on one line of the estimate. Every number is a whole number from 0 to 10 000. */
export type LineInput =
  /** A monthly subscription: `quantity` units (terminals, workstations or licences). */
  | { kind: "subscription"; item: string; quantity: number }
  /** Recording: `sessions` recorded sessions a month, each `minutes` long. */
  | { kind: "recording"; item: string; sessions: number; minutes: number }
  /** An hourly service (after-hours assistance, professional services, training): `hours` a month. */
  | { kind: "hourly"; item: string; hours: number };

export type LineKind = LineInput["kind"];

/** The whole input of an estimate: what the URL carries. */
export interface EstimateState {
  /** The price-list version (its date) the estimate was made with. */
  version: string;
  /** Calendar month (1 = January … 12 = December) in which the services start, for the fiscal-year total. */
  startMonth: number;
  lines: LineInput[];
}

/** One priced line of the breakdown. `quantity × unitCents = monthlyCents` always holds. */
export interface PricedLine {
  kind: LineKind;
  item: string;
  name: Localized;
  /** The unit as the price list prints it, e.g. « Mensuel par terminal ». */
  unitLabel: Localized;
  /** Units (subscription), sessions a month (recording) or hours a month (hourly). */
  quantity: number;
  /** Recording only: the length of each session, in minutes. */
  minutes?: number;
  /** Price of one unit a month, of one session, or of one hour. */
  unitCents: number;
  monthlyCents: number;
  /** Subscription only: the one-time service fee (FS) of one unit; 0 otherwise. */
  serviceFeeCents: number;
  /** quantity × serviceFeeCents: charged once, in the start month. */
  oneTimeCents: number;
}

export interface FiscalYearTotal {
  /** Calendar month the services start (1–12). */
  startMonth: number;
  /** Months billed in the fiscal year (1 April – 31 March) from the start month: 12 for April, 1 for March. */
  months: number;
  /** months × monthly subtotal + one-time fees. */
  totalCents: number;
}

export interface Estimate {
  /** The version of the price list the amounts were computed with. */
  version: string;
  lines: PricedLine[];
  /** Sum of the lines' monthly amounts. */
  monthlyCents: number;
  /** Sum of the one-time service fees. */
  oneTimeCents: number;
  /** monthly + one-time: the first month's bill. */
  firstMonthCents: number;
  /** 12 × monthly + one-time. */
  twelveMonthCents: number;
  fiscalYear: FiscalYearTotal;
}
