/** @module design/solve-brute — the reference: every shared choice × every runtime per class. Slow by design. */
import { compareCost, costOf, type DesignSolution, type DesignSpace, type RuntimeOption } from "./design-space.js";

/**
 * Tries every assignment on every shared choice, no pruning: the exact and heuristic solvers are
 * measured against it on small spaces.
 * @example solveBrute(space)?.cost.parts
 */
export function solveBrute(space: DesignSpace): DesignSolution | undefined {
  let best: DesignSolution | undefined;
  let nodes = 0;
  for (let s = 0; s < space.shared.length; s++) {
    const options: (readonly RuntimeOption[])[] = space.classes.map((_, c) => space.options(s, c));
    const choice: (number | null)[] = options.map((o) => (o.length === 0 ? null : 0));
    const walk = (i: number): void => {
      if (i === choice.length) {
        nodes++;
        const cost = costOf(space, s, options, choice);
        if (!best || compareCost(cost, best.cost) < 0) {
          best = {
            shared: s,
            choice: [...choice],
            cost,
            stats: { solver: "brute", sharedExplored: 0, sharedPruned: 0, nodes: 0 },
          };
        }
        return;
      }
      const n = options[i]!.length;
      if (n === 0) {
        walk(i + 1);
        return;
      }
      for (let k = 0; k < n; k++) {
        choice[i] = k;
        walk(i + 1);
      }
    };
    walk(0);
  }
  return best && { ...best, stats: { solver: "brute", sharedExplored: space.shared.length, sharedPruned: 0, nodes } };
}
