/** @module analysis/dimension-correlations — how the numeric dimensions move together across recorded stacks. */
import { sampleCorrelation } from "simple-statistics";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import type { Kb } from "../kb/kb.js";

export interface DimensionCorrelation {
  readonly a: string;
  readonly b: string;
  /** Pearson's r over the recorded stacks that have both values. */
  readonly r: number;
  readonly n: number;
}

/**
 * Pearson correlations between every pair of numeric dimensions (levels and the year) over the recorded
 * stacks; pairs with fewer than 3 stacks or no variance are left out.
 * @example dimensionCorrelations(kb).find((c) => c.a === "D" && c.b === "T")?.r
 */
export function dimensionCorrelations(kb: Kb): DimensionCorrelation[] {
  const keys = [...kb.dimensions.values()]
    .filter((d) => d.kind === "ordinal" || d.kind === "year")
    .sort((a, b) => a.tupleIndex - b.tupleIndex)
    .map((d) => d.key);
  const records = recordedStacks(kb);
  const out: DimensionCorrelation[] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const r of records) {
        const x = r.coordinate[keys[i]!];
        const y = r.coordinate[keys[j]!];
        if (typeof x === "number" && typeof y === "number") {
          xs.push(x);
          ys.push(y);
        }
      }
      if (xs.length < 3 || new Set(xs).size < 2 || new Set(ys).size < 2) continue;
      out.push({ a: keys[i]!, b: keys[j]!, r: Math.round(sampleCorrelation(xs, ys) * 1000) / 1000, n: xs.length });
    }
  return out.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
}
