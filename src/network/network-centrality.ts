/** @module network/network-centrality — which technologies the network hinges on: degree, betweenness, PageRank. */
import betweenness from "graphology-metrics/centrality/betweenness.js";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import type { AtlasGraph } from "./build-graph.js";

export interface CentralityRow {
  readonly id: string;
  readonly inDegree: number;
  readonly outDegree: number;
  /** Normalised betweenness: how many shortest paths pass through it. */
  readonly betweenness: number;
  readonly pagerank: number;
}

/**
 * Centrality of every node, highest PageRank first (ties by betweenness, then id); `top` keeps the first k.
 * @example networkCentrality(buildGraph(kb), 5)[0].id // the most depended-upon technology
 */
export function networkCentrality(graph: AtlasGraph, top = Number.POSITIVE_INFINITY): CentralityRow[] {
  if (graph.order === 0) return [];
  const b = betweenness(graph, { normalized: true });
  const p = pagerank(graph, { getEdgeWeight: null });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return graph
    .nodes()
    .map((id) => ({
      id,
      inDegree: graph.inDegree(id),
      outDegree: graph.outDegree(id),
      betweenness: round(b[id] ?? 0),
      pagerank: round(p[id] ?? 0),
    }))
    .sort((x, y) => y.pagerank - x.pagerank || y.betweenness - x.betweenness || x.id.localeCompare(y.id))
    .slice(0, top);
}
