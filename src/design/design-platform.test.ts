import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { completeStack } from "../coordinate/complete-stack.js";
import { evaluateMust } from "../coordinate/evaluate-must.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import { loadKb } from "../kb/load-kb.js";
import type { System } from "../model/system.js";
import { resolveRequirements } from "../recommend/resolve-requirements.js";
import { workloadRequirements } from "./build-design-space.js";
import { type DesignResult, designPlatform } from "./design-platform.js";
import { type DesignInput, parseDesignInput } from "./parse-system.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));
const EXAMPLES = resolve(import.meta.dirname, "../../examples");
const read = (f: string): DesignInput => parseDesignInput(kb, readFileSync(resolve(EXAMPLES, f), "utf8"), f);

const designs = new Map<string, { input: DesignInput; result: DesignResult }>();
function design(f: string) {
  let d = designs.get(f);
  if (!d) {
    const input = read(f);
    d = { input, result: designPlatform(kb, input) };
    designs.set(f, d);
  }
  return d;
}

/** Checks every workload's stack on the platform against its own requirements, independently of the solver. */
function expectEveryMustMet(system: System, r: DesignResult) {
  for (const w of system.workloads) {
    const out = r.workloads.find((x) => x.name === w.name)!;
    expect(out.met, `${w.name}: ${JSON.stringify(out.unmet)}`).toBe(true);
    const req = resolveRequirements(kb, workloadRequirements(system, w));
    const c = r.platform.components;
    const components = completeStack(kb, {
      runtime: out.runtime!.id,
      ...(c.orchestrator ? { orchestrator: c.orchestrator.id } : {}),
      ...(c.policy ? { policy: c.policy.id } : {}),
      ...(c.observability.length ? { observability: c.observability.map((o) => o.id) } : {}),
    }).components;
    const coord = stackCoordinate(kb, components, {
      year: req.year,
      ...(req.scenario ? { scenario: req.scenario.id } : {}),
    }).coordinate;
    const missed = evaluateMust(kb, components, coord, req.must).filter((x) => x.status === "missed");
    expect(missed, w.name).toEqual([]);
  }
}

const SANDBOX = new Set(["gvisor", "kata-containers", "firecracker", "wasmedge", "wasmtime", "spinkube", "wamr"]);
const trait = (id: string, t: string) => kb.technologies.get(id)?.traits.get(t)?.value;

describe("designPlatform on the example systems", () => {
  for (const f of [
    "retail-edge-chain.yaml",
    "multi-tenant-saas.yaml",
    "ai-inference-platform.yaml",
    "saas-cluster-export.json",
  ]) {
    it(`${f}: every workload meets its must on the one platform`, () => {
      const { input, result } = design(f);
      expectEveryMustMet(input.system, result);
      expect(result.conflicts).toEqual([]);
      expect(result.solver.kind).toBe("exact");
      // Every runtime in use is a RuntimeClass, and every workload names one.
      expect(result.runtimeClasses.map((c) => c.runtime.id).sort()).toEqual(
        result.platform.components.runtimes.map((r) => r.id).sort(),
      );
      for (const w of result.workloads) expect(result.runtimeClasses.map((c) => c.name)).toContain(w.runtimeClass);
    });
  }

  it("retail edge chain: an orchestrator that keeps running offline, Wasm for the per-basket rules", () => {
    const { result } = design("retail-edge-chain.yaml");
    expect(trait(result.platform.components.orchestrator!.id, "offline")).toBe(true);
    const promo = result.workloads.find((w) => w.name === "promo-rules")!;
    expect(kb.technologies.get(promo.runtime!.id)?.position.D).toContain("L-4");
    const pos = result.workloads.find((w) => w.name === "pos-api")!;
    expect(trait(pos.runtime!.id, "linux-compatibility")).toBe("full");
  });

  it("multi-tenant SaaS: customer code always in a sandbox, never plain runc, on Kubernetes", () => {
    const { input, result } = design("multi-tenant-saas.yaml");
    expect(result.platform.components.orchestrator?.id).toBe("kubernetes");
    for (const w of input.system.workloads.filter((x) => x.must?.untrustedCode)) {
      const out = result.workloads.find((x) => x.name === w.name)!;
      expect(SANDBOX.has(out.runtime!.id), `${w.name} on ${out.runtime!.id}`).toBe(true);
      expect(["runc", "crun", "youki"]).not.toContain(out.runtime!.id);
      expect(trait(out.runtime!.id, "untrusted-code")).toBe(true);
    }
    // Customer images needing full Linux get a VM sandbox (gVisor's compatibility is "most").
    const containers = result.workloads.find((w) => w.name === "tenant-containers")!;
    expect(trait(containers.runtime!.id, "linux-compatibility")).toBe("full");
  });

  it("AI inference: GPU workloads get a runtime with GPU access, never Firecracker", () => {
    const { input, result } = design("ai-inference-platform.yaml");
    for (const w of result.workloads) {
      const req = resolveRequirements(
        kb,
        workloadRequirements(input.system, input.system.workloads.find((x) => x.name === w.name)!),
      );
      if (req.must.gpu !== true) continue;
      expect(w.runtime!.id).not.toBe("firecracker");
      expect([undefined, "none", false]).not.toContain(trait(w.runtime!.id, "gpu"));
    }
    const customer = result.workloads.find((w) => w.name === "customer-models")!;
    expect(trait(customer.runtime!.id, "untrusted-code")).toBe(true);
    expect(["kubernetes", "k3s", "openshift"]).toContain(result.platform.components.orchestrator!.id);
  });

  it("writes Kata's RuntimeClass with its podFixed overhead and the source", () => {
    const { result } = design("multi-tenant-saas.yaml");
    const kata = result.runtimeClasses.find((c) => c.runtime.id === "kata-containers")!;
    expect(kata.handler).toBe("kata");
    expect(kata.overhead.podFixed).toEqual({ memory: "160Mi", cpu: "250m" });
    expect(kata.overhead.source).toBe("kata-operator-podoverhead");
    const doc = parse(kata.yaml) as { kind: string; handler: string; overhead: { podFixed: { memory: string } } };
    expect(doc.kind).toBe("RuntimeClass");
    expect(doc.handler).toBe("kata");
    expect(doc.overhead.podFixed.memory).toBe("160Mi");
    const gvisor = result.runtimeClasses.find((c) => c.runtime.id === "gvisor");
    if (gvisor) expect(gvisor.handler).toBe("runsc");
  });

  it("the heuristic never beats the exact design on the examples", () => {
    for (const f of ["retail-edge-chain.yaml", "multi-tenant-saas.yaml", "ai-inference-platform.yaml"]) {
      const { input, result } = design(f);
      const h = designPlatform(kb, input, { solver: "heuristic" });
      const e = result.solver.cost!;
      const hc = h.solver.cost!;
      expect([hc.unmet, hc.unverified, hc.parts]).toEqual([e.unmet, e.unverified, e.parts]);
      expect(hc.overhead).toBeGreaterThanOrEqual(e.overhead - 0.1);
    }
  });
});

describe("designPlatform: what cannot be met is named per workload", () => {
  it("a GPU workload on a platform without GPU nodes: gpu, why, and the constraint as source", () => {
    const r = designPlatform(kb, {
      platform: { noGpuNodes: true },
      workloads: [
        { name: "web", must: { linuxCompatibility: "full" } },
        { name: "trainer", must: { gpu: true } },
      ],
    });
    const trainer = r.workloads.find((w) => w.name === "trainer")!;
    expect(trainer.met).toBe(false);
    expect(trainer.runtime).toBeNull();
    expect(trainer.unmet.map((u) => u.requirement)).toEqual(["gpu"]);
    expect(trainer.unmet[0]?.source).toBe("platform.noGpuNodes");
    expect(r.workloads.find((w) => w.name === "web")!.met).toBe(true);
    expect(r.conflicts.map((c) => c.workload)).toEqual(["trainer"]);
  });

  it("a workload the shared platform cannot meet: the missed requirement with its evidence", () => {
    const r = designPlatform(kb, {
      platform: { mustStayOn: "kubernetes" },
      workloads: [
        { name: "api", must: { linuxCompatibility: "full" } },
        // A workload that must run without the Kubernetes API (Kubernetes itself keeps workloads running
        // offline, per its failure-modes docs, so offline is no longer a requirement it misses).
        { name: "store", must: { kubernetesApi: false } },
      ],
    });
    const store = r.workloads.find((w) => w.name === "store")!;
    expect(store.met).toBe(false);
    const missed = store.unmet.find((u) => u.requirement === "kubernetesApi");
    expect(missed?.source).toBeDefined();
    expect(store.unmet.some((u) => u.requirement === "platform")).toBe(true);
  });

  it("groups workloads with the same requirements into one class", () => {
    const r = designPlatform(kb, {
      workloads: [
        { name: "a", replicas: 3, must: { untrustedCode: true } },
        { name: "b", must: { untrustedCode: true } },
        { name: "c" },
      ],
    });
    expect(r.solver.classes).toBe(2);
    const [a, b] = [r.workloads.find((w) => w.name === "a")!, r.workloads.find((w) => w.name === "b")!];
    expect(a.runtime).toEqual(b.runtime);
  });
});

describe("the design diagram", () => {
  it("shows a hostile workload name as written (Mermaid entities, not markup or a directive)", () => {
    const input = parseDesignInput(
      kb,
      [
        "name: hostile",
        "workloads:",
        '  - name: "pos <b>api</b> #fff; 50%%{init}%%"',
        "    replicas: 1",
        "    must: { linuxCompatibility: full }",
      ].join("\n"),
      "hostile.yaml",
    );
    const m = designPlatform(kb, input).diagram.mermaid;
    expect(m).toContain("pos #lt;b#gt;api#lt;/b#gt; #35;fff; 50#37;#37;{init}#37;#37;");
    expect(m).not.toContain("<b>");
  });
});
