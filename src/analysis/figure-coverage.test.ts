import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { figureCoverage } from "./figure-coverage.js";

const kb = loadKb(join(import.meta.dirname, "../../test/fixtures/kb/valid"));

describe("figureCoverage", () => {
  it("counts per role the technologies with own figures of each metric", () => {
    const c = figureCoverage(kb);
    const runtime = c.byRole.find((r) => r.key === "runtime");
    expect(runtime?.technologies).toBeGreaterThan(0);
    // WasmEdge states cold start and memory; it is counted once per metric however many figures it has.
    expect(runtime?.metrics["cold-start"]).toBe(1);
    expect(runtime?.withFigures).toBeLessThanOrEqual(runtime?.technologies ?? 0);
    // A role whose members state no figure shows zeros, not a missing row.
    const interfaces = c.byRole.find((r) => r.key === "interface");
    expect(interfaces?.withFigures).toBe(0);
  });

  it("counts per scenario the technologies placed in it, and the figures nothing dates", () => {
    const c = figureCoverage(kb, "zh");
    const edge = c.byScenario.find((r) => r.key === "edge");
    expect(edge?.name).toBe("边缘计算");
    expect(c.metrics[0]?.technologies).toBeGreaterThan(0);
    // The fixture's memory figure has no asOf and its source no year: undated.
    expect(c.byRole.find((r) => r.key === "runtime")?.undatedFigures).toBeGreaterThan(0);
  });
});
