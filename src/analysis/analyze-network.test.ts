import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
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
    expect(a.correlations.every((c) => c.r >= -1 && c.r <= 1 && c.n >= 3)).toBe(true);
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
