// Property: the diverse top k is exact — the same with the fast search as with brute force, and equal to
// the best stack of each runtime (then of each runtime–orchestrator pair) read off the full ranking.
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import type { Requirements } from "../model/requirements.js";
import { buildQueryContext } from "./query-context.js";
import type { RankedStack } from "./ranked-stack.js";
import { resolveRequirements } from "./resolve-requirements.js";
import { bruteForceSearch } from "./search-brute.js";
import { bestPerRuntimeGroup, diverseSearch } from "./search-diverse.js";
import { fastSearch } from "./search-fast.js";
import { syntheticKb } from "./synthetic-kb.js";

/** The diverse list by definition, from the whole ranking (best first). */
function reference(all: readonly RankedStack[], k: number): string[] {
  const out: RankedStack[] = [];
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.slots.runtime) || out.length >= k) continue;
    seen.add(s.slots.runtime);
    out.push(s);
  }
  const runtimes = new Set(out.map((s) => s.slots.runtime));
  const pairs = new Set(out.map((s) => `${s.slots.runtime}|${s.slots.orchestrator}`));
  for (const s of all) {
    const pair = `${s.slots.runtime}|${s.slots.orchestrator}`;
    if (out.length >= k || !runtimes.has(s.slots.runtime) || pairs.has(pair)) continue;
    pairs.add(pair);
    out.push(s);
  }
  const keys = new Set(out.map((s) => s.key));
  for (const s of all) if (out.length < k && !keys.has(s.key)) out.push(s);
  return out.map((s) => s.key);
}

const requirements: fc.Arbitrary<Requirements> = fc.record(
  {
    scenario: fc.constantFrom("syn-scenario-1", "syn-scenario-2", "syn-scenario-3"),
    year: fc.integer({ min: 2014, max: 2025 }),
    must: fc.record(
      {
        coldStartMs: fc.constantFrom({ max: 10 }, { max: 1000 }),
        isolation: fc.constantFrom({ atLeast: "L-1" }, { atMost: "L-3" }, { equals: "L-4" }),
        untrustedCode: fc.boolean(),
        kubernetesApi: fc.boolean(),
        observability: fc.subarray(["O1", "O2"], { minLength: 1 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Requirements>;

describe("diverseSearch", () => {
  it("is exact: fast = brute force = the definition read off the whole ranking", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 24, max: 40 }),
        requirements,
        fc.integer({ min: 1, max: 6 }),
        (seed, size, req, k) => {
          const kb = syntheticKb({ size, seed });
          const ctx = buildQueryContext(kb, resolveRequirements(kb, req), { maxObservability: 2 });
          const fast = diverseSearch(ctx, k, fastSearch).stacks.map((s) => s.key);
          const brute = diverseSearch(ctx, k, bruteForceSearch).stacks.map((s) => s.key);
          expect(fast).toEqual(brute);
          const all = bruteForceSearch(ctx, 1_000_000).stacks;
          expect(fast).toEqual(reference(all, k));
        },
      ),
      { numRuns: 40, seed: 20261207 },
    );
  });

  it("gives k different runtimes whenever k runtimes have a feasible stack, and fewer only when they do not", () => {
    const kb = syntheticKb({ size: 40, seed: 5 });
    const ctx = buildQueryContext(kb, resolveRequirements(kb, { scenario: "syn-scenario-1" }));
    const feasible = bestPerRuntimeGroup(ctx, fastSearch, (id) => id).size;
    expect(feasible).toBeGreaterThanOrEqual(3);
    const top = diverseSearch(ctx, 3, fastSearch).stacks;
    expect(new Set(top.map((s) => s.slots.runtime)).size).toBe(3);
    const raw = fastSearch(ctx, 3).stacks;
    expect(new Set(raw.map((s) => s.slots.runtime)).size).toBeLessThan(3);
  });

  it("returns nothing when nothing is feasible", () => {
    const kb = syntheticKb({ size: 30, seed: 2 });
    const ctx = buildQueryContext(kb, resolveRequirements(kb, { must: { exclude: [...kb.technologies.keys()] } }));
    expect(diverseSearch(ctx, 3, fastSearch).stacks).toEqual([]);
  });
});

describe("diverse top 3 on the shipped knowledge base", () => {
  const kb = loadKb(resolve(import.meta.dirname, "../../data"));
  const queries: Requirements[] = [
    {},
    { scenario: "microservices" },
    { scenario: "edge" },
    { scenario: "serverless", year: 2020 },
    { must: { untrustedCode: true, multiTenant: true } },
    { must: { kubernetesApi: true, isolation: { atLeast: "L-1" } } },
    { must: { gpu: true } },
  ];
  for (const q of queries) {
    it(`holds 3 different runtimes whenever 3 runtimes meet the must: ${JSON.stringify(q)}`, () => {
      const ctx = buildQueryContext(kb, resolveRequirements(kb, q));
      const feasible = bestPerRuntimeGroup(ctx, fastSearch, (id) => id);
      const met = [...feasible.values()].filter((s) => s.evaluation.unknowns.length === 0);
      expect(met.length).toBeGreaterThanOrEqual(3);
      const top = diverseSearch(ctx, 3, fastSearch).stacks;
      expect(new Set(top.map((s) => s.slots.runtime)).size).toBe(3);
      // Each is the best stack of its runtime, and the three met ones rank first.
      for (const s of top) expect(feasible.get(s.slots.runtime)?.key).toBe(s.key);
      expect(top.every((s) => s.evaluation.unknowns.length === 0)).toBe(true);
    });
  }
});
