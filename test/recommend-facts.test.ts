// Expectations derived from the facts (../shared/reference/facts.md and the data), not from the recommender's output.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { hasWayIn } from "../src/coordinate/way-in.js";
import { judgeFigure } from "../src/evidence/judge-figure.js";
import { loadKb } from "../src/kb/load-kb.js";
import type { Requirements } from "../src/model/requirements.js";
import { type RecommendResult, recommend } from "../src/recommend/recommend.js";

const kb = loadKb(resolve(import.meta.dirname, "../data"));
const run = (r: Requirements, top = 5): RecommendResult => recommend(kb, r, { top, weights: "hand" });
const parts = (out: RecommendResult) =>
  out.stacks.map((s) =>
    [
      s.components.runtime.id,
      s.components.orchestrator?.id,
      s.components.policy?.id,
      ...s.components.observability.map((o) => o.id),
      ...s.components.supporting.map((o) => o.id),
    ].filter((x): x is string => x !== undefined),
  );
const level = (id: string, dim: string) => kb.technologies.get(id)?.positionValues[dim]?.[0];

describe("recommendations follow from the facts", () => {
  it("untrusted code with full Linux compatibility never ranks a plain runc stack first (runc: untrusted-code false)", () => {
    const out = run({ must: { untrustedCode: true, linuxCompatibility: "full", multiTenant: true } });
    expect(out.stacks.length).toBeGreaterThan(0);
    expect(["runc", "crun", "youki", "lxc"]).not.toContain(out.stacks[0]!.components.runtime.id);
  });

  it("year 2016 never returns a technology released later", () => {
    const out = run({ year: 2016, must: { kubernetesApi: true } });
    expect(out.stacks.length).toBeGreaterThan(0);
    for (const ids of parts(out))
      for (const id of ids) expect(kb.technologies.get(id)!.releasedYear).toBeLessThanOrEqual(2016);
  });

  it("gpu: true never returns Firecracker (no GPU; conflicts with NVIDIA GPUs)", () => {
    const out = run({ must: { gpu: true, untrustedCode: true } }, 10);
    expect(out.stacks.length).toBeGreaterThan(0);
    for (const ids of parts(out)) expect(ids).not.toContain("firecracker");
  });

  it("offline edge prefers K3s, KubeEdge or OpenYurt (offline autonomy), never Kubernetes (offline: false)", () => {
    const out = run({ scenario: "edge" });
    expect(["k3s", "kubeedge", "openyurt"]).toContain(out.stacks[0]!.components.orchestrator?.id);
    for (const s of out.stacks) expect(s.components.orchestrator?.id).not.toBe("kubernetes");
  });

  it("cold start ≤ 10 ms admits no container: containers take 1–5 s (L-3), runc ~33 ms, crun ~17 ms", () => {
    // Eight different runtimes: sandboxes and micro-VMs whose own figures meet it, then those no figure
    // decides (after every met one, flagged).
    const out = run({ must: { coldStartMs: { max: 10 } } }, 8);
    for (const s of out.stacks) expect(s.coordinate.D).not.toBe(3);
    for (const ids of parts(out)) expect(ids[0]).not.toMatch(/^(runc|crun|docker|kata-containers)$/);
    const judged = out.stacks.map((s) => s.unverified.length === 0);
    expect(judged.indexOf(false) === -1 || judged.slice(judged.indexOf(false)).every((j) => !j)).toBe(true);
  });

  it("memory ≤ 5 MiB per instance rules out gVisor (~18 MB) and Kata (≥ 26 MB)", () => {
    const out = run({ must: { memoryMiB: { max: 5 } } }, 10);
    for (const s of out.stacks) expect(["gvisor", "kata-containers"]).not.toContain(s.components.runtime.id);
  });

  it("isolation at least L-1 never gives a container runtime (L-3 is the weakest on the strength ordering)", () => {
    const out = run({ must: { isolation: { atLeast: "L-1" } } }, 10);
    expect(out.stacks.length).toBeGreaterThan(0);
    for (const s of out.stacks) expect([0, 1, 4]).toContain(s.coordinate.D);
  });

  it("enterprise VMs (isolation equals L-1, full Linux) get a full-virtualisation runtime", () => {
    const out = run({ scenario: "enterprise-vm" });
    expect(out.stacks.length).toBeGreaterThan(0);
    expect(level(out.stacks[0]!.components.runtime.id, "D")).toBe(1);
    // The scenario's isolation is typical, not hard: an alternative of another level shows the miss.
    for (const s of out.stacks)
      if (level(s.components.runtime.id, "D") !== 1)
        expect(s.softMisses.map((m) => m.requirement)).toContain("isolation");
  });

  it("the Kubernetes API rules out Docker, Docker Swarm and Nomad as orchestrators", () => {
    const out = run({ must: { kubernetesApi: true } }, 10);
    for (const s of out.stacks)
      expect(["docker", "docker-swarm", "nomad", "docker-compose", null]).not.toContain(
        s.components.orchestrator?.id ?? null,
      );
  });

  it("exclude: docker is never part of any stack", () => {
    const out = run({ year: 2014, must: { exclude: ["docker"] } }, 10);
    for (const ids of parts(out)) expect(ids).not.toContain("docker");
  });

  it("multi-tenant untrusted code gets a sandbox or microVM, not a shared-kernel container", () => {
    const out = run({ scenario: "multi-tenant-untrusted" });
    expect(out.stacks.length).toBeGreaterThan(0);
    expect(["gvisor", "kata-containers", "firecracker", "confidential-containers"]).toContain(
      out.stacks[0]!.components.runtime.id,
    );
  });

  it("application-level policy (Z3) gives Z3+ engines only", () => {
    const out = run({ must: { policy: { atLeast: "Z3" } } }, 10);
    for (const s of out.stacks) expect(s.coordinate.Z).toBeGreaterThanOrEqual(3);
  });

  it("required signals are covered: OTLP + eBPF", () => {
    const out = run({ must: { observability: ["O1", "O2"] } });
    for (const s of out.stacks) expect(s.coordinate.O).toEqual(expect.arrayContaining(["O1", "O2"]));
  });

  it("IoT (≤ 32 MiB per instance, offline) never picks a VM runtime (L-1: 128 MB+)", () => {
    const out = run({ scenario: "iot" });
    expect(out.stacks.length).toBeGreaterThan(0);
    for (const s of out.stacks) expect(s.coordinate.D).not.toBe(1);
  });

  it("a figure missing for a runtime is estimated from its level, said so and penalised — never zero", () => {
    const out = run({ must: { include: ["wamr"] } }, 1);
    const s = out.stacks[0]!;
    const startup = s.terms.find((t) => t.term === "startup")!;
    const wamr = startup.parts.find((p) => p.part === "wamr")!;
    expect(wamr.estimated).toBe(true);
    expect(wamr.note).toMatch(/estimated from its level L-4/);
    expect(wamr.value).toBeGreaterThan(0);
    expect(s.explanation.join("\n")).toMatch(/estimated/);
  });

  it("constraints nothing meets together give an empty ranking, the blocking constraint per candidate and single relaxations", () => {
    // Runtimes with no cold-start figure of their own cannot be judged (admitted, ranked last): left out.
    const exclude = [...kb.technologies.values()]
      .filter(
        (t) =>
          t.position.D !== undefined &&
          judgeFigure(kb, t.id, "cold-start", "instance", { max: 10 }).status === "unknown",
      )
      .map((t) => t.id);
    const out = run({ must: { coldStartMs: { max: 10 }, isolation: { equals: "L-1" }, exclude } });
    expect(out.stacks).toEqual([]);
    expect(out.rejected.length).toBeGreaterThan(0);
    // "dependency": a runtime with no recorded way in under an orchestrator (docs/evidence.md).
    for (const r of out.rejected) {
      expect(["coldStartMs", "isolation", "memoryMiB", "exclude", "dependency"]).toContain(r.requirement);
    }
    const relax = (out.relaxations ?? []).map((r) => r.relax);
    expect(relax).toEqual(expect.arrayContaining(["must.coldStartMs", "must.isolation"]));
  });

  it("a must nothing states either way (K0s has no offline statement) is admitted, flagged and penalised", () => {
    const out = run({ must: { offline: true, include: ["k0s"] } }, 1);
    const s = out.stacks[0]!;
    expect(s.components.orchestrator?.id).toBe("k0s");
    expect(s.unverified.map((u) => u.requirement)).toContain("offline");
    expect(s.explanation.join("\n")).toMatch(/unverified offline/);
    const k3s = run({ must: { offline: true, include: ["k3s"] } }, 1).stacks[0]!;
    expect(k3s.unverified.map((u) => u.requirement)).not.toContain("offline");
  });

  it("the Pareto front is non-dominated over start-up, footprint, isolation and maturity", () => {
    const out = recommend(kb, { scenario: "serverless" }, { pareto: true, weights: "hand" });
    const front = out.pareto ?? [];
    expect(front.length).toBeGreaterThan(1);
    const keys = ["startup", "footprint", "isolation", "maturity"] as const;
    for (const a of front)
      for (const b of front) {
        if (a === b) continue;
        const dominated =
          keys.every((k) => (b.values[k] ?? 0) >= (a.values[k] ?? 0)) &&
          keys.some((k) => (b.values[k] ?? 0) > (a.values[k] ?? 0));
        expect(dominated).toBe(false);
      }
  });
});

describe("a ranked stack's runtime has a recorded way in under its orchestrator", () => {
  it("generic, edge and serverless queries: every stack shown passes hasWayIn", () => {
    for (const q of [{}, { scenario: "edge" }, { scenario: "serverless" }] satisfies Requirements[]) {
      const out = run(q, 10);
      expect(out.stacks.length).toBeGreaterThan(0);
      for (const s of out.stacks) {
        const o = s.components.orchestrator?.id;
        if (o !== undefined)
          expect(hasWayIn(kb, s.components.runtime!.id, o), `${s.components.runtime!.id} under ${o}`).toBe(true);
      }
    }
  });
});
