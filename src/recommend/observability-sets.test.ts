import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allObservabilitySets, isMinimalCover, lazyObservabilitySets } from "./observability-sets.js";
import { buildQueryContext } from "./query-context.js";
import { resolveRequirements } from "./resolve-requirements.js";
import { syntheticKb } from "./synthetic-kb.js";

describe("observability sets", () => {
  it("minimal covers: every tool needed, the union covers", () => {
    expect(isMinimalCover([0b01, 0b10], 0b11)).toBe(true);
    expect(isMinimalCover([0b11, 0b10], 0b11)).toBe(false);
    expect(isMinimalCover([0b01], 0b11)).toBe(false);
  });

  it("the lazy enumeration yields the admissible covers, best first, exactly once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.subarray(["O1", "O2", "O3", "O4"], { minLength: 1 }),
        (seed, signals) => {
          const kb = syntheticKb({ size: 60, seed });
          const ctx = buildQueryContext(kb, resolveRequirements(kb, { must: { observability: signals } }), {
            maxObservability: 2,
          });
          const want = allObservabilitySets(ctx).filter((s) => s.tools.every((t) => t.blockedBy.length === 0));
          const lazy = lazyObservabilitySets(ctx);
          const got = [];
          for (let i = 0; lazy.get(i); i++) got.push(lazy.get(i)!);
          const key = (s: { tools: readonly { id: string }[] }) =>
            s.tools
              .map((t) => t.id)
              .sort()
              .join("+");
          expect(got.map(key).sort()).toEqual(want.map(key).sort());
          for (let i = 1; i < got.length; i++) expect(got[i]!.value).toBeLessThanOrEqual(got[i - 1]!.value + 1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });
});
