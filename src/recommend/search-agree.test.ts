// Property: the fast search returns exactly the brute-force ranking (same stacks, same scores) on random
// small synthetic knowledge bases and random requirements.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Requirements } from "../model/requirements.js";
import { buildQueryContext } from "./query-context.js";
import { resolveRequirements } from "./resolve-requirements.js";
import { bruteForceSearch } from "./search-brute.js";
import { fastSearch } from "./search-fast.js";
import { syntheticKb } from "./synthetic-kb.js";

const requirements: fc.Arbitrary<Requirements> = fc.record(
  {
    scenario: fc.constantFrom("syn-scenario-1", "syn-scenario-2", "syn-scenario-3"),
    year: fc.integer({ min: 2012, max: 2025 }),
    must: fc.record(
      {
        coldStartMs: fc.constantFrom({ max: 10 }, { max: 1000 }, { min: 1, max: 20000 }),
        memoryMiB: fc.constantFrom({ max: 5 }, { max: 100 }),
        isolation: fc.constantFrom({ atLeast: "L-1" }, { atMost: "L-3" }, { equals: "L-4" }),
        gpu: fc.boolean(),
        untrustedCode: fc.boolean(),
        multiTenant: fc.boolean(),
        offline: fc.boolean(),
        linuxCompatibility: fc.constantFrom("full" as const, "most" as const),
        kubernetesApi: fc.boolean(),
        orchestration: fc.constantFrom({ atLeast: "X1" }, { atMost: "X2" }),
        policy: fc.constantFrom({ atLeast: "Z2" }, { equals: "Z3" }),
        observability: fc.subarray(["O1", "O2", "O3"], { minLength: 1 }),
      },
      { requiredKeys: [] },
    ),
    prefer: fc.record(
      {
        startup: fc.integer({ min: 0, max: 10 }),
        footprint: fc.integer({ min: 0, max: 10 }),
        isolation: fc.integer({ min: 0, max: 10 }),
        overhead: fc.integer({ min: 0, max: 10 }),
        maturity: fc.integer({ min: 0, max: 10 }),
        fit: fc.integer({ min: 1, max: 10 }),
      },
      { requiredKeys: ["fit"] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Requirements>;

describe("fast search = brute force", () => {
  it("same stacks, same scores, same order on random small knowledge bases", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 24, max: 60 }),
        requirements,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, size, req, k, maxObs) => {
          const kb = syntheticKb({ size, seed });
          const ctx = buildQueryContext(kb, resolveRequirements(kb, req), { maxObservability: maxObs });
          const fast = fastSearch(ctx, k).stacks.map((s) => [s.key, s.score]);
          const brute = bruteForceSearch(ctx, k).stacks.map((s) => [s.key, s.score]);
          expect(fast).toEqual(brute);
        },
      ),
      { numRuns: 120, seed: 20250101 },
    );
  });

  it("agrees where most stacks tie: one term weighed, every other zero", () => {
    // With a single term, whole runs of candidates and covers share a value, so the ranking is decided
    // by key among ties: the case that cutting by key prefix and stopping at the first cover must get right.
    const oneTerm = fc
      .constantFrom("startup", "footprint", "isolation", "overhead", "maturity", "fit")
      .map((t) =>
        Object.fromEntries(
          ["startup", "footprint", "isolation", "overhead", "maturity", "fit"].map((u) => [u, u === t ? 3 : 0]),
        ),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 24, max: 60 }),
        oneTerm,
        fc.constantFrom(undefined, "syn-scenario-1"),
        fc.subarray(["O1", "O2", "O3"]),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, size, prefer, scenario, observability, k, maxObs) => {
          const kb = syntheticKb({ size, seed });
          const req = { ...(scenario ? { scenario } : {}), must: { observability }, prefer } as Requirements;
          const ctx = buildQueryContext(kb, resolveRequirements(kb, req), { maxObservability: maxObs });
          const fast = fastSearch(ctx, k).stacks.map((s) => [s.key, s.score]);
          const brute = bruteForceSearch(ctx, k).stacks.map((s) => [s.key, s.score]);
          expect(fast).toEqual(brute);
        },
      ),
      { numRuns: 80, seed: 20261128 },
    );
  });
});
