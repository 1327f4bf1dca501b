/** @module design/solve-exact — the optimal design: every shared choice its bound admits, branch and bound over the classes' runtimes. */
import {
  compareCost,
  type DesignCost,
  type DesignSolution,
  type DesignSpace,
  type RuntimeOption,
} from "./design-space.js";
import { assignGreedy, searchShared } from "./solve-heuristic.js";

/** Drops options another option of the class dominates: no more parts, unverified or overhead, no less score. */
function undominated(options: readonly RuntimeOption[]): number[] {
  const keep: number[] = [];
  const sets = options.map((o) => new Set(o.parts));
  const dominates = (a: number, b: number) => {
    const x = options[a]!;
    const y = options[b]!;
    if (x.unverified > y.unverified || x.overhead > y.overhead + 1e-9 || x.score < y.score - 1e-9) return false;
    for (const p of x.parts) if (!sets[b]!.has(p)) return false;
    return true;
  };
  for (let b = 0; b < options.length; b++) {
    let dominated = false;
    for (let a = 0; a < options.length && !dominated; a++) {
      if (a === b || !dominates(a, b)) continue;
      // Equal options: keep the first.
      dominated = !dominates(b, a) || a < b;
    }
    if (!dominated) keep.push(b);
  }
  return keep;
}

/**
 * The exact design. Shared choices are visited in bound order and skipped once their bound (unmet,
 * unverified, parts) is worse than the best design so far. On each, the greedy assignment is the
 * incumbent; then a depth-first search over the classes (fewest options first, dominated options
 * dropped) with a componentwise lower bound — parts so far, overhead and unverified so far plus each
 * remaining class's least, score so far plus each remaining class's most — cut whenever the bound is
 * no better than the incumbent. Returns a design of minimal cost; ties go to the first found.
 * @example solveExact(space)?.cost.parts
 */
export function solveExact(space: DesignSpace): DesignSolution | undefined {
  const n = space.classes.length;
  return searchShared(space, "exact", (s, options) => {
    const greedy = assignGreedy(space, s, options);
    let nodes = greedy.nodes;
    let local = { choice: greedy.choice, cost: greedy.cost };
    let unmet = 0;
    const order: number[] = [];
    const kept: number[][] = [];
    for (let i = 0; i < n; i++) {
      kept[i] = undominated(options[i]!);
      if (kept[i]!.length === 0) unmet += space.classes[i]!.workloads;
      else order.push(i);
    }
    order.sort((a, b) => kept[a]!.length - kept[b]!.length || a - b);
    const cls = (i: number) => space.classes[i]!;
    // Suffix sums of each remaining class's best possible figures.
    const m = order.length;
    const remUnv = new Array<number>(m + 1).fill(0);
    const remOv = new Array<number>(m + 1).fill(0);
    const remScore = new Array<number>(m + 1).fill(0);
    for (let j = m - 1; j >= 0; j--) {
      const i = order[j]!;
      const os = kept[i]!.map((k) => options[i]![k]!);
      remUnv[j] = remUnv[j + 1]! + Math.min(...os.map((o) => o.unverified)) * cls(i).workloads;
      remOv[j] = remOv[j + 1]! + Math.min(...os.map((o) => o.overhead)) * cls(i).pods;
      remScore[j] = remScore[j + 1]! + Math.max(...os.map((o) => o.score)) * cls(i).workloads;
    }
    const refs = new Map<string, number>();
    for (const p of space.shared[s]!.ids) refs.set(p, (refs.get(p) ?? 0) + 1);
    const choice: (number | null)[] = new Array(n).fill(null);
    const walk = (j: number, unv: number, ov: number, score: number): void => {
      nodes++;
      const bound: DesignCost = {
        unmet,
        unverified: unv + remUnv[j]!,
        parts: refs.size,
        overhead: ov + remOv[j]!,
        score: score + remScore[j]!,
      };
      if (compareCost(bound, local.cost) >= 0) return;
      if (j === m) {
        local = { choice: [...choice], cost: bound };
        return;
      }
      const i = order[j]!;
      const c = cls(i);
      // Options that add no new part first: they keep the bound tight.
      const ks = [...kept[i]!].sort((a, b) => {
        const fa = options[i]![a]!.parts.filter((p) => !refs.has(p)).length;
        const fb = options[i]![b]!.parts.filter((p) => !refs.has(p)).length;
        return fa - fb || a - b;
      });
      for (const k of ks) {
        const o = options[i]![k]!;
        for (const p of o.parts) refs.set(p, (refs.get(p) ?? 0) + 1);
        choice[i] = k;
        walk(j + 1, unv + o.unverified * c.workloads, ov + o.overhead * c.pods, score + o.score * c.workloads);
        choice[i] = null;
        for (const p of o.parts) {
          const r = refs.get(p)! - 1;
          if (r === 0) refs.delete(p);
          else refs.set(p, r);
        }
      }
    };
    walk(0, 0, 0, 0);
    return { choice: local.choice, cost: local.cost, nodes };
  });
}
