/** @module design/_random-system — seeded random systems on the real vocabulary and random abstract design spaces, for the solver tests and the gap measurement. */
import type { Must } from "../model/requirements.js";
import type { System } from "../model/system.js";
import { seededRandom } from "../seeded-random.js";
import type { DesignSpace, RuntimeOption, SharedChoice } from "./design-space.js";

/** `must` fragments an architect writes, combined at random. */
const FRAGMENTS: readonly Must[] = [
  { untrustedCode: true },
  { gpu: true },
  { linuxCompatibility: "full" },
  { linuxCompatibility: "most" },
  { coldStartMs: { max: 10 } },
  { memoryMiB: { max: 64 } },
  { offline: true },
  { multiTenant: true },
  { policy: { atLeast: "Z2" } },
  { policy: { atLeast: "Z3" } },
  { observability: ["O1"] },
  { observability: ["O2"] },
];

/**
 * A seeded system of `size` workloads, each with zero to two `must` fragments and 1–50 pods.
 * @example randomSystem(1, 4).workloads.length // 4
 */
export function randomSystem(seed: number, size: number): System {
  const rnd = seededRandom(seed);
  const workloads = Array.from({ length: size }, (_, i) => {
    const must: Record<string, unknown> = {};
    const k = Math.floor(rnd() * 3);
    for (let j = 0; j < k; j++) Object.assign(must, FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)]);
    return { name: `w${i}`, replicas: 1 + Math.floor(rnd() * 50), must: must as Must };
  });
  return { name: `random-${seed}`, workloads };
}

/**
 * A seeded abstract design space: `shared` choices, `classes` classes, up to `runtimes` options each
 * (some empty), parts drawn from a small pool so that sharing matters.
 * @example randomSpace(1, { shared: 3, classes: 4, runtimes: 3 }).classes.length // 4
 */
export function randomSpace(
  seed: number,
  size: { readonly shared: number; readonly classes: number; readonly runtimes: number },
): DesignSpace {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pool = ["a", "b", "c", "d", "e", "f"];
  const classes = Array.from({ length: size.classes }, (_, i) => ({
    key: `c${i}`,
    workloads: 1 + int(3),
    pods: 1 + int(20),
  }));
  const shared: SharedChoice[] = [];
  const table: RuntimeOption[][][] = [];
  for (let s = 0; s < size.shared; s++) {
    const ids = [`o${int(2)}`, ...(rnd() < 0.5 ? [`p${int(2)}`] : [])];
    const rows: RuntimeOption[][] = classes.map(() => {
      const n = rnd() < 0.1 ? 0 : 1 + int(size.runtimes);
      const used = new Set<number>();
      const out: RuntimeOption[] = [];
      for (let k = 0; k < n; k++) {
        const r = int(size.runtimes + 1);
        if (used.has(r)) continue;
        used.add(r);
        const extra = pool.filter(() => rnd() < 0.25);
        out.push({
          runtime: `r${r}`,
          parts: [...new Set([...ids, `r${r}`, ...extra])].sort(),
          overhead: [3, 30, 160][int(3)]!,
          score: +rnd().toFixed(3),
          unverified: rnd() < 0.2 ? 1 : 0,
        });
      }
      return out;
    });
    table.push(rows);
    let unmet = 0;
    classes.forEach((c, i) => {
      if (rows[i]!.length === 0) unmet += c.workloads;
    });
    // A valid but loose bound, as the real one is: the ids, and the unmet the space makes certain.
    shared.push({ key: `s${s}`, ids: [...new Set(ids)], bound: { unmet, unverified: 0, parts: new Set(ids).size } });
  }
  return { classes, shared, options: (s, c) => table[s]![c]! };
}
