import { describe, expect, it } from "vitest";
import { randomSpace } from "./_random-system.js";
import { compareCost } from "./design-space.js";
import { runSolverContract } from "./solve.case.test.js";
import { solveBrute } from "./solve-brute.js";
import { solveHeuristic } from "./solve-heuristic.js";

runSolverContract({ name: "heuristic", create: () => solveHeuristic, exact: false });

describe("the heuristic's gap to the optimum", () => {
  it("on 300 random spaces: optimal on ≥ 90 %, never more than one part over", () => {
    let worse = 0;
    let partsOver = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const space = randomSpace(seed, { shared: 4, classes: 5, runtimes: 4 });
      const best = solveBrute(space)!;
      const h = solveHeuristic(space)!;
      if (compareCost(h.cost, best.cost) > 0) worse++;
      partsOver = Math.max(partsOver, h.cost.parts - best.cost.parts);
      expect(h.cost.unmet).toBe(best.cost.unmet);
    }
    expect(worse / 300).toBeLessThanOrEqual(0.1);
    expect(partsOver).toBeLessThanOrEqual(1);
  });
});
