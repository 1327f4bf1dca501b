import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { backtestScenarios, forecastScenario } from "./forecast-scenario.js";

const kb = loadKb();

describe("forecastScenario (the seed's predict_evolution)", () => {
  const f = forecastScenario(kb, "边缘计算", { from: 2025, years: 5 });

  it("returns six yearly coordinates, each with an interval per moving dimension and a measured confidence", () => {
    expect(f.scenario.id).toBe("edge");
    expect(f.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    for (const y of f.years) {
      expect(y.coordinate.T).toBe(y.year);
      expect(y.coordinate.S).toBe("edge");
      const d = y.dimensions.D!;
      expect(d.method).toBe("trend");
      expect(d.low as number).toBeLessThanOrEqual(d.value as number);
      expect(d.high as number).toBeGreaterThanOrEqual(d.value as number);
      expect(y.confidence).toBeGreaterThan(0);
      expect(y.confidence).toBeLessThanOrEqual(1);
    }
    // Not a constant: the confidences come from the backtest and differ by horizon.
    expect(new Set(f.years.map((y) => y.confidence)).size).toBeGreaterThan(1);
  });

  it("uses only history before `from`, and shows the recorded coordinate beside the forecast", () => {
    expect(f.history.to).toBe(2024);
    expect(f.years[0]!.actual?.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
  });

  it("widens the interval with the horizon", () => {
    for (const key of ["D", "X", "Z"]) {
      const spreads = f.years.map((y) => y.dimensions[key]!.spread);
      // The model's half-width grows as √horizon; the printed low–high is that interval clamped to the
      // dimension's levels around a drifting centre, so only the half-width is strictly monotone.
      for (let i = 1; i < spreads.length; i++) expect(spreads[i]!).toBeGreaterThan(spreads[i - 1]!);
      expect(spreads[5]! / spreads[0]!).toBeCloseTo(Math.sqrt(6), 9);
    }
  });

  it("each confidence is the backtest's measured coverage at that horizon", () => {
    const bt = backtestScenarios(kb);
    const d1 = bt.byDimension.D!.find((x) => x.horizon === 1)!;
    expect(f.years[0]!.dimensions.D!.confidence).toBe(d1.coverage);
    expect(bt.byHorizon[0]!.count).toBeGreaterThan(0);
  });

  it("rejects an unknown scenario and a start before any history", () => {
    expect(() => forecastScenario(kb, "edgy-computing")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => forecastScenario(kb, "edge", { from: 2010 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
