import { describe, expect, it } from "vitest";
import { tupleDimensions } from "../coordinate/coordinate.js";
import { loadKb } from "../kb/load-kb.js";
import { NOMINAL_COVERAGE } from "./_forecast-calibration.js";
import { scenarioHistories } from "./_scenario-histories.js";
import { backtestScenarios } from "./backtest-scenarios.js";
import { forecastScenario } from "./forecast-scenario.js";

const kb = loadKb();

describe("forecastScenario (the seed's predict_evolution)", () => {
  const f = forecastScenario(kb, "边缘计算", { from: 2025, years: 5 });

  it("for every scenario, the forecast for the year of its latest record is that record", () => {
    const histories = scenarioHistories(kb);
    expect(histories.size).toBeGreaterThan(5);
    for (const [id, h] of histories) {
      const latest = Math.max(...h.observed);
      const record = h.years.find((y) => y.year === latest)!.coordinate;
      for (const options of [{ from: latest }, {}]) {
        const first = forecastScenario(kb, id, { ...options, years: 1 }).years[0]!;
        expect(first.year).toBe(latest);
        expect(first.actual?.text).toBe(first.coordinate.text);
        for (const [key, value] of Object.entries(record)) {
          const got = first.coordinate[key];
          expect(Array.isArray(value) ? [...(got as string[])].sort() : got).toEqual(
            Array.isArray(value) ? [...value].sort() : value,
          );
        }
      }
    }
  });

  it("starts from the latest record by `from`, never contradicting it", () => {
    expect(f.anchor.year).toBe(2025);
    expect(f.years[0]!.coordinate.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    expect(f.years[0]!.actual?.text).toBe(f.years[0]!.coordinate.text);
    // A start between records begins from the record before it.
    const g = forecastScenario(kb, "edge", { from: 2024, years: 1 });
    expect(g.anchor.year).toBe(2023);
    expect(g.years[0]!.horizon).toBe(1);
    expect(g.years[0]!.coordinate.X).toBe(2);
  });

  it("never prints an interval over a dimension's whole scale: it says no signal instead", () => {
    const scales = new Map(tupleDimensions(kb).map((d) => [d.key, d.levels.map((l) => l.value)]));
    for (const id of scenarioHistories(kb).keys()) {
      for (const y of forecastScenario(kb, id, { years: 12 }).years) {
        for (const [key, d] of Object.entries(y.dimensions)) {
          if (d.low === null || d.high === null) continue;
          const values = scales.get(key)!;
          const whole = d.low <= Math.min(...values) && d.high >= Math.max(...values) && values.length > 1;
          expect(whole, `${id} ${y.year} ${key}`).toBe(false);
          expect(d.noSignal).toBe(false);
        }
      }
    }
    // Far enough ahead the history says nothing on some dimension.
    const far = forecastScenario(kb, "edge", { years: 12 }).years.at(-1)!;
    expect(Object.values(far.dimensions).some((d) => d.noSignal)).toBe(true);
  });

  it("gives each observability signal its own probability", () => {
    const o = f.years[2]!.dimensions.O!;
    expect(o.method).toBe("signals");
    expect(o.signals?.map((s) => s.code)).toEqual(["O1", "O2", "O3", "O4", "O5"]);
    for (const s of o.signals ?? []) {
      expect(s.probability).toBeGreaterThan(0);
      expect(s.probability).toBeLessThan(1);
    }
    expect(o.signals?.find((s) => s.code === "O2")?.recorded).toBe(true);
    // The anchor year is certain.
    expect(f.years[0]!.dimensions.O!.signals?.find((s) => s.code === "O2")?.probability).toBe(1);
  });

  it("names drivers in the recorded stacks and leading indicators, each with dated, sourced evidence", () => {
    const d = f.drivers.find((x) => x.dimension === "D" && x.role === "driver" && x.technology === "wasmedge");
    expect(d?.evidence.some((e) => e.kind === "cncf")).toBe(true);
    const watch = f.drivers.filter((x) => x.role === "watch");
    expect(watch.length).toBeGreaterThan(0);
    for (const w of watch) expect(w.evidence.some((e) => e.kind === "adoption")).toBe(true);
    // Nothing dated after the start is used.
    const early = forecastScenario(kb, "edge", { from: 2020, years: 1 });
    for (const x of early.drivers)
      for (const e of x.evidence) {
        if (e.kind === "adoption") expect(e.latest.year).toBeLessThanOrEqual(2020);
        if (e.kind === "release") expect(e.year).toBeLessThanOrEqual(2020);
        if (e.kind === "cncf") expect(Number(e.date.slice(0, 4))).toBeLessThanOrEqual(2020);
      }
  });

  it("each confidence is the backtest's measured coverage in that horizon's bucket", () => {
    const bt = backtestScenarios(kb);
    const row = bt.byDimension.D!.find((x) => x.horizon.from === 1)!;
    expect(f.years[1]!.dimensions.D!.confidence).toBe(row.coverage);
    expect(bt.nominal).toBe(NOMINAL_COVERAGE);
  });

  it("rejects an unknown scenario and a start before any record", () => {
    expect(() => forecastScenario(kb, "edgy-computing")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => forecastScenario(kb, "edge", { from: 2010 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => forecastScenario(kb, "edge", { years: 51 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("backtestScenarios", () => {
  const bt = backtestScenarios(kb);

  it("reports coverage per dimension and horizon, counting the forecasts that said no signal", () => {
    for (const key of ["D", "X", "Z", "A"]) {
      const rows = bt.byDimension[key]!;
      expect(rows.length).toBeGreaterThan(1);
      for (const r of rows) {
        expect(r.withSignal).toBeLessThanOrEqual(r.count);
        if (r.withSignal > 0) {
          expect(r.coverage).toBeGreaterThanOrEqual(0);
          expect(r.coverage).toBeLessThanOrEqual(1);
        } else expect(Number.isNaN(r.coverage)).toBe(true);
      }
    }
    expect(bt.byDimension.T).toBeUndefined();
  });

  it("scores the signal probabilities beside persistence and the base rate", () => {
    const o = bt.signals.O!;
    expect(o.length).toBeGreaterThan(1);
    // At one year ahead the probabilities beat persistence.
    expect(o[0]!.brier).toBeLessThan(o[0]!.persistence);
  });
});
