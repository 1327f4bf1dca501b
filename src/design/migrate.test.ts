import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { planMigration } from "./migrate.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));
const C2020 = "case:serverless-2020-seed-case-2";
const C2023 = "case:serverless-2023-seed-case-2";
const C2025 = "case:serverless-2025-seed-case-2";

describe("planMigration", () => {
  it("reproduces the seed's case 2: the four changes, each on its dimension and in its direction", () => {
    const plan = planMigration(kb, [C2020, C2025]);
    const leg = plan.legs[0]!;
    const byDim = Object.fromEntries(leg.steps.flatMap((s) => s.deltas.map((d) => [d.dimension, d])));
    expect(Object.keys(byDim).sort()).toEqual(["D", "O", "X", "Z"]);
    expect(byDim.D?.word).toBe("stronger");
    expect(byDim.X?.word).toBe("lighter");
    expect(byDim.Z?.word).toBe("stronger");
    expect(byDim.O?.word).toBe("complete observability");
    expect(plan.deltas.map((d) => d.dimension)).toEqual(["D", "X", "Z", "O"]);
  });

  it("orders steps so that every step comes after the steps it depends on", () => {
    for (const path of [
      [C2020, C2025],
      [C2020, C2023, C2025],
      ["Kubernetes + runc", "K3s + WasmEdge + Gatekeeper"],
    ]) {
      for (const leg of planMigration(kb, path).legs) {
        for (const s of leg.steps) for (const a of s.after) expect(a.step).toBeLessThan(s.n);
      }
    }
    const steps = planMigration(kb, [C2020, C2025]).legs[0]!.steps;
    const orchestrator = steps.find((s) => s.slot === "orchestrator")!;
    const runtime = steps.find((s) => s.slot === "runtime")!;
    expect(orchestrator.n).toBeLessThan(runtime.n);
    expect(runtime.after.map((a) => a.step)).toContain(orchestrator.n);
    expect(runtime.with).toContain("crun");
  });

  it("gives each step the figures that matter and its risks, with sources", () => {
    const steps = planMigration(kb, [C2020, C2025]).legs[0]!.steps;
    const runtime = steps.find((s) => s.slot === "runtime")!;
    expect(runtime.facts.some((f) => f.technology === "wasmedge" && f.concern === "start-up")).toBe(true);
    expect(runtime.facts.every((f) => kb.sources.has(f.source))).toBe(true);
    expect(runtime.risks.some((r) => r.kind === "trait-change")).toBe(true);
    const observability = steps.find((s) => s.slot === "observability")!;
    expect(observability.risks.some((r) => r.kind === "host-requirement")).toBe(true);
  });

  it("through 2023: two legs, the second only policy and observability", () => {
    const plan = planMigration(kb, [C2020, C2023, C2025]);
    expect(plan.legs).toHaveLength(2);
    expect(plan.legs[1]!.steps.map((s) => s.slot).sort()).toEqual(["observability", "policy"]);
    expect(plan.legs[1]!.stated.length).toBeGreaterThan(0);
  });

  it("rejects unknown stacks with nearest names", () => {
    expect(() => planMigration(kb, ["case:serverless-2020-seed-case", C2025])).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() => planMigration(kb, ["K3s + WasmEdg", C2025])).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => planMigration(kb, [C2025])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("shows, with a part's own facts, the figures the evidence rules derive from them", () => {
    const plan = planMigration(kb, ["Kubernetes + runc", "Kubernetes + Firecracker"]);
    const facts = plan.legs[0]!.steps.flatMap((s) => s.facts);
    const derived = facts.find((f) => f.technology === "firecracker" && f.derived === "vmm-start-plus-boot");
    expect(derived?.grade).toBe("A");
    expect(facts.some((f) => f.technology === "runc" && f.change === "out" && f.derived === undefined)).toBe(true);
    expect(facts.some((f) => f.technology === "runc" && f.derived !== undefined)).toBe(false);
  });
});
