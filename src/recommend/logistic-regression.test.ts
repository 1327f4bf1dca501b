import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitLogistic } from "./logistic-regression.js";

describe("fitLogistic", () => {
  it("learns a separable direction", () => {
    const x = [
      [1, 0],
      [2, 0.5],
      [-1, 0],
      [-2, -0.3],
    ];
    const m = fitLogistic(x, [1, 1, 0, 0]);
    expect(m.coefficients[0]!).toBeGreaterThan(0.5);
    expect(m.loss).toBeLessThan(0.5);
  });

  it("is deterministic for a seed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 20 }),
        (rows) => {
          const x = rows.map(([v]) => [v]);
          const y = rows.map(([, b]) => (b ? 1 : 0));
          expect(fitLogistic(x, y, { seed: 3 })).toEqual(fitLogistic(x, y, { seed: 3 }));
        },
      ),
      { numRuns: 30 },
    );
  });
});
