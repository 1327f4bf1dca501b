// Over the whole shipped knowledge base: no numeric `must` check admits or rejects a technology on a level-wide figure.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateMust } from "../src/coordinate/evaluate-must.js";
import { stackCoordinate } from "../src/coordinate/stack-coordinate.js";
import { judgeFigure } from "../src/evidence/judge-figure.js";
import { factEnds, ownFigures } from "../src/evidence/own-figures.js";
import type { CompiledFact } from "../src/kb/kb.js";
import { loadKb } from "../src/kb/load-kb.js";
import type { Must, NumericRange } from "../src/model/requirements.js";
import { buildQueryContext } from "../src/recommend/query-context.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";

const kb = loadKb(resolve(import.meta.dirname, "../data"));
const MUSTS = [
  { key: "coldStartMs", metric: "cold-start" },
  { key: "memoryMiB", metric: "memory" },
] as const;
const levelFacts = new Set<CompiledFact>();
for (const d of kb.dimensions.values()) for (const l of d.levels) for (const f of l.facts) levelFacts.add(f);

/** Thresholds around every end any figure states (own or level-wide), and far beyond them. */
function thresholds(metric: string): number[] {
  const ends = new Set<number>([0.001, 0.1, 10, 1000, 1e5, 1e7]);
  const facts = [...levelFacts, ...[...kb.technologies.values()].flatMap((t) => t.facts)];
  for (const f of facts) {
    if (f.metric !== metric || f.scope !== "instance") continue;
    const { lo, hi } = factEnds(f);
    for (const x of [lo, hi, f.normalized.representative])
      if (x !== undefined) for (const k of [0.999, 1.001]) ends.add(x * k);
  }
  return [...ends].sort((a, b) => a - b);
}
const ranges = (metric: string): NumericRange[] => thresholds(metric).flatMap((x) => [{ max: x }, { min: x }]);

describe("evidence rules over the whole knowledge base", () => {
  it("every technology × every numeric must: a verdict rests on the technology's own (or derived) figures only", () => {
    let decided = 0;
    let unknown = 0;
    for (const t of kb.technologies.values()) {
      const coordinate = stackCoordinate(kb, { runtime: t.id }, {}).coordinate;
      for (const { key, metric } of MUSTS) {
        const own = ownFigures(kb, t.id, metric, "instance");
        const ownFacts = new Set(own.flatMap((f) => [f.fact, ...(f.derived?.from ?? [])]));
        for (const r of ranges(metric)) {
          const j = judgeFigure(kb, t.id, metric, "instance", r);
          const check = evaluateMust(kb, { runtime: t.id }, coordinate, { [key]: r } as Must)[0]!;
          expect(check.status, `${t.id} ${key} ${JSON.stringify(r)}`).toBe(j.status);
          if (j.status === "unknown") {
            unknown++;
            expect(check.settle).toEqual({ metric, scope: "instance" });
            continue;
          }
          decided++;
          // Decided: on an own figure, never on a level's, and never without an own figure.
          expect(own.length).toBeGreaterThan(0);
          expect(levelFacts.has(j.figure!.fact)).toBe(false);
          expect(j.figure!.fact.subject).toBe(t.id);
          for (const f of j.figure!.derived?.from ?? [j.figure!.fact]) {
            expect(levelFacts.has(f)).toBe(false);
            expect([t.id, j.figure!.derived?.via]).toContain(f.subject);
          }
          expect(ownFacts.has(j.figure!.fact)).toBe(true);
        }
      }
    }
    // The test must be able to fail both ways: the knowledge base holds decided and unknown checks.
    expect(decided).toBeGreaterThan(100);
    expect(unknown).toBeGreaterThan(100);
  });

  it("a technology with no figure of its own is unknown whatever its level says", () => {
    for (const t of kb.technologies.values()) {
      for (const { metric } of MUSTS) {
        if (ownFigures(kb, t.id, metric, "instance").length > 0) continue;
        for (const r of ranges(metric)) expect(judgeFigure(kb, t.id, metric, "instance", r).status).toBe("unknown");
      }
    }
  });

  it("the search's per-part checks agree with evaluateMust for every runtime candidate", () => {
    for (const { key, metric } of MUSTS) {
      for (const r of thresholds(metric)
        .filter((_, i) => i % 3 === 0)
        .map((x) => ({ max: x }))) {
        const ctx = buildQueryContext(kb, resolveRequirements(kb, { must: { [key]: r } as Must }));
        for (const c of ctx.runtimes) {
          const status = judgeFigure(kb, c.id!, metric, "instance", r).status;
          expect(c.blockedBy.includes(key), `${c.id} ${key} ${r.max}`).toBe(status === "missed");
          expect(c.unknowns).toBe(status === "unknown" ? 1 : 0);
        }
      }
    }
  });
});
