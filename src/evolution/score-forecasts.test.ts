import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrationTable, scoreForecasts } from "./score-forecasts.js";

describe("scoreForecasts", () => {
  it("gives AUC 1 for a perfect ranking, 0 for a reversed one, 0.5 for ties", () => {
    const perfect = [
      { p: 0.9, outcome: 1 as const },
      { p: 0.8, outcome: 1 as const },
      { p: 0.2, outcome: 0 as const },
    ];
    expect(scoreForecasts(perfect).auc).toBe(1);
    expect(scoreForecasts(perfect.map((f) => ({ ...f, p: 1 - f.p }))).auc).toBe(0);
    expect(scoreForecasts(perfect.map((f) => ({ ...f, p: 0.7 }))).auc).toBe(0.5);
  });

  it("computes the Brier score as the mean squared error", () => {
    expect(
      scoreForecasts([
        { p: 0.9, outcome: 1 },
        { p: 0.2, outcome: 0 },
      ]).brier,
    ).toBeCloseTo((0.01 + 0.04) / 2, 12);
    expect(scoreForecasts([{ p: 0.7, outcome: 0 }]).brier).toBeCloseTo(0.49, 12);
  });

  it("law: AUC lies in [0, 1] and AUC(p) + AUC(1 − p) = 1", () => {
    fc.assert(
      fc.property(
        // Probabilities on a grid, so that 1 − p keeps distinct values distinct in floating point.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { minLength: 2, maxLength: 60 }),
        (data) => {
          const f = data.map(([k, y]) => ({ p: k / 100, outcome: (y ? 1 : 0) as 0 | 1 }));
          const a = scoreForecasts(f).auc;
          if (Number.isNaN(a)) return;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(a + scoreForecasts(f.map((x) => ({ ...x, p: 1 - x.p }))).auc).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});

describe("calibrationTable", () => {
  it("bins forecasts by probability, with the observed rate in each bin", () => {
    const t = calibrationTable([
      { p: 0.05, outcome: 0 },
      { p: 0.07, outcome: 1 },
      { p: 0.95, outcome: 1 },
      { p: 1, outcome: 1 },
    ]);
    expect(t.map((b) => [b.from, b.count, b.observed])).toEqual([
      [0, 2, 0.5],
      [0.9, 2, 1],
    ]);
  });
});
