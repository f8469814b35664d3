/**
 * The pricing of an estimate: pure functions over a price list passed as an argument, in integer cents
 * (docs/interpretations.md §11). Rules:
 * - a subscription costs `monthlyCents` per unit a month, plus its service fee (FS) once per unit, at
 *   activation (§12);
 * - a recorded session costs the first hour, then one block for each additional 30 minutes started (§13).
 *   A session of 0 minutes costs nothing; a session shorter than an hour is billed the first hour in full,
 *   since the source prices « 1re heure » and no smaller unit;
 * - an hourly service costs its hourly rate per whole hour (§14); the estimator asks for whole hours.
 */
import { isQuantity } from "./quantity.ts";
import type {
  Estimate, EstimateState, FiscalYearTotal, LineInput, OptionalPrice, PricedLine, PriceList, RecordingPrice, SubscriptionPrice,
} from "./types.ts";

/** Why a state could not be priced. Never a wrong estimate: a bad state is refused, whole. */
export type EstimateErrorCode = "unknownItem" | "kindMismatch" | "invalidNumber" | "duplicateItem" | "invalidMonth";

export class EstimateError extends Error {
  readonly code: EstimateErrorCode;
  readonly item: string | undefined;
  constructor(code: EstimateErrorCode, message: string, item?: string) {
    super(message);
    this.name = "EstimateError";
    this.code = code;
    this.item = item;
  }
}

/** First month of the Québec government fiscal year (1 April – 31 March). */
export const FISCAL_YEAR_FIRST_MONTH = 4;

/**
 * The calendar months of a fiscal year, in order.
 * @example fiscalYearMonths() // [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
 */
export function fiscalYearMonths(): number[] {
  return Array.from({ length: 12 }, (_, i) => ((FISCAL_YEAR_FIRST_MONTH - 1 + i) % 12) + 1);
}

/**
 * How many months of a fiscal year are billed when the services start in a calendar month:
 * the start month and every month after it up to March; the months before the start cost nothing.
 * @example monthsBilledInFiscalYear(4)  // 12 (April: the whole year)
 * @example monthsBilledInFiscalYear(10) // 6  (October to March)
 * @example monthsBilledInFiscalYear(3)  // 1  (March only)
 */
export function monthsBilledInFiscalYear(startMonth: number): number {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new EstimateError("invalidMonth", `The start month must be 1 to 12, got ${startMonth}`);
  }
  return 12 - ((startMonth - FISCAL_YEAR_FIRST_MONTH + 12) % 12);
}

/**
 * The price of one recorded session of a given length (§13).
 * @example recordingSessionCents({ firstHourCents: 8500, additionalBlockCents: 1500, blockMinutes: 30 }, 91) // 11500
 * @example recordingSessionCents({ firstHourCents: 8500, additionalBlockCents: 1500, blockMinutes: 30 }, 30) // 8500
 * @example recordingSessionCents({ firstHourCents: 8500, additionalBlockCents: 1500, blockMinutes: 30 }, 0)  // 0
 */
export function recordingSessionCents(
  price: Pick<RecordingPrice, "firstHourCents" | "additionalBlockCents" | "blockMinutes">,
  minutes: number,
): number {
  if (minutes <= 0) return 0;
  const blocks = Math.ceil(Math.max(0, minutes - 60) / price.blockMinutes);
  return price.firstHourCents + blocks * price.additionalBlockCents;
}

/** Looks an item up in the price list, whatever its kind. */
export function findItem(
  priceList: PriceList,
  item: string,
): { kind: "subscription"; price: SubscriptionPrice } | { kind: OptionalPrice["kind"]; price: OptionalPrice } | undefined {
  const subscription = priceList.subscriptions.find((s) => s.id === item);
  if (subscription) return { kind: "subscription", price: subscription };
  const optional = priceList.optional.find((o) => o.id === item);
  return optional ? { kind: optional.kind, price: optional } : undefined;
}

function checkNumber(item: string, field: string, value: number): void {
  if (!isQuantity(value)) {
    throw new EstimateError("invalidNumber", `${item}: ${field} must be a whole number from 0 to 10 000, got ${value}`, item);
  }
}

/**
 * Prices one line against the price list. Throws an EstimateError when the item is not in the list, is of
 * another kind than the line says, or a number is out of range.
 * @example priceLine(list, { kind: "subscription", item: "standard", quantity: 10 }).monthlyCents // 15000
 */
export function priceLine(priceList: PriceList, line: LineInput): PricedLine {
  const found = findItem(priceList, line.item);
  if (!found) {
    throw new EstimateError("unknownItem", `"${line.item}" is not in the price list of ${priceList.version}`, line.item);
  }
  if (found.kind !== line.kind) {
    throw new EstimateError("kindMismatch", `"${line.item}" is a ${found.kind} item, not a ${line.kind} item`, line.item);
  }
  const price = found.price;
  switch (line.kind) {
    case "subscription": {
      checkNumber(line.item, "quantity", line.quantity);
      const p = price as SubscriptionPrice;
      return {
        kind: "subscription", item: line.item, name: p.name, unitLabel: p.unitLabel,
        quantity: line.quantity, unitCents: p.monthlyCents, monthlyCents: line.quantity * p.monthlyCents,
        serviceFeeCents: p.serviceFeeCents, oneTimeCents: line.quantity * p.serviceFeeCents,
      };
    }
    case "recording": {
      checkNumber(line.item, "sessions", line.sessions);
      checkNumber(line.item, "minutes", line.minutes);
      const p = price as RecordingPrice;
      const perSession = recordingSessionCents(p, line.minutes);
      return {
        kind: "recording", item: line.item, name: p.name, unitLabel: p.unitLabel,
        quantity: line.sessions, minutes: line.minutes, unitCents: perSession, monthlyCents: line.sessions * perSession,
        serviceFeeCents: 0, oneTimeCents: 0,
      };
    }
    case "hourly": {
      checkNumber(line.item, "hours", line.hours);
      const p = price as Extract<OptionalPrice, { kind: "hourly" }>;
      return {
        kind: "hourly", item: line.item, name: p.name, unitLabel: p.unitLabel,
        quantity: line.hours, unitCents: p.hourlyCents, monthlyCents: line.hours * p.hourlyCents,
        serviceFeeCents: 0, oneTimeCents: 0,
      };
    }
  }
}

/**
 * Prices a whole estimate. Each item may appear once (a second line for the same item is refused, so that a
 * link cannot carry two contradicting quantities). The state's own version is not checked here: the amounts
 * are always those of the list passed in, and `Estimate.version` says which.
 * @example
 * computeEstimate(videoconferencePriceList, { version: "2017-08-24", startMonth: 10, lines: [
 *   { kind: "subscription", item: "standard", quantity: 10 },
 * ] })
 * // { monthlyCents: 15000, oneTimeCents: 100000, firstMonthCents: 115000, twelveMonthCents: 280000,
 * //   fiscalYear: { startMonth: 10, months: 6, totalCents: 190000 }, … }
 */
export function computeEstimate(priceList: PriceList, state: EstimateState): Estimate {
  const months = monthsBilledInFiscalYear(state.startMonth);
  const seen = new Set<string>();
  const lines = state.lines.map((line) => {
    if (seen.has(line.item)) throw new EstimateError("duplicateItem", `"${line.item}" appears on more than one line`, line.item);
    seen.add(line.item);
    return priceLine(priceList, line);
  });
  const monthlyCents = lines.reduce((sum, l) => sum + l.monthlyCents, 0);
  const oneTimeCents = lines.reduce((sum, l) => sum + l.oneTimeCents, 0);
  const fiscalYear: FiscalYearTotal = { startMonth: state.startMonth, months, totalCents: months * monthlyCents + oneTimeCents };
  return {
    version: priceList.version,
    lines,
    monthlyCents,
    oneTimeCents,
    firstMonthCents: monthlyCents + oneTimeCents,
    twelveMonthCents: 12 * monthlyCents + oneTimeCents,
    fiscalYear,
  };
}

/**
 * An empty line of the right kind for an item of the price list, as the estimator adds it.
 * @example newLine(list, "training") // { kind: "hourly", item: "training", hours: 1 }
 */
export function newLine(priceList: PriceList, item: string): LineInput {
  const found = findItem(priceList, item);
  if (!found) throw new EstimateError("unknownItem", `"${item}" is not in the price list of ${priceList.version}`, item);
  if (found.kind === "subscription") return { kind: "subscription", item, quantity: 1 };
  if (found.kind === "recording") return { kind: "recording", item, sessions: 1, minutes: 60 };
  return { kind: "hourly", item, hours: 1 };
}
