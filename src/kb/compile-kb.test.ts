import { describe, expect, it } from "vitest";
import { VALID_KB } from "../../test/fixtures/kb/copy-valid-kb.js";
import { loadKb } from "./load-kb.js";

const kb = loadKb(VALID_KB);

describe("compileKb", () => {
  it("resolves names by id, en/zh name and alias, ignoring case and spaces", () => {
    expect(kb.resolveName("边缘计算")?.id).toBe("edge");
    expect(kb.resolveName("Edge")?.id).toBe("edge");
    expect(kb.resolveName("edge computing")?.id).toBe("edge");
    expect(kb.resolveName("  EDGE-Computing ")?.id).toBe("edge");
    expect(kb.resolveName("K8s")?.id).toBe("kubernetes");
    expect(kb.resolveName("kubernetes")?.kind).toBe("technology");
    expect(kb.resolveName("开放策略代理")?.id).toBe("opa");
    expect(kb.resolveName("nomad")).toBeUndefined();
    expect(kb.suggestNames("kubernets")).toContain("kubernetes");
  });

  it("normalises positions to lists and resolves level numbers", () => {
    const k3s = kb.technologies.get("k3s")!;
    expect(k3s.position).toEqual({ X: ["X2"], A: ["A6"], S: ["edge"] });
    expect(k3s.positionValues).toEqual({ X: [2], A: [6] });
    expect(kb.technologies.get("wasmedge")!.positionValues.D).toEqual([4]);
    expect(k3s.releasedYear).toBe(2019);
  });

  it("converts facts to the metric's unit", () => {
    const mem = kb.technologies.get("k3s")!.facts[0]!;
    expect(mem.normalized.unit).toBe("MiB");
    expect(mem.normalized.value).toBeCloseTo(488.28, 2);
    const cold = kb
      .dimension("D")!
      .levelByCode.get("L-3")!
      .facts.find((f) => f.metric === "cold-start")!;
    expect(cold.normalized).toEqual({ unit: "ms", min: 1000, max: 5000, representative: 3000 });
  });

  it("indexes dimensions: key aliases, levels by code, value and name, orderings, graph, stack rule", () => {
    const d = kb.dimension("Y")!;
    expect(d.key).toBe("D");
    expect(d.levelByValue.get(4)?.code).toBe("L-4");
    expect(d.resolveLevel("vm")?.code).toBe("L-1");
    expect(d.resolveLevel("沙盒")?.code).toBe("L-4");
    expect(d.resolveLevel(3)?.code).toBe("L-3");
    expect(d.resolveLevel("L-9")).toBeUndefined();
    expect(d.orderings.get("strength")?.order.classes.length).toBe(4);
    expect(d.distanceBy).toBe("strength");
    expect(kb.dimension("A")!.graph?.out.get("A1")).toEqual(["A5"]);
    expect(kb.dimension("A")!.graph?.in.get("A6")).toEqual(["A5"]);
    expect(kb.dimension("Z")!.stackRule).toEqual({ from: "slot", slot: "policy", whenAbsent: "Z0" });
    expect(kb.dimension("Q")).toBeUndefined();
    expect([...kb.dimensions.keys()]).toEqual(["D", "X", "Z", "T", "A", "S", "O"]);
  });

  it("indexes relations both ways and by type", () => {
    expect(kb.relations.out("k3s", "depends-on").map((r) => r.to)).toEqual(["containerd"]);
    expect(
      kb.relations
        .in("containerd", "depends-on")
        .map((r) => r.from)
        .sort(),
    ).toEqual(["k3s", "wasmedge"]);
    expect(kb.relations.out("k3s").length).toBe(4);
    expect(kb.relations.in("nothing")).toEqual([]);
    expect(kb.implementersOf("kubernetes-api").map((t) => t.id)).toEqual(["k3s", "kubernetes"]);
    expect(kb.implementersOf("cri").map((t) => t.id)).toEqual(["containerd"]);
  });

  it("orders cases by year per scenario and indexes claims", () => {
    expect(kb.cases.byScenario.get("edge")?.map((c) => c.id)).toEqual(["edge-2025"]);
    expect(kb.claimsAbout.get("opa")?.[0]?.id).toBe("opa-gatekeeper-direction");
  });

  it("counts technologies per level (on every level each occupies)", () => {
    expect(kb.counts).toMatchObject({
      technologies: 10,
      facts: 3,
      relations: 10,
      claims: 1,
      cases: 1,
      scenarios: 1,
      sources: 5,
    });
    expect(kb.counts.perLevel.D).toEqual({ "L-0": 0, "L-1": 0, "L-2": 0, "L-3": 2, "L-4": 1 });
    expect(kb.counts.perLevel.A).toEqual({ A1: 1, A5: 3, A6: 2 });
    expect(Object.keys(kb.counts.perLevel)).toEqual(["D", "X", "Z", "A", "O"]);
  });
});
