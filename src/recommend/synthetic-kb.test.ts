import { describe, expect, it } from "vitest";
import { hasWayIn } from "../coordinate/way-in.js";
import { buildQueryContext } from "./query-context.js";
import { resolveRequirements } from "./resolve-requirements.js";
import { fastSearch } from "./search-fast.js";
import { syntheticKb } from "./synthetic-kb.js";

describe("syntheticKb", () => {
  it("has exactly the size asked for, with every slot's roles", () => {
    const kb = syntheticKb({ size: 1000, seed: 1 });
    expect(kb.technologies.size).toBe(1000);
    const roles = new Set([...kb.technologies.values()].map((t) => t.role));
    for (const r of ["runtime", "orchestrator", "policy", "observability", "engine", "interface"])
      expect(roles).toContain(r);
    expect(kb.relations.all.length).toBeGreaterThan(100);
    expect(kb.scenarios.size).toBe(3);
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const ids = (seed: number) =>
      [...syntheticKb({ size: 200, seed }).technologies.values()].map(
        (t) => `${t.id}:${t.position.D ?? ""}:${t.releasedYear}`,
      );
    expect(ids(4)).toEqual(ids(4));
    expect(ids(4)).not.toEqual(ids(5));
  });

  it("records a way in for some runtime–orchestrator pairs only, so the searches meet both kinds", () => {
    const kb = syntheticKb({ size: 200, seed: 3 });
    const of = (role: string) => [...kb.technologies.values()].filter((t) => t.role === role).map((t) => t.id);
    const orchestrators = of("orchestrator");
    const ways = of("runtime").map((r) => orchestrators.filter((o) => hasWayIn(kb, r, o)).length);
    expect(ways).toContain(0); // under no orchestrator: offered standalone only
    expect(ways).toContain(orchestrators.length); // under every one (a `when: orchestrated` dependency)
    expect(ways.some((n) => n > 0 && n < orchestrators.length)).toBe(true); // under those that run its engine
  });

  it("gives the recommender something to rank", () => {
    const kb = syntheticKb({ size: 1000, seed: 2 });
    const ctx = buildQueryContext(kb, resolveRequirements(kb, { scenario: "syn-scenario-1" }));
    expect(fastSearch(ctx, 3).stacks.length).toBe(3);
  });

  it("ties at scale: the search weighs a handful of branches, not every tied one", () => {
    // Isolation alone decides: thousands of stacks tie on score and the ranking goes by key. The search
    // must cut the tied runs by key prefix instead of walking them (it once walked millions of covers).
    const kb = syntheticKb({ size: 3000, seed: 7 });
    const req = { must: { observability: ["O1", "O2", "O3"] }, prefer: { isolation: 3 } };
    const ctx = buildQueryContext(kb, resolveRequirements(kb, req));
    const result = fastSearch(ctx, 5);
    expect(result.stacks.length).toBe(5);
    expect(new Set(result.stacks.map((s) => s.score)).size).toBe(1);
    const keys = result.stacks.map((s) => s.key);
    expect(keys).toEqual([...keys].sort());
    expect(result.stats.examined).toBeLessThan(200);
  });
});
