/**
 * A small deterministic pseudo-random generator (Mulberry32), for made-up data that must come out the same on every
 * run: the attainment report's example files, and the benchmarks' inputs. Not for anything secret.
 * @example const next = seededRandom(2026); next() // 0.4554… (always, for this seed); every call is in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
