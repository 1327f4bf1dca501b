import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitLogistic, predictLogistic } from "./fit-logistic.js";

describe("fitLogistic", () => {
  it("recovers the coefficients of data generated from a known model (large sample, no penalty)", () => {
    // y = 1 with probability σ(-1 + 2x), written out exactly: at each x, a share of ones equal to that probability.
    const rows: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i <= 20; i++) {
      const x = (i - 10) / 5;
      const p = 1 / (1 + Math.exp(-(-1 + 2 * x)));
      const ones = Math.round(p * 1000);
      for (let k = 0; k < 1000; k++) {
        rows.push([1, x]);
        ys.push(k < ones ? 1 : 0);
      }
    }
    const m = fitLogistic(rows, ys, { l2: 0 });
    expect(m.weights[0]).toBeCloseTo(-1, 1);
    expect(m.weights[1]).toBeCloseTo(2, 1);
  });

  it("is deterministic: the same rows give the same weights", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 40 }),
        (data) => {
          const rows = data.map(([x]) => [1, x]);
          const ys = data.map(([, y]) => (y ? 1 : 0));
          const a = fitLogistic(rows, ys);
          const b = fitLogistic(rows, ys);
          expect(a.weights).toEqual(b.weights);
          for (const r of rows) {
            const p = predictLogistic(a, r);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("refuses mismatched input", () => {
    expect(() => fitLogistic([[1]], [])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
