/**
 * The real videoconference price list, for the estimator's tests: every price the tests use is read from it,
 * never written again here.
 */
import { videoconferencePriceList } from "../../../src/data/catalogue.ts";
import type { HourlyPrice, PriceList, RecordingPrice, SubscriptionPrice } from "../../../src/lib/estimate/index.ts";

export const priceList: PriceList = videoconferencePriceList;

export function subscription(id: string): SubscriptionPrice {
  const found = priceList.subscriptions.find((s) => s.id === id);
  if (!found) throw new Error(`No subscription "${id}" in the price list`);
  return found;
}

export const recording = priceList.optional.find((o): o is RecordingPrice => o.kind === "recording") ?? (() => {
  throw new Error("No recording price in the price list");
})();

export const hourly: HourlyPrice[] = priceList.optional.filter((o): o is HourlyPrice => o.kind === "hourly");
