// The held-out deployments stay held out: none is a training case, and nothing that learns or ranks reads them.
import { describe, expect, it } from "vitest";
import { recordedStacks } from "../src/coordinate/recorded-stacks.js";
import type { Kb } from "../src/kb/kb.js";
import { loadKb } from "../src/kb/load-kb.js";
import { evaluateWeights } from "../src/recommend/learn-weights.js";
import { recommend } from "../src/recommend/recommend.js";
import { syntheticKb } from "../src/recommend/synthetic-kb.js";

const kb = loadKb();

describe("the deployment split", () => {
  it("holds at least 40 sourced deployments, none of them a training case", () => {
    expect(kb.deployments.length).toBeGreaterThanOrEqual(40);
    const caseIds = new Set(kb.cases.all.map((c) => c.id));
    const caseSources = new Map(kb.cases.all.map((c) => [c.source, c.stack.components.runtime]));
    for (const d of kb.deployments) {
      expect(caseIds.has(d.id), d.id).toBe(false);
      const runtime = "technology" in d.chosen.runtime ? d.chosen.runtime.technology : undefined;
      expect(caseSources.get(d.sources[0]!.source) === runtime && runtime !== undefined, d.id).toBe(false);
      for (const s of d.sources) expect(kb.sources.has(s.source), `${d.id}: ${s.source}`).toBe(true);
    }
  });

  it("is invisible to the recorded stacks, the fit term and the learned weights", () => {
    const without = { ...kb, deployments: [] } as Kb;
    const ids = new Set(kb.deployments.map((d) => d.id));
    for (const r of recordedStacks(kb)) expect(ids.has(r.id.replace(/^case:/, "")), r.id).toBe(false);
    expect(recordedStacks(kb).map((r) => r.id)).toEqual(recordedStacks(without).map((r) => r.id));
    const query = { scenario: "serverless", year: 2023 };
    const a = recommend(kb, query, { top: 5, weights: "hand" });
    const b = recommend(without, query, { top: 5, weights: "hand" });
    expect(a.stacks.map((s) => [s.label, s.score])).toEqual(b.stacks.map((s) => [s.label, s.score]));
  });

  it("leaves the learned weights and their leave-one-out figures unchanged (a synthetic knowledge base, for speed)", () => {
    const base = syntheticKb({ size: 60, seed: 3 });
    const scenario = [...base.scenarios.keys()][0]!;
    const runtime = [...base.technologies.values()].find((t) => t.role === "runtime")!.id;
    const deployments = kb.deployments.slice(0, 4).map((d) => ({
      ...d,
      scenario,
      chosen: { runtime: { technology: runtime }, orchestrator: { unstated: true as const } },
    }));
    const withEv = evaluateWeights({ ...base, deployments } as Kb);
    const withoutEv = evaluateWeights(syntheticKb({ size: 60, seed: 3 }));
    expect(withEv.weights).toEqual(withoutEv.weights);
    expect(withEv.overall).toEqual(withoutEv.overall);
    expect(withEv.records).toBe(withoutEv.records);
    // Only where the learned weights are used depends on the deployments: with none, nowhere.
    expect(withoutEv.perScenario.every((s) => s.uses === "hand")).toBe(true);
    expect(withEv.deployments.deployments).toBe(4);
    expect(withEv.deployments.overall.hand.runtime.n).toBe(4);
  });
});
