import { describe, expect, it } from "vitest";
import { AtlasError } from "../errors.js";
import { loadKb } from "../kb/load-kb.js";
import { analyzeScenario } from "./analyze-scenario.js";

const kb = loadKb();

describe("analyzeScenario: the seed's four scenarios", () => {
  const cases: [string, string, string][] = [
    ["edge", "边缘计算", "K3s + WasmEdge + Gatekeeper"],
    ["ai-inference", "AI推理", "WasmEdge + GPU"],
    ["serverless", "无服务器", "K3s + WasmEdge + OPA + business rules"],
    ["microservices", "微服务", "K8s + containerd + OPA"],
  ];
  for (const [id, zh, seedStack] of cases) {
    it(`${id}: every stack has a coordinate, its checks and a source with a title`, () => {
      const a = analyzeScenario(kb, id);
      expect(a.scenario.id).toBe(id);
      expect(a.stacks.length).toBeGreaterThan(0);
      for (const s of a.stacks) {
        expect(s.coordinate.S).toBe(id);
        expect(s.coordinate.text).toMatch(/^\(.*\)$/);
        expect(Array.isArray(s.meets) && Array.isArray(s.misses) && Array.isArray(s.unknown)).toBe(true);
        for (const c of s.meets) expect(c.status).toBe("met");
        for (const c of s.misses) expect(c.status).toBe("missed");
        for (const c of s.unknown) expect(c.status).toBe("unknown");
        expect(kb.sources.has(s.source.id), s.id).toBe(true);
        expect(s.source.title.length, s.id).toBeGreaterThan(0);
      }
      expect(a.stacks.some((s) => s.meets.length + s.misses.length + s.unknown.length > 0)).toBe(true);
      expect(a.stacks.map((s) => s.stack.label)).toContain(seedStack);
    });

    it(`${id}: found by its Chinese name ${zh}`, () => {
      expect(analyzeScenario(kb, zh)).toEqual(analyzeScenario(kb, id));
    });
  }

  it("lists reference stacks before cases, and cases newest first among equals", () => {
    const a = analyzeScenario(kb, "edge");
    const kinds = a.stacks.map((s) => s.kind);
    expect(kinds.indexOf("case")).toBeGreaterThan(kinds.lastIndexOf("reference"));
  });

  it("judges the seed's edge stack as meeting every edge requirement", () => {
    const s = analyzeScenario(kb, "edge").stacks.find((x) => x.stack.label === "K3s + WasmEdge + Gatekeeper")!;
    expect(s.coordinate.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    expect(s.misses).toEqual([]);
    expect(s.meets.length).toBeGreaterThan(0);
  });

  it("speaks Chinese", () => {
    const a = analyzeScenario(kb, "edge", "zh");
    expect(a.stacks[0]!.coordinate.text).toContain("边缘计算");
  });

  it("throws NOT_FOUND with the nearest scenario for an unknown one", () => {
    let error: unknown;
    try {
      analyzeScenario(kb, "edgy");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe("NOT_FOUND");
    expect((error as AtlasError).suggestions).toContain("edge (边缘计算)");
  });
});
