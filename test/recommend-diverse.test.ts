// The ranked list offers real alternatives: by default each of the top k is the best stack of a
// different runtime (then runtime and orchestrator); `raw` gives the k best scores however alike; the
// "why not" list names the best stack of each runtime family not shown, and why (en and zh).
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../src/kb/load-kb.js";
import type { Requirements } from "../src/model/requirements.js";
import { slotDimension } from "../src/recommend/_validate-requirements.js";
import { buildQueryContext } from "../src/recommend/query-context.js";
import { recommend } from "../src/recommend/recommend.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";
import { bestPerRuntimeGroup } from "../src/recommend/search-diverse.js";
import { fastSearch } from "../src/recommend/search-fast.js";

const kb = loadKb(resolve(import.meta.dirname, "../data"));
const runtimeDim = slotDimension(kb, "runtime")!;
const familyOf = (id: string) => kb.technologies.get(id)?.position[runtimeDim.key]?.[0];

describe("the top k as alternatives", () => {
  const edge: Requirements = { scenario: "edge", year: 2025 };

  it("by default shows k different runtimes, each its runtime's best; raw shows the k best scores", () => {
    const diverse = recommend(kb, edge, { top: 3, weights: "hand" });
    const raw = recommend(kb, { ...edge, raw: true }, { top: 3, weights: "hand" });
    expect(diverse.ranking).toBe("diverse");
    expect(raw.ranking).toBe("raw");
    const runtimes = diverse.stacks.map((s) => s.components.runtime.id);
    expect(new Set(runtimes).size).toBe(3);
    // The raw top 3 of this query share one runtime: the option changes the answer.
    expect(new Set(raw.stacks.map((s) => s.components.runtime.id)).size).toBeLessThan(3);
    // The first stack is the same either way: the best score.
    expect(diverse.stacks[0]!.label).toBe(raw.stacks[0]!.label);
    // Each shown stack is the best of its runtime.
    const ctx = buildQueryContext(kb, resolveRequirements(kb, edge));
    const best = bestPerRuntimeGroup(ctx, fastSearch, (id) => id);
    for (const s of diverse.stacks) expect(s.score).toBeCloseTo(best.get(s.components.runtime.id)!.score, 4);
  });

  it("the option `ranking: raw` and the requirements' `raw: true` agree", () => {
    const a = recommend(kb, { ...edge, raw: true }, { top: 4, weights: "hand" });
    const b = recommend(kb, edge, { top: 4, weights: "hand", ranking: "raw" });
    expect(a.stacks.map((s) => s.label)).toEqual(b.stacks.map((s) => s.label));
  });

  it("names the best stack of each runtime family not shown, and why, in English and Chinese", () => {
    for (const lang of ["en", "zh"] as const) {
      const r = recommend(kb, edge, { top: 3, weights: "hand", lang });
      const shown = new Set(r.stacks.map((s) => familyOf(s.components.runtime.id)));
      const families = r.rejected.filter((x) => x.family !== undefined);
      expect(families.length).toBeGreaterThan(0);
      for (const f of families) {
        expect(shown.has(f.family!.code)).toBe(false);
        expect(f.family!.name).toBe(runtimeDim.levels.find((l) => l.code === f.family!.code)!.names[lang]);
        expect(f.reason).toContain(f.family!.name);
        if (lang === "en") expect(f.reason).toMatch(/^(best .+ stack .+: |no .+ stack meets the requirements)/);
        else expect(f.reason).toMatch(/类(最佳技术栈|技术栈)/);
      }
      // At most one line per family.
      expect(new Set(families.map((f) => f.family!.code)).size).toBe(families.length);
    }
  });

  it("says why a family has no stack at all when its runtimes miss a requirement", () => {
    const r = recommend(kb, { must: { isolation: { equals: "L-4" } } }, { top: 3, weights: "hand" });
    const blocked = r.rejected.filter((x) => x.family !== undefined && x.stack === undefined);
    expect(blocked.length).toBeGreaterThan(0);
    for (const b of blocked) {
      expect(b.requirement).toBe("isolation");
      expect(b.reason).toMatch(/^no .+ stack meets the requirements: /);
    }
  });

  it("gives fewer different runtimes only when fewer runtimes have a stack: then other orchestrators", () => {
    const r = recommend(kb, { must: { include: ["wasmedge"] } }, { top: 3, weights: "hand" });
    expect(r.stacks.every((s) => s.components.runtime.id === "wasmedge")).toBe(true);
    const pairs = r.stacks.map((s) => `${s.components.runtime.id}|${s.components.orchestrator?.id ?? "-"}`);
    expect(new Set(pairs).size).toBe(3);
  });
});
