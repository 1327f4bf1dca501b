/** @module design/design-space — the combinatorial problem under a design: shared choices, per-class runtime options, and the cost to minimise. */

/** A runtime a workload class can run on under one shared choice, with what it brings. */
export interface RuntimeOption {
  readonly runtime: string;
  /** Every part of the completed stack (shared parts included): the platform is their union. */
  readonly parts: readonly string[];
  /** Per-pod overhead (MiB), multiplied by the class's pods. */
  readonly overhead: number;
  /** The recommend score of the stack (higher is better), multiplied by the class's workloads. */
  readonly score: number;
  /** `must` checks no evidence decides, per workload. */
  readonly unverified: number;
}

/** The orchestrator, policy and observability every workload shares, and a lower bound of any design on it. */
export interface SharedChoice {
  readonly key: string;
  readonly ids: readonly string[];
  /** Valid per component: any design on this choice has at least these. */
  readonly bound: { readonly unmet: number; readonly unverified: number; readonly parts: number };
}

/** Workloads with the same requirements: one decision for them all. */
export interface WorkloadClass {
  readonly key: string;
  readonly workloads: number;
  readonly pods: number;
}

/**
 * A design problem: pick one shared choice and, per class, one of its options (or leave it unmet when
 * it has none) to minimise {@link DesignCost}. `options` may be expensive; solvers call it lazily.
 */
export interface DesignSpace {
  readonly classes: readonly WorkloadClass[];
  readonly shared: readonly SharedChoice[];
  options(shared: number, cls: number): readonly RuntimeOption[];
}

/** Lexicographic: unmet workloads, unverified checks, distinct parts, overhead, then −score. */
export interface DesignCost {
  readonly unmet: number;
  readonly unverified: number;
  readonly parts: number;
  readonly overhead: number;
  readonly score: number;
}

/** A solution: the shared choice and, per class, the index of its option (null: unmet). */
export interface DesignSolution {
  readonly shared: number;
  readonly choice: readonly (number | null)[];
  readonly cost: DesignCost;
  readonly stats: SolveStats;
}

export interface SolveStats {
  readonly solver: "exact" | "heuristic" | "brute";
  /** Shared choices whose options were computed. */
  readonly sharedExplored: number;
  readonly sharedPruned: number;
  /** Assignments (complete or partial) examined. */
  readonly nodes: number;
}

export type Solver = (space: DesignSpace) => DesignSolution | undefined;

const EPS = 1e-6;

/** Compares two costs (negative: `a` is better). */
export function compareCost(a: DesignCost, b: DesignCost): number {
  if (a.unmet !== b.unmet) return a.unmet - b.unmet;
  if (a.unverified !== b.unverified) return a.unverified - b.unverified;
  if (a.parts !== b.parts) return a.parts - b.parts;
  if (Math.abs(a.overhead - b.overhead) > EPS) return a.overhead - b.overhead;
  if (Math.abs(a.score - b.score) > EPS) return b.score - a.score;
  return 0;
}

/** Whether a shared choice's bound is already worse than `best` (so nothing on it can win). */
export function boundWorse(bound: SharedChoice["bound"], best: DesignCost): boolean {
  if (bound.unmet !== best.unmet) return bound.unmet > best.unmet;
  if (bound.unverified !== best.unverified) return bound.unverified > best.unverified;
  return bound.parts > best.parts;
}

/** Shared choices in the order solvers visit them: most promising bound first, then key. */
export function sharedOrder(space: DesignSpace): number[] {
  return space.shared
    .map((_, i) => i)
    .sort((a, b) => {
      const x = space.shared[a]!.bound;
      const y = space.shared[b]!.bound;
      return (
        x.unmet - y.unmet ||
        x.unverified - y.unverified ||
        x.parts - y.parts ||
        (space.shared[a]!.key < space.shared[b]!.key ? -1 : 1)
      );
    });
}

/** The cost of an assignment on a shared choice. */
export function costOf(
  space: DesignSpace,
  shared: number,
  options: readonly (readonly RuntimeOption[])[],
  choice: readonly (number | null)[],
): DesignCost {
  let unmet = 0;
  let unverified = 0;
  let overhead = 0;
  let score = 0;
  const parts = new Set<string>(space.shared[shared]!.ids);
  choice.forEach((c, i) => {
    const cls = space.classes[i]!;
    if (c === null) {
      unmet += cls.workloads;
      return;
    }
    const o = options[i]![c]!;
    unverified += o.unverified * cls.workloads;
    overhead += o.overhead * cls.pods;
    score += o.score * cls.workloads;
    for (const p of o.parts) parts.add(p);
  });
  return { unmet, unverified, parts: parts.size, overhead, score };
}
