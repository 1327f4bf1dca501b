/** @module analysis/coverage-gaps — coordinates no technology or recorded stack reaches. */
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import type { Kb } from "../kb/kb.js";

export interface CoverageGaps {
  /** Levels no technology holds, per dimension. */
  readonly emptyLevels: readonly { readonly dimension: string; readonly level: string }[];
  /**
   * For each pair of single-valued slot dimensions (D × X, D × Z, X × Z): the cells no recorded stack
   * reaches, and of those, the cells no stack could reach (a level with no technology).
   */
  readonly pairs: readonly {
    readonly dimensions: readonly [string, string];
    readonly cells: number;
    readonly unrecorded: readonly (readonly [string, string])[];
    readonly unreachable: readonly (readonly [string, string])[];
  }[];
}

/**
 * Gaps of the network: empty levels, and cells of every pair of the dimensions a stack's slots place
 * (ordinal dimensions whose value comes from one part) that no recorded stack reaches.
 * @example coverageGaps(kb).pairs.find((p) => p.dimensions.join() === "D,X")?.unrecorded
 */
export function coverageGaps(kb: Kb): CoverageGaps {
  const emptyLevels: { dimension: string; level: string }[] = [];
  for (const [dim, row] of Object.entries(kb.counts.perLevel))
    for (const [level, n] of Object.entries(row)) if (n === 0) emptyLevels.push({ dimension: dim, level });
  const dims = [...kb.dimensions.values()]
    .filter((d) => d.stackRule.from === "slot" && d.kind === "ordinal" && d.levels.length > 0)
    .sort((a, b) => a.tupleIndex - b.tupleIndex);
  const records = recordedStacks(kb);
  const empty = new Set(emptyLevels.map((e) => `${e.dimension}:${e.level}`));
  const pairs: CoverageGaps["pairs"][number][] = [];
  for (let i = 0; i < dims.length; i++)
    for (let j = i + 1; j < dims.length; j++) {
      const a = dims[i]!;
      const b = dims[j]!;
      const seen = new Set<string>();
      for (const r of records) {
        const va = r.coordinate[a.key];
        const vb = r.coordinate[b.key];
        const la = typeof va === "number" ? a.levelByValue.get(va)?.code : undefined;
        const lb = typeof vb === "number" ? b.levelByValue.get(vb)?.code : undefined;
        if (la && lb) seen.add(`${la}|${lb}`);
      }
      const unrecorded: (readonly [string, string])[] = [];
      const unreachable: (readonly [string, string])[] = [];
      for (const la of a.levels)
        for (const lb of b.levels) {
          if (seen.has(`${la.code}|${lb.code}`)) continue;
          unrecorded.push([la.code, lb.code]);
          if (empty.has(`${a.key}:${la.code}`) || empty.has(`${b.key}:${lb.code}`))
            unreachable.push([la.code, lb.code]);
        }
      pairs.push({ dimensions: [a.key, b.key], cells: a.levels.length * b.levels.length, unrecorded, unreachable });
    }
  return { emptyLevels, pairs };
}
