/** @module design/solve-heuristic — greedy set cover of the classes by runtimes, then local search; for systems beyond the exact solver's size. */
import {
  boundWorse,
  compareCost,
  costOf,
  type DesignCost,
  type DesignSolution,
  type DesignSpace,
  type RuntimeOption,
  sharedOrder,
} from "./design-space.js";

/** Local-search passes over the classes (each pass tries every option of every class). */
const MAX_PASSES = 20;

/**
 * One shared choice's assignment, heuristically. Greedy: repeatedly takes the runtime that serves
 * the most still-unassigned classes per part it adds to the platform (ties: less overhead, higher
 * score, id), each served class taking its cheapest option on that runtime. Then local search until
 * nothing improves: move one class to another option; retire a runtime by moving all its classes to
 * runtimes already in use; replace a runtime by another for all its classes.
 * @example assignGreedy(space, 0, options).cost.parts
 */
export function assignGreedy(
  space: DesignSpace,
  shared: number,
  options: readonly (readonly RuntimeOption[])[],
): SharedAssignment {
  const n = space.classes.length;
  const choice: (number | null)[] = new Array(n).fill(null);
  const union = new Set<string>(space.shared[shared]!.ids);
  const open = new Set<number>();
  for (let i = 0; i < n; i++) if (options[i]!.length > 0) open.add(i);
  let nodes = 0;
  while (open.size > 0) {
    const runtimes = new Set<string>();
    for (const i of open) for (const o of options[i]!) runtimes.add(o.runtime);
    let pick: { r: string; per: number; overhead: number; score: number; take: [number, number][] } | undefined;
    for (const r of [...runtimes].sort()) {
      const take: [number, number][] = [];
      const added = new Set<string>();
      let overhead = 0;
      let score = 0;
      for (const i of open) {
        let bestK = -1;
        let bestNew = Number.POSITIVE_INFINITY;
        let bestOv = Number.POSITIVE_INFINITY;
        options[i]!.forEach((o, k) => {
          if (o.runtime !== r) return;
          const fresh = o.parts.filter((p) => !union.has(p)).length;
          const ov = o.overhead * space.classes[i]!.pods;
          if (fresh < bestNew || (fresh === bestNew && ov < bestOv)) {
            bestK = k;
            bestNew = fresh;
            bestOv = ov;
          }
        });
        if (bestK < 0) continue;
        take.push([i, bestK]);
        const o = options[i]![bestK]!;
        for (const p of o.parts) if (!union.has(p)) added.add(p);
        overhead += bestOv;
        score += o.score * space.classes[i]!.workloads;
      }
      nodes++;
      const per = added.size / take.length;
      const better =
        !pick ||
        per < pick.per - 1e-9 ||
        (Math.abs(per - pick.per) <= 1e-9 &&
          (overhead < pick.overhead - 1e-6 ||
            (Math.abs(overhead - pick.overhead) <= 1e-6 && score > pick.score + 1e-9)));
      if (better) pick = { r, per, overhead, score, take };
    }
    if (!pick) break;
    for (const [i, k] of pick.take) {
      choice[i] = k;
      open.delete(i);
      for (const p of options[i]![k]!.parts) union.add(p);
    }
  }
  let cost = costOf(space, shared, options, choice);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < options[i]!.length; k++) {
        if (choice[i] === k) continue;
        const prev = choice[i]!;
        choice[i] = k;
        nodes++;
        const c = costOf(space, shared, options, choice);
        if (compareCost(c, cost) < 0) {
          cost = c;
          improved = true;
        } else choice[i] = prev;
      }
    }
    // Moves every class on runtime `r` to the option `to` names (-1: it has none, and the move fails);
    // the move is kept when it lowers the cost.
    const moveClasses = (r: string, to: (trial: (number | null)[], i: number) => number): boolean => {
      const trial = [...choice];
      nodes++;
      for (let i = 0; i < n; i++) {
        const c = trial[i];
        if (c === null || c === undefined || options[i]![c]!.runtime !== r) continue;
        const k = to(trial, i);
        if (k < 0) return false;
        trial[i] = k;
      }
      const tc = costOf(space, shared, options, trial);
      if (compareCost(tc, cost) >= 0) return false;
      for (let i = 0; i < n; i++) choice[i] = trial[i]!;
      cost = tc;
      improved = true;
      return true;
    };
    // Retire a runtime: each class on `r` moves to its cheapest option on a runtime already in use.
    const inUse = new Set(choice.flatMap((c, i) => (c === null ? [] : [options[i]![c]!.runtime])));
    for (const r of [...inUse].sort()) {
      moveClasses(r, (trial, i) => {
        let bestK = -1;
        let bestCost: DesignCost | undefined;
        options[i]!.forEach((o, k) => {
          if (o.runtime === r || !inUse.has(o.runtime)) return;
          trial[i] = k;
          const tc = costOf(space, shared, options, trial);
          if (!bestCost || compareCost(tc, bestCost) < 0) {
            bestCost = tc;
            bestK = k;
          }
        });
        return bestK;
      });
    }
    // Replace a runtime: every class on `r` moves to `r2` (in use or not) where it has an option there.
    const all = new Set(options.flatMap((os) => os.map((o) => o.runtime)));
    for (const r of [...inUse].sort()) {
      for (const r2 of [...all].sort()) {
        if (r2 !== r && moveClasses(r, (_, i) => options[i]!.findIndex((o) => o.runtime === r2))) break;
      }
    }
    if (!improved) break;
  }
  return { choice, cost, nodes };
}

/**
 * The heuristic design: shared choices in bound order, each skipped once its bound is worse than the
 * best design so far, each assigned with {@link assignGreedy}. Polynomial in the classes; its gap to
 * the exact design is measured in the tests.
 * @example solveHeuristic(space)?.cost
 */
export function solveHeuristic(space: DesignSpace): DesignSolution | undefined {
  return searchShared(space, "heuristic", (s, options) => assignGreedy(space, s, options));
}

/** One shared choice's assignment of every class, and the search nodes it visited. */
export interface SharedAssignment {
  readonly choice: (number | null)[];
  readonly cost: DesignCost;
  readonly nodes: number;
}

/**
 * The loop both solvers share: the shared choices in bound order, each skipped once its bound is worse
 * than the best design so far, the others assigned by `assign`; the best design, with the search's counts.
 * @example searchShared(space, "heuristic", (s, options) => assignGreedy(space, s, options))
 */
export function searchShared(
  space: DesignSpace,
  solver: "exact" | "heuristic",
  assign: (shared: number, options: readonly (readonly RuntimeOption[])[]) => SharedAssignment,
): DesignSolution | undefined {
  let best: { shared: number; choice: (number | null)[]; cost: DesignCost } | undefined;
  let explored = 0;
  let pruned = 0;
  let nodes = 0;
  for (const s of sharedOrder(space)) {
    if (best && boundWorse(space.shared[s]!.bound, best.cost)) {
      pruned++;
      continue;
    }
    explored++;
    const options = space.classes.map((_, c) => space.options(s, c));
    const a = assign(s, options);
    nodes += a.nodes;
    if (!best || compareCost(a.cost, best.cost) < 0) best = { shared: s, choice: a.choice, cost: a.cost };
  }
  return best && { ...best, stats: { solver, sharedExplored: explored, sharedPruned: pruned, nodes } };
}
