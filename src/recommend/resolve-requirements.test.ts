import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { scenarioRequirementsAt } from "../kb/scenario-requirements-at.js";
import { recommend } from "./recommend.js";
import { resolveRequirements } from "./resolve-requirements.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));
const serverless = kb.scenarios.get("serverless")!;

describe("a scenario's requirements are dated and sourced", () => {
  it("gives serverless the container-era cold start in 2020 and the Wasm-era one in 2025", () => {
    expect(scenarioRequirementsAt(serverless, 2020).must.coldStartMs).toEqual({ max: 1000 });
    expect(scenarioRequirementsAt(serverless, 2025).must.coldStartMs).toEqual({ max: 10 });
    expect(scenarioRequirementsAt(serverless, 2020).entries.get("must.coldStartMs")!.source).toBe(
      "firecracker-nsdi-paper",
    );
  });

  it("leaves a key out in a year none of its entries covers", () => {
    expect(scenarioRequirementsAt(serverless, 2010).must.coldStartMs).toBeUndefined();
    expect(scenarioRequirementsAt(kb.scenarios.get("edge")!, 2020).must.observability).toBeUndefined();
  });

  it("dates and sources every requirement of every scenario", () => {
    for (const s of kb.scenarios.values())
      for (const r of s.requirements) {
        expect(kb.sources.has(r.source), `${s.id} ${r.requirement}`).toBe(true);
        expect(r.years.from).toBeGreaterThan(1960);
      }
  });
});

describe("the scenario's requirements weigh; the user's decide", () => {
  it("keeps the scenario's must soft and the user's hard, each with its origin", () => {
    const r = resolveRequirements(kb, { scenario: "serverless", year: 2025, must: { memoryMiB: { max: 64 } } });
    expect(r.must).toEqual({ memoryMiB: { max: 64 } });
    expect(r.soft.coldStartMs).toEqual({ max: 10 });
    const cold = r.inForce.find((x) => x.key === "must.coldStartMs")!;
    expect(cold).toMatchObject({
      origin: "scenario",
      hard: false,
      source: "spin-docs-v1-index",
      years: { from: 2023 },
    });
    expect(r.inForce.find((x) => x.key === "must.memoryMiB")).toMatchObject({ origin: "user", hard: true });
  });

  it("lets the user's key override the scenario's", () => {
    const r = resolveRequirements(kb, { scenario: "serverless", year: 2025, must: { coldStartMs: { max: 500 } } });
    expect(r.must.coldStartMs).toEqual({ max: 500 });
    expect(r.soft.coldStartMs).toBeUndefined();
  });

  it("makes the scenario's requirements hard with scenarioHard", () => {
    const r = resolveRequirements(kb, { scenario: "serverless", year: 2025, scenarioHard: true });
    expect(r.must.coldStartMs).toEqual({ max: 10 });
    expect(r.soft).toEqual({});
    expect(r.inForce.find((x) => x.key === "must.coldStartMs")!.hard).toBe(true);
  });

  it("shows a missed scenario requirement as a trade-off, not a rejection, and rejects it when made hard", () => {
    const soft = recommend(
      kb,
      { scenario: "serverless", year: 2025, must: { isolation: { equals: "L-3" } } },
      { weights: "hand" },
    );
    expect(soft.stacks.length).toBeGreaterThan(0);
    const miss = soft.stacks[0]!.softMisses.find((m) => m.requirement === "coldStartMs")!;
    expect(miss.typical).toMatchObject({ source: "spin-docs-v1-index", years: { from: 2023 } });
    expect(soft.stacks[0]!.explanation.some((l) => l.startsWith("trade-off on coldStartMs"))).toBe(true);
    const hard = recommend(
      kb,
      { scenario: "serverless", year: 2025, scenarioHard: true, must: { isolation: { equals: "L-3" } } },
      { weights: "hand" },
    );
    // Made hard, no stack with a known miss is left: only those no evidence can judge, ranked last and
    // saying so (every own cold start of an L-3 runtime is over 10 ms).
    expect(hard.stacks.length).toBeGreaterThan(0);
    for (const s of hard.stacks) {
      expect(s.softMisses).toEqual([]);
      expect(s.unverified.map((u) => u.requirement)).toContain("coldStartMs");
    }
  });

  it("marks each requirement's origin in Chinese too", () => {
    const r = recommend(kb, { scenario: "serverless", year: 2020 }, { weights: "hand", lang: "zh", top: 1 });
    const cold = r.requirements.inForce.find((x) => x.key === "must.coldStartMs")!;
    expect(cold.text).toContain("2014–2022 年");
    expect(cold.text).toContain("软性");
  });
});

describe("serverless means what it meant in its year", () => {
  const isWasm = (id: string) =>
    kb.technologies.get(id)?.position.D?.includes("L-4") === true && /wasm|spin|v8/.test(id);
  it("puts a container or microVM stack in the top 3 for 2020", () => {
    const r = recommend(kb, { scenario: "serverless", year: 2020 }, { top: 3 });
    const runtimes = r.stacks.map((s) => s.components.runtime.id);
    expect(runtimes.some((id) => ["runc", "crun", "firecracker", "kata-containers", "gvisor"].includes(id))).toBe(true);
  });

  it("still puts a Wasm stack first for 2025", () => {
    const r = recommend(kb, { scenario: "serverless", year: 2025 }, { top: 1 });
    expect(isWasm(r.stacks[0]!.components.runtime.id)).toBe(true);
  });
});
