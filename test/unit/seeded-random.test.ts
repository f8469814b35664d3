import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { seededRandom } from "../../src/lib/seeded-random.ts";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed (the example files and benchmarks depend on it)", () => {
    const first = seededRandom(2026);
    expect(first()).toBeCloseTo(0.45540769933722913, 15);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 20; i++) expect(a()).toBe(b());
      }),
    );
  });
  it("stays in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const next = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const value = next();
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
      }),
    );
  });
});
