// The contract every stack search keeps: run against the fast search and the brute-force reference.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { stackParts } from "../coordinate/assign-slots.js";
import { judgeFigure } from "../evidence/judge-figure.js";
import type { Kb } from "../kb/kb.js";
import { loadKb } from "../kb/load-kb.js";
import type { Requirements } from "../model/requirements.js";
import { buildQueryContext } from "./query-context.js";
import type { SearchFn } from "./ranked-stack.js";
import { resolveRequirements } from "./resolve-requirements.js";
import { syntheticKb } from "./synthetic-kb.js";

// biome-ignore lint/suspicious/noExportsInTest: a shared contract suite (house style: `*.case.test.ts` exports `run…({ create })`)
export interface SearchContractOptions {
  readonly name: string;
  readonly create: () => SearchFn;
}

const DATA = resolve(import.meta.dirname, "../../data");
let real: Kb | undefined;
const realKb = () => {
  real ??= loadKb(DATA);
  return real;
};

function run(kb: Kb, search: SearchFn, req: Requirements, k = 5) {
  const ctx = buildQueryContext(kb, resolveRequirements(kb, req));
  return { ctx, result: search(ctx, k) };
}

/** The contract: ordering, feasibility, the year, include/exclude, impossible constraints, distinct stacks. */
// biome-ignore lint/suspicious/noExportsInTest: a shared contract suite run against both searches
export function runSearchContract({ name, create }: SearchContractOptions): void {
  describe(`search contract: ${name}`, () => {
    const search = create();

    it("returns at most k stacks, best first, ties by key", () => {
      const kb = syntheticKb({ size: 40, seed: 3 });
      const { result } = run(kb, search, { scenario: "syn-scenario-1" }, 4);
      expect(result.stacks.length).toBeLessThanOrEqual(4);
      for (let i = 1; i < result.stacks.length; i++) {
        const a = result.stacks[i - 1]!;
        const b = result.stacks[i]!;
        expect(a.score > b.score || (a.score === b.score && a.key < b.key)).toBe(true);
      }
    });

    it("ranks only stacks that break no must, no dependency, no conflict", () => {
      const kb = syntheticKb({ size: 40, seed: 5 });
      const { result } = run(kb, search, { must: { coldStartMs: { max: 1000 }, observability: ["O1"] } });
      expect(result.stacks.length).toBeGreaterThan(0);
      for (const s of result.stacks) {
        expect(s.evaluation.violations).toEqual([]);
        expect(s.evaluation.checks.filter((c) => c.status === "missed")).toEqual([]);
        expect(s.evaluation.completed.missing).toEqual([]);
        expect(s.evaluation.completed.conflicts).toEqual([]);
      }
    });

    it("gives one stack per runtime–orchestrator–policy combination", () => {
      const kb = syntheticKb({ size: 40, seed: 8 });
      const { result } = run(kb, search, { must: { observability: ["O1", "O2"] } }, 8);
      const keys = result.stacks.map((s) => `${s.slots.runtime}|${s.slots.orchestrator}|${s.slots.policy}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("k = 1 gives the first of k = 5", () => {
      const kb = syntheticKb({ size: 40, seed: 11 });
      const one = run(kb, search, { scenario: "syn-scenario-2" }, 1).result.stacks;
      const five = run(kb, search, { scenario: "syn-scenario-2" }, 5).result.stacks;
      expect(one.map((s) => s.key)).toEqual(five.slice(0, 1).map((s) => s.key));
    });

    it("never returns a part released after the as-of year (real KB, 2016)", () => {
      const kb = realKb();
      const { result } = run(kb, search, { year: 2016 }, 3);
      expect(result.stacks.length).toBeGreaterThan(0);
      for (const s of result.stacks) {
        for (const id of stackParts(s.evaluation.components))
          expect(kb.technologies.get(id)!.releasedYear).toBeLessThanOrEqual(2016);
      }
    });

    it("honours include and exclude (real KB)", () => {
      const kb = realKb();
      const { result } = run(kb, search, { must: { include: ["k3s"], exclude: ["runc", "crun"] } }, 3);
      expect(result.stacks.length).toBeGreaterThan(0);
      for (const s of result.stacks) {
        const parts = stackParts(s.evaluation.components);
        expect(parts).toContain("k3s");
        expect(parts).not.toContain("runc");
        expect(parts).not.toContain("crun");
      }
    });

    it("gpu: true never returns Firecracker (real KB)", () => {
      const { result } = run(realKb(), search, { must: { gpu: true, kubernetesApi: false } }, 5);
      expect(result.stacks.length).toBeGreaterThan(0);
      for (const s of result.stacks) expect(stackParts(s.evaluation.components)).not.toContain("firecracker");
    });

    it("returns nothing when nothing meets the constraints together", () => {
      const kb = realKb();
      // Runtimes with no cold-start figure of their own are unknown (admitted, ranked last): leave them
      // out, so that every runtime left is judged, and missed, on its own figures.
      const unjudged = [...kb.technologies.values()]
        .filter(
          (t) =>
            t.position.D !== undefined &&
            judgeFigure(kb, t.id, "cold-start", "instance", { max: 0.0001 }).status === "unknown",
        )
        .map((t) => t.id);
      const { result } = run(kb, search, { must: { coldStartMs: { max: 0.0001 }, exclude: unjudged } });
      expect(result.stacks).toEqual([]);
    });

    it("ranks a stack with an unknown check after every stack whose checks are all met", () => {
      const kb = realKb();
      // Orchestrators and policies left out: one stack per runtime, so the list reaches the unjudged ones.
      const exclude = [...kb.technologies.values()]
        .filter((t) => t.role === "orchestrator" || t.role === "policy")
        .map((t) => t.id);
      const { result } = run(kb, search, { must: { coldStartMs: { max: 10 }, exclude } }, 60);
      const unknowns = result.stacks.map((s) => s.evaluation.unknowns.length);
      expect(unknowns[0]).toBe(0);
      expect(unknowns.some((u) => u > 0)).toBe(true);
      expect([...unknowns].sort((a, b) => a - b)).toEqual(unknowns);
    });

    it("scores agree with the parts' contributions less the unknown penalty", () => {
      const kb = syntheticKb({ size: 40, seed: 13 });
      const { result } = run(kb, search, { scenario: "syn-scenario-3" });
      for (const s of result.stacks) {
        const parts =
          s.runtime.contribution + s.orchestrator.contribution + s.policy.contribution + s.observability.value;
        expect(s.score).toBeLessThanOrEqual(parts + 1e-12);
      }
    });
  });
}

describe("search contract module", () => {
  it("exports runSearchContract", () => {
    expect(typeof runSearchContract).toBe("function");
  });
});
