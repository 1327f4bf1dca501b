import { describe, expect, it } from "vitest";
import { backtestProjects } from "./backtest-projects.js";
import { predictProjects, shiftYears } from "./predict-projects.js";
import type { ProjectHistory } from "./project-histories.js";

// Fast projects graduate two years after acceptance; slow ones never do (known by construction).
const histories: ProjectHistory[] = [];
for (let y = 2010; y <= 2021; y++)
  for (const k of [1, 2]) {
    const accepted = `${y}-0${k + 2}-15`;
    histories.push({
      name: `fast-${y}-${k}`,
      category: "Fast",
      accepted,
      incubating: accepted,
      ...(y + 2 <= 2021 ? { graduated: `${y + 2}-0${k + 2}-15` } : {}),
    });
    histories.push({ name: `slow-${y}-${k}`, category: "Slow", accepted, incubating: accepted });
  }

describe("predictProjects", () => {
  const r = predictProjects(histories, { asOf: "2021-12-31", years: 3, events: ["graduation"] });

  it("ranks the fast projects first, each with the confidence of its backtest bin", () => {
    expect(r.predictions[0]!.project.startsWith("fast-")).toBe(true);
    const bt = backtestProjects(histories, { cutoff: "2018-12-31", horizon: "2021-12-31" });
    expect(r.backtest.cutoff).toBe("2018-12-31");
    expect(r.backtest.model).toEqual(bt.model);
    for (const p of r.predictions) {
      const bin = bt.calibration.find((b) => b.from === p.calibration.from)!;
      expect(p.confidence).toBe(bin.accuracy);
    }
  });

  it("names an unknown project with suggestions, and refuses a bad horizon", () => {
    expect(() => predictProjects(histories, { projects: ["fast-2020-9"] })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() => predictProjects(histories, { years: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("shifts dates by whole years", () => {
    expect(shiftYears("2025-12-31", -4)).toBe("2021-12-31");
    expect(shiftYears("2024-02-29", 1)).toBe("2025-02-28");
  });
});
