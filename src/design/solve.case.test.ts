// The contract every design solver keeps, run against the exact solver and the heuristic; the exact
// one must also match the brute-force reference.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomSpace } from "./_random-system.js";
import { compareCost, costOf, type Solver } from "./design-space.js";
import { solveBrute } from "./solve-brute.js";

// biome-ignore lint/suspicious/noExportsInTest: a shared contract suite (house style: `*.case.test.ts` exports `run…({ create })`)
export interface SolverContractOptions {
  readonly name: string;
  readonly create: () => Solver;
  /** Whether the solver must match the brute-force optimum (the exact one), or only never beat it. */
  readonly exact: boolean;
}

const arbSpace = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    shared: fc.integer({ min: 1, max: 4 }),
    classes: fc.integer({ min: 1, max: 5 }),
    runtimes: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ seed, ...size }) => randomSpace(seed, size));

/** The contract: a valid assignment, its cost as stated, every class with an option served, optimal if exact. */
// biome-ignore lint/suspicious/noExportsInTest: a shared contract suite run against both solvers
export function runSolverContract({ name, create, exact }: SolverContractOptions): void {
  describe(`design solver contract: ${name}`, () => {
    const solve = create();

    it("returns a valid assignment whose cost is what it says", () => {
      fc.assert(
        fc.property(arbSpace, (space) => {
          const sol = solve(space)!;
          expect(sol).toBeDefined();
          const options = space.classes.map((_, c) => space.options(sol.shared, c));
          sol.choice.forEach((k, i) => {
            if (k === null) expect(options[i]).toHaveLength(0);
            else expect(k).toBeLessThan(options[i]!.length);
          });
          expect(compareCost(costOf(space, sol.shared, options, sol.choice), sol.cost)).toBe(0);
        }),
        { numRuns: 150 },
      );
    });

    it(exact ? "finds the brute-force optimum" : "never beats the brute-force optimum", () => {
      fc.assert(
        fc.property(arbSpace, (space) => {
          const best = solveBrute(space)!;
          const sol = solve(space)!;
          const c = compareCost(sol.cost, best.cost);
          if (exact) expect(c).toBe(0);
          else expect(c).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 200 },
      );
    });

    it("answers nothing for a space without shared choices", () => {
      expect(solve({ classes: [{ key: "c", workloads: 1, pods: 1 }], shared: [], options: () => [] })).toBeUndefined();
    });
  });
}

describe("design solver contract module", () => {
  it("exports runSolverContract", () => {
    expect(typeof runSolverContract).toBe("function");
  });
});
