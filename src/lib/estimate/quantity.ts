/** Validation of the numbers a reader types: whole numbers from 0 to 10 000. */

/** The largest number any field of the estimator accepts (units, sessions, minutes, hours). */
export const MAX_QUANTITY = 10_000;

/** Why a typed number was refused; each has its own message in the interface strings (estimate.error.*). */
export type QuantityError = "required" | "notWhole" | "negative" | "tooLarge";

export type QuantityResult = { ok: true; value: number } | { ok: false; error: QuantityError };

/**
 * Reads a field's text as a quantity. Spaces are ignored (« 1 000 » is a thousand, as French readers
 * group digits); anything else that is not a digit — a decimal point or comma, a sign, an exponent — is refused
 * rather than guessed, because « 1,5 » (French) and "1,500" (English) would be read differently by the two languages.
 * @example parseQuantity("12")    // { ok: true, value: 12 }
 * @example parseQuantity(" 1 000 ") // { ok: true, value: 1000 }
 * @example parseQuantity("1,5")   // { ok: false, error: "notWhole" }
 * @example parseQuantity("-3")    // { ok: false, error: "negative" }
 * @example parseQuantity("10001") // { ok: false, error: "tooLarge" }
 * @example parseQuantity("")      // { ok: false, error: "required" }
 */
export function parseQuantity(text: string): QuantityResult {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return { ok: false, error: "required" };
  if (!/^[+-]?\d+$/.test(compact)) return { ok: false, error: "notWhole" };
  // `+ 0` turns "-0" into 0: a reader who types it means nothing, not a negative amount.
  const value = Number(compact) + 0;
  if (value < 0) return { ok: false, error: "negative" };
  if (value > MAX_QUANTITY) return { ok: false, error: "tooLarge" };
  return { ok: true, value };
}

/**
 * True when a number is an acceptable quantity (whole, 0 to 10 000).
 * @example isQuantity(10000) // true
 * @example isQuantity(2.5)   // false
 */
export function isQuantity(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_QUANTITY;
}
