import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedLandscapePath } from "../kb/import/default-landscape-path.js";
import { readLandscape } from "../kb/import/read-landscape.js";
import { loadKb } from "../kb/load-kb.js";
import { backtestProjects, SEED_CONSTANT } from "./backtest-projects.js";
import { fitProjectHazard } from "./fit-project-hazard.js";
import { type ProjectHistory, projectHistories, truncateHistories } from "./project-histories.js";

/**
 * Histories whose answer is known by construction: the two "Fast" projects accepted each year enter
 * at incubation and graduate exactly two years later; the "Slow" ones stay in the sandbox.
 */
function fixture(): ProjectHistory[] {
  const out: ProjectHistory[] = [];
  for (let y = 2010; y <= 2019; y++) {
    for (const k of [1, 2]) {
      const accepted = `${y}-0${k + 2}-15`;
      out.push({
        name: `fast-${y}-${k}`,
        category: "Fast",
        accepted,
        incubating: accepted,
        graduated: `${y + 2}-0${k + 2}-15`,
      });
      out.push({ name: `slow-${y}-${k}`, category: "Slow", accepted });
    }
  }
  return out;
}

describe("backtestProjects on a constructed history", () => {
  const bt = backtestProjects(fixture(), { cutoff: "2019-12-31", horizon: "2022-12-31" });

  it("ranks every Fast (incubating) project above every Slow (sandbox) one for graduation (AUC 1)", () => {
    // At the cutoff the Fast projects accepted in 2018 and 2019 are still incubating and graduate by 2022.
    expect(bt.byEvent.graduation.events).toBe(4);
    expect(bt.byEvent.graduation.model.auc).toBe(1);
    expect(bt.byEvent.graduation.model.brier).toBeLessThan(bt.byEvent.graduation.baseRate.brier);
  });

  it("scores the constant baseline at the seed's 0.7 and gives the documented JSON shape", () => {
    expect(bt.baselines.constant.p).toBe(SEED_CONSTANT);
    expect(bt.baselines.constant.auc).toBe(0.5);
    expect(Object.keys(bt)).toEqual(expect.arrayContaining(["model", "baselines", "calibration", "cutoff", "horizon"]));
    expect(bt.calibration.reduce((s, b) => s + b.count, 0)).toBe(bt.counts.forecasts);
  });

  it("rejects a cutoff after the horizon and malformed dates", () => {
    expect(() => backtestProjects(fixture(), { cutoff: "2023-01-01", horizon: "2022-12-31" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => backtestProjects(fixture(), { cutoff: "2021-02-30", horizon: "2022-12-31" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("the fit never sees data after the cutoff", () => {
  it("gives the same model on the full histories and on histories truncated at the cutoff", () => {
    const full = fixture();
    expect(fitProjectHazard(full, "2016-06-30")).toEqual(
      fitProjectHazard(truncateHistories(full, "2016-06-30"), "2016-06-30"),
    );
  });

  it("property: rewriting anything dated after the cutoff leaves the fitted model unchanged", () => {
    const cutoff = "2018-12-31";
    const date = fc
      .record({
        y: fc.integer({ min: 2012, max: 2025 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const future = fc
      .record({ y: fc.integer({ min: 2019, max: 2025 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => `${y}-${String(m).padStart(2, "0")}-01`);
    fc.assert(
      fc.property(fc.array(fc.tuple(date, fc.option(future), fc.option(future)), { maxLength: 12 }), (extra) => {
        const base = fixture();
        // Projects accepted after the cutoff, and later events added to projects known at it.
        const changed = [
          ...base.map((h, i) => {
            const e = extra[i % Math.max(1, extra.length)];
            return e?.[1] && !h.graduated ? { ...h, graduated: e[1] } : h;
          }),
          ...extra
            .filter(([a]) => a > cutoff)
            .map(([a, inc, arch], i) => ({
              name: `late-${i}`,
              category: "Fast",
              accepted: a,
              ...(inc && inc >= a ? { incubating: inc } : {}),
              ...(arch && arch >= a ? { archived: arch } : {}),
            })),
        ];
        expect(fitProjectHazard(changed, cutoff)).toEqual(fitProjectHazard(base, cutoff));
      }),
      { numRuns: 30 },
    );
  });
});

const _repo = resolve(import.meta.dirname, "../..");
// The snapshot that ships with the project (data/landscape/SOURCE.md).
const landscape = shippedLandscapePath();

describe("backtest on the real landscape, cutoff 2021-12-31, horizon 2025-12-31", () => {
  const histories = projectHistories(readLandscape(landscape), loadKb());
  const bt = backtestProjects(histories, { cutoff: "2021-12-31", horizon: "2025-12-31" });

  it("beats the base rate and the constant 0.7 on AUC and on Brier score (figures as measured)", () => {
    // Measured: model AUC 0.674, Brier 0.135; base rate AUC 0.578, Brier 0.154; constant AUC 0.5, Brier 0.419.
    expect(bt.counts).toEqual({ forecasts: 297, events: 53, projects: 118 });
    expect(bt.model.auc).toBeCloseTo(0.674, 3);
    expect(bt.model.brier).toBeCloseTo(0.135, 3);
    expect(bt.model.auc).toBeGreaterThan(bt.baselines.baseRate.auc);
    expect(bt.model.auc).toBeGreaterThan(bt.baselines.constant.auc);
    expect(bt.model.brier).toBeLessThan(bt.baselines.baseRate.brier);
    expect(bt.model.brier).toBeLessThan(bt.baselines.constant.brier);
  });

  it("pools the events it could learn apart: archival had 2 training events, so it is the base rate", () => {
    expect(bt.training.archival.events).toBeLessThan(10);
    expect(bt.learnable.events).toEqual(["incubation", "graduation"]);
    expect(bt.learnable.count).toBe(bt.byEvent.incubation.count + bt.byEvent.graduation.count);
    // Measured: AUC 0.820 against the base rate's 0.578; Brier 0.133 against 0.166.
    expect(bt.learnable.model.auc).toBeCloseTo(0.82, 2);
    expect(bt.learnable.model.auc).toBeGreaterThan(bt.learnable.baseRate.auc);
    expect(bt.learnable.model.brier).toBeLessThan(bt.learnable.baseRate.brier);
  });

  it("is reproducible: the same inputs give the same figures", () => {
    const again = backtestProjects(histories, { cutoff: "2021-12-31", horizon: "2025-12-31" });
    expect(again.model).toEqual(bt.model);
    expect(again.calibration).toEqual(bt.calibration);
  });
});
