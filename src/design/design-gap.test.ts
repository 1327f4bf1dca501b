// The exact design against brute force on small real systems, and the heuristic's gap to the exact
// design on random real systems where both run (docs/design-choices.md reports the figures).
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { randomSystem } from "./_random-system.js";
import { buildDesignSpace } from "./build-design-space.js";
import { designPlatform } from "./design-platform.js";
import { compareCost } from "./design-space.js";
import { solveBrute } from "./solve-brute.js";
import { solveExact } from "./solve-exact.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));

describe("the exact design on the real knowledge base", () => {
  it("matches brute force over every shared choice × runtime on small random systems", () => {
    for (const seed of [3, 7, 11, 19]) {
      const system = { ...randomSystem(seed, 3), platform: { mustStayOn: "kubernetes" } };
      const built = buildDesignSpace(kb, system);
      const brute = solveBrute(built.space);
      const exact = solveExact(built.space);
      expect(brute && exact && compareCost(exact.cost, brute.cost)).toBe(0);
    }
  }, 120_000);
});

describe("the heuristic's gap on random real systems (3–6 workloads)", () => {
  it("same unmet, unverified and parts as the exact design; overhead never below it", () => {
    let worse = 0;
    let overGap = 0;
    const n = 16;
    for (let seed = 1; seed <= n; seed++) {
      const system = randomSystem(seed, 3 + (seed % 4));
      const e = designPlatform(kb, system, { solver: "exact" }).solver.cost!;
      const h = designPlatform(kb, system, { solver: "heuristic" }).solver.cost!;
      expect(compareCost(h, e)).toBeGreaterThanOrEqual(0);
      expect([h.unmet, h.unverified, h.parts]).toEqual([e.unmet, e.unverified, e.parts]);
      if (compareCost(h, e) > 0) {
        worse++;
        overGap += (h.overhead - e.overhead) / Math.max(1, e.overhead);
      }
    }
    // Measured when written: 3 of 16 worse (seeds 6, 14, 16), on overhead only: +122 %, +353 %, +69 %.
    expect(worse).toBeLessThanOrEqual(4);
    expect(worse === 0 ? 0 : overGap / worse).toBeLessThan(5);
  }, 300_000);
});
