/** @module network/build-graph — the knowledge base as a graphology graph: technologies as nodes, relations as edges. */
import Graph from "graphology";
import type { Kb } from "../kb/kb.js";

/** A node's attributes: what exports and analyses read. */
export interface NodeAttributes {
  readonly label: string;
  readonly role: string;
  /** Level codes by dimension key. */
  readonly position: Readonly<Record<string, readonly string[]>>;
  readonly released: number;
}

/** An edge's attributes: the relation's type, source, and whether it is one option of an `anyOf`. */
export interface EdgeAttributes {
  readonly type: string;
  readonly source: string;
  readonly anyOf: boolean;
  readonly when?: string;
}

export type AtlasGraph = Graph<NodeAttributes, EdgeAttributes>;

/**
 * Builds the directed multigraph of the network: one node per technology (only `ids` if given), one
 * edge per relation target among them (each `anyOf` option is an edge).
 * @example buildGraph(kb).order // the number of technologies
 */
export function buildGraph(kb: Kb, ids?: Iterable<string>): AtlasGraph {
  const keep = ids === undefined ? undefined : new Set(ids);
  const g: AtlasGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: "directed", multi: true });
  for (const t of kb.technologies.values()) {
    if (keep && !keep.has(t.id)) continue;
    g.addNode(t.id, { label: t.names.en, role: t.role, position: t.position, released: t.releasedYear });
  }
  for (const r of kb.relations.all) {
    if (!g.hasNode(r.from)) continue;
    for (const to of new Set(r.targets)) {
      if (!g.hasNode(to)) continue;
      g.addDirectedEdge(r.from, to, {
        type: r.type,
        source: r.source,
        anyOf: r.anyOf !== undefined,
        ...(r.when === undefined ? {} : { when: r.when }),
      });
    }
  }
  return g;
}
