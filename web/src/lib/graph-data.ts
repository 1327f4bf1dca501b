/** @module web/lib/graph-data — the atlas's graph from GET /api/graph, read into one shape, and its grouped layout (pure, deterministic). */
import type { Answer } from "./api-contract.js";

type Names = Answer<"GET /api/graph">["nodes"][number]["names"];

export interface AtlasNode {
  readonly id: string;
  readonly label: string;
  readonly names: Names | undefined;
  readonly role: string;
  readonly released: number | undefined;
  readonly cncf: string | undefined;
  /** Level codes per dimension key (`D: ["L-4"]`, `S: ["edge"]`, `O: ["O1"]`). */
  readonly levels: Readonly<Record<string, readonly string[]>>;
}

export interface AtlasEdge {
  readonly from: string;
  readonly to: string;
  readonly type: string;
}

export interface AtlasGraph {
  readonly nodes: readonly AtlasNode[];
  readonly edges: readonly AtlasEdge[];
}

/** Reads the graph answer into the atlas's shape: each node's levels (T aside), edges inside the graph. */
export function readGraph(answer: Answer<"GET /api/graph">): AtlasGraph {
  const nodes: AtlasNode[] = answer.nodes.map((n) => ({
    id: n.id,
    label: n.name,
    names: n.names,
    role: n.role,
    released: n.releasedYear,
    cncf: n.cncf?.maturity,
    levels: Object.fromEntries(Object.entries(n.position).filter(([k, v]) => k !== "T" && v.length > 0)),
  }));
  const seen = new Set(nodes.map((n) => n.id));
  const edges = answer.edges
    .filter((e) => seen.has(e.source) && seen.has(e.target) && e.source !== e.target)
    .map((e) => ({ from: e.source, to: e.target, type: e.type }));
  return { nodes, edges };
}

/** The value of a node on a grouping or colouring key: a dimension's first level, the role, the maturity, or a T period. */
export function groupOf(n: AtlasNode, key: string): string {
  if (key === "role") return n.role;
  if (key === "cncf") return n.cncf ?? "—";
  if (key === "T")
    return n.released === undefined ? "—" : `${Math.floor(n.released / 5) * 5}–${Math.floor(n.released / 5) * 5 + 4}`;
  const codes = n.levels[key];
  return codes && codes.length > 0 ? [...codes].sort()[0]! : "—";
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/**
 * Places groups on a circle (in `order`), each group's nodes on a sunflower spiral around its centre,
 * most connected first so hubs sit in the middle. O(n); the same input gives the same picture.
 */
export function groupedLayout(
  nodes: readonly AtlasNode[],
  key: string,
  degree: ReadonlyMap<string, number>,
  order: (a: string, b: string) => number,
): Map<string, Position> {
  const groups = new Map<string, AtlasNode[]>();
  for (const n of nodes) {
    const g = key === "none" ? "all" : groupOf(n, key);
    const list = groups.get(g);
    if (list) list.push(n);
    else groups.set(g, [n]);
  }
  const names = [...groups.keys()].sort(order);
  const spacing = 1;
  const radii = names.map((g) => Math.sqrt(groups.get(g)!.length) * spacing + 2);
  const circumference = radii.reduce((s, r) => s + 2 * r + 2, 0);
  const ring = names.length <= 1 ? 0 : circumference / (2 * Math.PI);
  const out = new Map<string, Position>();
  let angle = -Math.PI / 2;
  names.forEach((g, i) => {
    const r = radii[i]!;
    const step = ring === 0 ? 0 : ((2 * r + 2) / circumference) * 2 * Math.PI;
    angle += step / 2;
    const cx = Math.cos(angle) * ring;
    const cy = Math.sin(angle) * ring;
    angle += step / 2;
    const members = [...groups.get(g)!].sort(
      (a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1),
    );
    members.forEach((n, k) => {
      const rr = Math.sqrt(k + 0.5) * spacing;
      out.set(n.id, { x: cx + Math.cos(k * GOLDEN) * rr, y: cy + Math.sin(k * GOLDEN) * rr });
    });
  });
  return out;
}

/** A colour-blind-safe categorical palette (Okabe–Ito, then Tol's muted). */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#D55E00",
  "#56B4E9",
  "#8a7a00",
  "#332288",
  "#117733",
  "#882255",
  "#44AA99",
  "#AA4499",
  "#661100",
  "#6699CC",
  "#888888",
] as const;
