/** @module seeded-random — a small seeded PRNG (mulberry32): the same seed gives the same sequence. */

/**
 * A generator of numbers in [0, 1) from a seed: for results that must repeat run to run (community
 * detection, synthetic knowledge bases, model fits, random test systems).
 * @example const rnd = seededRandom(7); rnd() // always the same first number for seed 7
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
