/** @module network/detect-communities — groups of technologies that relate mostly among themselves (Louvain). */

import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { seededRandom } from "../seeded-random.js";
import type { AtlasGraph } from "./build-graph.js";

export interface Community {
  readonly id: number;
  readonly members: readonly string[];
  /** The roles in it, most common first. */
  readonly roles: readonly string[];
}

export interface Communities {
  readonly modularity: number;
  readonly communities: readonly Community[];
}

/**
 * Louvain communities over the relations taken as undirected, weighted by how many relations join two
 * technologies; deterministic (seeded). Isolated technologies form no community.
 * @example detectCommunities(buildGraph(kb)).communities[0].members
 */
export function detectCommunities(graph: AtlasGraph, seed = 42): Communities {
  const simple = new Graph({ type: "undirected" });
  graph.forEachNode((id) => {
    if (graph.degree(id) > 0) simple.addNode(id);
  });
  graph.forEachEdge((_e, _a, s, t) => {
    if (s === t) return;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, "weight", (w) => (w as number) + 1);
    else simple.addEdge(s, t, { weight: 1 });
  });
  if (simple.size === 0) return { modularity: 0, communities: [] };
  const out = louvain.detailed(simple, { getEdgeWeight: "weight", rng: seededRandom(seed) });
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(out.communities)) groups.set(c, [...(groups.get(c) ?? []), node]);
  const communities = [...groups.values()]
    .map((members) => members.sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!))
    .map((members, id) => {
      const count = new Map<string, number>();
      for (const m of members) {
        const role = graph.getNodeAttribute(m, "role");
        count.set(role, (count.get(role) ?? 0) + 1);
      }
      const roles = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r);
      return { id, members, roles };
    });
  return { modularity: Math.round(out.modularity * 1e4) / 1e4, communities };
}
