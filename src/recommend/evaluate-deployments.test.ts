import { describe, expect, it } from "vitest";
import type { CompiledDeployment, Kb } from "../kb/kb.js";
import { loadKb } from "../kb/load-kb.js";
import { evaluateDeployment, evaluateDeployments, slotEquivalents } from "./evaluate-deployments.js";
import { resolveRequirements } from "./resolve-requirements.js";

const kb = loadKb();
const byId = (id: string): CompiledDeployment => {
  const d = kb.deployments.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no deployment ${id}`);
  return d;
};

describe("slotEquivalents", () => {
  it("joins the conformant Kubernetes distributions, and a platform with the one runtime it runs on", () => {
    expect([...slotEquivalents(kb, "orchestrator", "k3s")]).toEqual(expect.arrayContaining(["kubernetes", "k3s"]));
    expect(slotEquivalents(kb, "runtime", "v8-isolates").has("cloudflare-workers")).toBe(true);
    expect(slotEquivalents(kb, "runtime", "cloudflare-workers").has("v8-isolates")).toBe(true);
    expect(slotEquivalents(kb, "runtime", "kubevirt").has("kvm")).toBe(true);
  });

  it("keeps apart what only may run on something, and edge orchestrators that extend Kubernetes", () => {
    // Kata runs on one of several VMMs: none of them is its equivalent.
    expect([...slotEquivalents(kb, "runtime", "kata-containers")]).toEqual(["kata-containers"]);
    expect(slotEquivalents(kb, "runtime", "firecracker").has("kata-containers")).toBe(false);
    expect(slotEquivalents(kb, "orchestrator", "kubeedge").has("kubernetes")).toBe(false);
    expect([...slotEquivalents(kb, "runtime", "no-such-thing")]).toEqual(["no-such-thing"]);
  });
});

describe("evaluateDeployment", () => {
  it("ranks an operator's runtime and reads each slot's first values", () => {
    const r = evaluateDeployment(kb, byId("ant-group-2022-kata"));
    const rt = r.runtime!;
    expect(rt.top.length).toBeGreaterThan(0);
    expect(rt.rank === null || (rt.rank >= 1 && rt.rank <= 6)).toBe(true);
    // The orchestrator is unstated: not evaluated.
    expect(r.orchestrator).toBeUndefined();
  });

  it("reports the must keys that reject the chosen runtime", () => {
    // A deployment asking for what its runtime cannot give: Firecracker has no GPU path.
    const d: CompiledDeployment = { ...byId("koyeb-2021-firecracker-nomad"), requirements: { must: { gpu: true } } };
    const r = evaluateDeployment(kb, d);
    expect(r.runtime?.rank).toBeNull();
    expect(r.runtime?.blockedBy).toContain("gpu");
    expect(r.runtime?.top).not.toContain("firecracker");
  });

  it("evaluates the empty slot as a choice: no orchestrator", () => {
    const r = evaluateDeployment(kb, byId("shopify-functions-2023-wasmtime"));
    expect(r.orchestrator).toBeDefined();
    expect(r.orchestrator!.top.length).toBeGreaterThan(0);
  });

  it("uses the weights it is given", () => {
    const d = byId("ant-group-2022-kata");
    const hand = resolveRequirements(kb, { scenario: d.scenario, year: d.year }).weights;
    expect(evaluateDeployment(kb, d, hand)).toEqual(evaluateDeployment(kb, d));
  });
});

describe("evaluateDeployments", () => {
  it("counts every deployment once, apart those chosen outside the knowledge base, and decides per scenario", () => {
    const small = { ...kb, deployments: kb.deployments.slice(0, 12) } as Kb;
    const learned = { startup: 0, footprint: 0, isolation: 0, overhead: 0, maturity: 1, fit: 9 };
    const ev = evaluateDeployments(small, learned);
    expect(ev.deployments).toBe(12);
    expect(ev.results).toHaveLength(12);
    const evaluated = ev.results.filter((r) => r.results.hand.runtime !== undefined).length;
    expect(ev.overall.hand.runtime.n).toBe(evaluated);
    expect(evaluated + ev.notInKb.runtime.length + ev.unstated.runtime.length).toBe(12);
    for (const w of ["hand", "learned"] as const)
      for (const s of ["runtime", "orchestrator"] as const) {
        const a = ev.overall[w][s];
        expect(a.hit1).toBeLessThanOrEqual(a.hit3);
        expect(a.hit3).toBeLessThanOrEqual(a.familyHit3);
        expect(a.familyHit3).toBeLessThanOrEqual(a.n);
      }
    expect(ev.perFamily.reduce((n, f) => n + f.n, 0)).toBe(12);
    for (const s of ev.perScenario) expect(["hand", "learned"]).toContain(s.uses);
  });

  it("gives a scenario the learned weights only for more hit@3 over runtime and orchestrator, hit@1 breaking ties", () => {
    const small = { ...kb, deployments: kb.deployments.slice(0, 20) } as Kb;
    const ev = evaluateDeployments(small, { startup: 0, footprint: 0, isolation: 0, overhead: 0, maturity: 4, fit: 6 });
    const hit3 = (x: (typeof ev.perScenario)[number]["hand"]) => x.runtime.hit3 + x.orchestrator.hit3;
    const hit1 = (x: (typeof ev.perScenario)[number]["hand"]) => x.runtime.hit1 + x.orchestrator.hit1;
    let decided = 0;
    for (const s of ev.perScenario) {
      const wins =
        hit3(s.learned) > hit3(s.hand) || (hit3(s.learned) === hit3(s.hand) && hit1(s.learned) > hit1(s.hand));
      expect(s.uses, s.scenario).toBe(wins ? "learned" : "hand");
      if (hit3(s.learned) !== hit3(s.hand) || hit1(s.learned) !== hit1(s.hand)) decided++;
    }
    // Not a vacuous check: some scenario's two weight sets score differently.
    expect(decided).toBeGreaterThan(0);
  });
});
