import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { loadKb } from "../kb/load-kb.js";
import { buildGraph } from "../network/build-graph.js";
import { detectCommunities } from "../network/detect-communities.js";
import { networkCentrality } from "../network/network-centrality.js";
import { analyzeNetwork } from "./analyze-network.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));

describe("network analysis", () => {
  it("builds one node per technology and one edge per relation target", () => {
    const g = buildGraph(kb);
    expect(g.order).toBe(kb.technologies.size);
    const targets = kb.relations.all.reduce((n, r) => n + new Set(r.targets).size, 0);
    expect(g.size).toBe(targets);
  });

  it("ranks the Kubernetes API and Kubernetes among the most central", () => {
    const top = networkCentrality(buildGraph(kb), 5).map((c) => c.id);
    expect(top).toContain("kubernetes-api");
    expect(top).toContain("kubernetes");
  });

  it("finds the same communities every time (seeded), covering every connected technology", () => {
    const g = buildGraph(kb);
    const a = detectCommunities(g);
    expect(detectCommunities(g)).toEqual(a);
    const members = a.communities.flatMap((c) => c.members);
    expect(new Set(members).size).toBe(g.nodes().filter((n) => g.degree(n) > 0).length);
    expect(a.modularity).toBeGreaterThan(0.3);
  });

  it("reports gaps, correlations, consistency findings and matrices", () => {
    const a = analyzeNetwork(kb);
    const dx = a.gaps.pairs.find((p) => p.dimensions.join() === "D,X");
    expect(dx?.cells).toBe(25);
    expect(dx?.unrecorded.length).toBeGreaterThan(0);
    // Each correlation is Pearson's r over the recorded stacks with both values, recomputed here by its formula.
    expect(a.correlations.length).toBeGreaterThan(0);
    const records = recordedStacks(kb);
    for (const c of a.correlations) {
      const pairs = records
        .map((r) => [r.coordinate[c.a], r.coordinate[c.b]])
        .filter((p): p is [number, number] => typeof p[0] === "number" && typeof p[1] === "number");
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const xs = pairs.map((p) => p[0]);
      const ys = pairs.map((p) => p[1]);
      const [mx, my] = [mean(xs), mean(ys)];
      const cov = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
      const sx = Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0));
      const sy = Math.sqrt(ys.reduce((s, y) => s + (y - my) ** 2, 0));
      expect(c.n, `${c.a}–${c.b}`).toBe(pairs.length);
      expect(c.r, `${c.a}–${c.b}`).toBeCloseTo(cov / (sx * sy), 3);
    }
    expect(a.findings.some((f) => f.kind === "interface-without-implementers" && f.subject === "ebpf")).toBe(true);
    expect(a.matrices.levels.columns).toEqual(["L-0", "L-1", "L-2", "L-3", "L-4"]);
    expect(a.matrices.localisation?.rows.length).toBeGreaterThan(0);
  });

  it("analyses a filtered subset, and rejects unknown filters", () => {
    const a = analyzeNetwork(kb, { levels: ["L-4"] });
    expect(a.nodes).toBeLessThan(kb.technologies.size);
    expect(() => analyzeNetwork(kb, { levels: ["L-9"] })).toThrow();
  });
});
