import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { checksum } from "../../../src/lib/estimate/url.ts";
import { decodeEstimate, encodeEstimate, MAX_QUANTITY, type EstimateState, type LineInput } from "../../../src/lib/estimate/index.ts";
import { priceList } from "./price-list.ts";

const quantity = fc.integer({ min: 0, max: MAX_QUANTITY });
/** Any state the estimator can make: each item of the price list at most once, in any order. */
const stateArb: fc.Arbitrary<EstimateState> = fc
  .record({
    startMonth: fc.integer({ min: 1, max: 12 }),
    subscriptions: fc.subarray(priceList.subscriptions.map((s) => s.id)),
    optional: fc.subarray(priceList.optional.map((o) => ({ id: o.id, kind: o.kind }))),
    numbers: fc.array(fc.tuple(quantity, quantity), { minLength: 20, maxLength: 20 }),
  })
  .chain(({ startMonth, subscriptions, optional, numbers }) => {
    const lines: LineInput[] = [
      ...subscriptions.map((item, i) => ({ kind: "subscription" as const, item, quantity: numbers[i]![0] })),
      ...optional.map(({ id, kind }, i): LineInput => {
        const [a, b] = numbers[10 + i]!;
        return kind === "recording" ? { kind, item: id, sessions: a, minutes: b } : { kind, item: id, hours: a };
      }),
    ];
    return fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })
      .map((shuffled) => ({ version: priceList.version, startMonth, lines: shuffled }));
  });

describe("URL state", () => {
  test("the example of the documentation", () => {
    const state: EstimateState = {
      version: "2017-08-24", startMonth: 10, lines: [
        { kind: "subscription", item: "standard", quantity: 10 },
        { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
        { kind: "hourly", item: "training", hours: 3 },
      ],
    };
    const text = encodeEstimate(state);
    const body = "2017-08-24_10_s.standard.10_r.recording.4.90_h.training.3";
    expect(text).toBe(`${checksum(body)}_${body}`);
    expect(text).toMatch(/^[0-9a-z]{4}_2017-08-24_10_/);
    expect(decodeEstimate(text, priceList)).toEqual({ ok: true, state });
  });

  test("a link made before the checksum (starting with the date) is still read", () => {
    expect(decodeEstimate("2017-08-24_10_s.standard.10_r.recording.4.90", priceList)).toEqual({
      ok: true,
      state: { version: "2017-08-24", startMonth: 10, lines: [
        { kind: "subscription", item: "standard", quantity: 10 },
        { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
      ] },
    });
  });

  test("20 truncated links are refused as damaged, never read as another estimate", () => {
    const text = encodeEstimate({
      version: "2017-08-24", startMonth: 10, lines: [
        { kind: "subscription", item: "standard", quantity: 10 },
        { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
        { kind: "hourly", item: "training", hours: 13 },
      ],
    });
    // Cut after the checksum's separator, one character less each time, down from the full link.
    const cuts = Array.from({ length: 20 }, (_, i) => text.slice(0, text.length - 1 - i));
    expect(cuts).toContain(text.replace(/training\.13$/, "training.1"));
    expect(new Set(cuts).size).toBe(20);
    for (const cut of cuts) {
      const r = decodeEstimate(cut, priceList);
      expect(r, cut).toMatchObject({ ok: false, error: { code: "damaged" } });
    }
  });

  test("property: a cut or one changed character of a link is refused", () => {
    fc.assert(fc.property(stateArb, fc.nat(), fc.constantFrom(..."0123456789abcdefghijklmnopqrstuvwxyz._-"), (state, n, char) => {
      const text = encodeEstimate(state);
      const at = 5 + (n % (text.length - 5));
      expect(decodeEstimate(text.slice(0, at), priceList).ok).toBe(false);
      const edited = text.slice(0, at) + char + text.slice(at + 1);
      if (edited !== text) expect(decodeEstimate(edited, priceList).ok).toBe(false);
    }));
  });

  test("an encoded state survives URLSearchParams unchanged (no escaping needed)", () => {
    fc.assert(fc.property(stateArb, (state) => {
      const text = encodeEstimate(state);
      expect(new URLSearchParams({ estimate: text }).toString()).toBe(`estimate=${text}`);
    }));
  });

  test("property: every state round-trips, with and without the price list", () => {
    fc.assert(fc.property(stateArb, (state) => {
      const text = encodeEstimate(state);
      expect(decodeEstimate(text)).toEqual({ ok: true, state });
      expect(decodeEstimate(text, priceList)).toEqual({ ok: true, state });
      const url = new URL(`https://example.org/?${new URLSearchParams({ estimate: text })}`);
      expect(decodeEstimate(url.searchParams.get("estimate") ?? "", priceList)).toEqual({ ok: true, state });
    }));
  });

  test("the version of another price list is kept, so the page can say the link is from another list", () => {
    const r = decodeEstimate("2016-01-31_4_s.standard.1", priceList);
    expect(r).toEqual({ ok: true, state: { version: "2016-01-31", startMonth: 4, lines: [{ kind: "subscription", item: "standard", quantity: 1 }] } });
  });

  test.each([
    ["", "empty"],
    ["   ", "empty"],
    ["garbage", "badVersion"],
    ["2017-02-30_4", "badVersion"],
    ["2017-08-24", "badMonth"],
    ["2017-08-24_0", "badMonth"],
    ["2017-08-24_13", "badMonth"],
    ["2017-08-24_04", "badMonth"],
    ["2017-08-24_4_x.standard.1", "badKind"],
    ["2017-08-24_4_s.Standard.1", "badItem"],
    ["2017-08-24_4_s..1", "badItem"],
    ["2017-08-24_4_s.standard", "malformed"],
    ["2017-08-24_4_s.standard.1.5", "malformed"],
    ["2017-08-24_4_r.recording.4", "malformed"],
    ["2017-08-24_4_s.standard.10001", "badNumber"],
    ["2017-08-24_4_s.standard.-1", "badNumber"],
    ["2017-08-24_4_s.standard.01", "badNumber"],
    ["2017-08-24_4_s.standard.1e3", "badNumber"],
    ["2017-08-24_4_s.standard.", "badNumber"],
    ["2017-08-24_4_s.standard.1_s.standard.2", "duplicateItem"],
    [`2017-08-24_4${"_s.a.1".repeat(51)}`, "tooManyLines"],
    ["2017-08-24_4_s.teleportation.1", "unknownItem"],
    ["2017-08-24_4_h.standard.1", "kindMismatch"],
    ["2017-08-24_4_s.training.1", "kindMismatch"],
    ["0000_2017-08-24_4_s.standard.1", "damaged"],
    ["abcd", "damaged"],
  ])("%j is refused: %s", (text, code) => {
    const r = decodeEstimate(text, priceList);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(0);
    }
  });

  test("without the price list, an unknown item passes the form check; pricing then refuses it", () => {
    expect(decodeEstimate("2017-08-24_4_s.teleportation.1").ok).toBe(true);
  });

  test("property: random text never decodes into an estimate with out-of-range numbers", () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const r = decodeEstimate(text);
      if (r.ok) {
        for (const line of r.state.lines) {
          const values = line.kind === "subscription" ? [line.quantity] : line.kind === "recording" ? [line.sessions, line.minutes] : [line.hours];
          for (const v of values) expect(Number.isInteger(v) && v >= 0 && v <= MAX_QUANTITY).toBe(true);
        }
      }
    }));
  });
});
