/** @module web/lib/graph-data — the atlas's graph from GET /api/graph, read into one shape, and its grouped layout (pure, deterministic). */
import type { Names } from "./types.js";

export interface AtlasNode {
  readonly id: string;
  readonly label: string;
  readonly names: Names | undefined;
  readonly role: string;
  readonly released: number | undefined;
  readonly cncf: string | undefined;
  /** Level codes per dimension key (`D: ["L-4"]`, `S: ["edge"]`, `O: ["O1"]`). */
  readonly levels: Readonly<Record<string, readonly string[]>>;
  readonly aliases: readonly string[];
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

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];

/** Level codes of a node: from `coordinate` (the list's shape) or `properties` (the export's), or `levels`. */
function levelsOf(n: Raw): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const bag of [n.properties, n.coordinate, n.levels, n.position] as (Raw | undefined)[]) {
    if (!bag || typeof bag !== "object") continue;
    for (const [k, v] of Object.entries(bag)) {
      if (!/^[A-Z]$/.test(k) || k === "T") continue;
      const codes = strs(v);
      if (codes.length > 0) out[k] = codes;
    }
  }
  return out;
}

/**
 * Reads the graph answer: `{ nodes, edges }` with `from`/`to` or `source`/`target`, node labels as
 * `label` or `name`, positions in `coordinate`, `properties` or `levels`.
 */
export function readGraph(answer: unknown): AtlasGraph {
  const a = (answer ?? {}) as Raw;
  const g = (a.graph as Raw | undefined) ?? a;
  const rawNodes = (Array.isArray(g.nodes) ? g.nodes : []) as Raw[];
  const rawEdges = (Array.isArray(g.edges) ? g.edges : Array.isArray(g.links) ? g.links : []) as Raw[];
  const nodes: AtlasNode[] = [];
  const seen = new Set<string>();
  for (const n of rawNodes) {
    const id = str(n.id) ?? str(n.key);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const props = (n.properties ?? n.attributes ?? {}) as Raw;
    const names = (n.names ?? props.names) as Names | undefined;
    const coord = (n.coordinate ?? {}) as Raw;
    nodes.push({
      id,
      label: str(n.label) ?? str(n.name) ?? str(props.label) ?? id,
      names: names && typeof names.en === "string" ? names : undefined,
      role: str(n.role) ?? str(props.role) ?? str(n.kind) ?? "unknown",
      released: num(n.releasedYear) ?? num(n.released) ?? num(props.released) ?? num(coord.T) ?? num(n.year),
      cncf:
        str(n.cncf) ??
        str((n.cncf as Raw | undefined)?.maturity) ??
        str(props.cncf) ??
        str(n.maturity) ??
        str(props.maturity),
      levels: levelsOf({ ...n, properties: props }),
      aliases: strs(n.aliases ?? props.aliases),
    });
  }
  const edges: AtlasEdge[] = [];
  for (const e of rawEdges) {
    const from = str(e.from) ?? str(e.source);
    const to = str(e.to) ?? str(e.target);
    if (!from || !to || !seen.has(from) || !seen.has(to) || from === to) continue;
    edges.push({ from, to, type: str(e.type) ?? str(e.relation) ?? "related" });
  }
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
