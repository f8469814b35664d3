import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { isQuantity, MAX_QUANTITY, parseQuantity } from "../../../src/lib/estimate/index.ts";

describe("parseQuantity", () => {
  test.each([
    ["0", 0], ["1", 1], ["10000", 10_000], ["007", 7], [" 12 ", 12], ["1 000", 1000], ["1\u00a0000", 1000], ["+5", 5], ["-0", 0],
  ])("%j is %i", (text, value) => expect(parseQuantity(text)).toEqual({ ok: true, value }));
  test.each([
    ["", "required"], ["   ", "required"],
    ["1,5", "notWhole"], ["1.5", "notWhole"], ["1,000", "notWhole"], ["1e3", "notWhole"], ["abc", "notWhole"], ["12a", "notWhole"], ["--1", "notWhole"],
    ["-1", "negative"], ["-10001", "negative"],
    ["10001", "tooLarge"], ["99999999999999999999", "tooLarge"],
  ])("%j is refused: %s", (text, error) => expect(parseQuantity(text)).toEqual({ ok: false, error }));
  test("every whole number from 0 to 10 000 reads back as itself", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_QUANTITY }), (n) => {
      expect(parseQuantity(String(n))).toEqual({ ok: true, value: n });
      expect(isQuantity(n)).toBe(true);
    }));
  });
  test("a number above 10 000 is too large", () => {
    fc.assert(fc.property(fc.integer({ min: MAX_QUANTITY + 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
      expect(parseQuantity(String(n))).toEqual({ ok: false, error: "tooLarge" });
      expect(isQuantity(n)).toBe(false);
    }));
  });
  test("whatever is typed, the answer is a valid quantity or a typed error", () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const r = parseQuantity(text);
      if (r.ok) expect(isQuantity(r.value)).toBe(true);
      else expect(["required", "notWhole", "negative", "tooLarge"]).toContain(r.error);
    }));
  });
});
