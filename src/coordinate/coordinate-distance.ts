/** @module coordinate/coordinate-distance — how far apart two coordinates are, dimension by dimension. */
import type { CompiledDimension, Kb } from "../kb/kb.js";
import { compare } from "../kb/partial-order.js";
import type { Coordinate, CoordinateValue } from "./coordinate.js";
import { isScenarioDimension, isSetDimension, tupleDimensions } from "./coordinate.js";

/** Per-dimension distances in [0, 1] (0 = same, or the query's `*`) and their sum. */
export interface CoordinateDistance {
  readonly total: number;
  readonly perDimension: Readonly<Record<string, number>>;
}

/** Years further apart than this count as fully different. */
const YEAR_SPAN = 10;

/** The height of each level in the ordering the dimension measures distance by: how many levels lie below it. */
const heights = new WeakMap<CompiledDimension, Map<string, number> | null>();
function heightOf(dim: CompiledDimension): Map<string, number> | null {
  if (heights.has(dim)) return heights.get(dim)!;
  const ordering = dim.distanceBy === undefined ? undefined : dim.orderings.get(dim.distanceBy);
  let result: Map<string, number> | null = null;
  if (ordering) {
    result = new Map();
    for (const a of dim.levels) {
      const below = new Set<string>();
      for (const b of dim.levels) if (compare(ordering.order, a.code, b.code) === "greater") below.add(b.code);
      result.set(a.code, below.size);
    }
  }
  heights.set(dim, result);
  return result;
}

/** Undirected hop counts between the levels of a dimension's graph (the view network). */
const hops = new WeakMap<CompiledDimension, Map<string, Map<string, number>>>();
function hopsOf(dim: CompiledDimension): Map<string, Map<string, number>> {
  const hit = hops.get(dim);
  if (hit) return hit;
  const adj = new Map<string, string[]>();
  for (const [a, b] of dim.graph?.edges ?? []) {
    adj.set(a, [...(adj.get(a) ?? []), b]);
    adj.set(b, [...(adj.get(b) ?? []), a]);
  }
  const all = new Map<string, Map<string, number>>();
  for (const start of dim.levels.map((l) => l.code)) {
    const dist = new Map([[start, 0]]);
    const queue = [start];
    while (queue.length) {
      const x = queue.shift()!;
      for (const y of adj.get(x) ?? []) {
        if (!dist.has(y)) {
          dist.set(y, dist.get(x)! + 1);
          queue.push(y);
        }
      }
    }
    all.set(start, dist);
  }
  hops.set(dim, all);
  return all;
}

/**
 * The distance on one dimension, in [0, 1]; 0 exactly when the values are equal. Ordinal dimensions
 * with a `distanceBy` ordering go by height in it (ties are near, never zero); others by level; years
 * by span; views by hops in the view network; scenarios by identity; sets by Jaccard distance.
 * @example dimensionDistance(kb.dimension("D")!, 3, 4) // 1 (container vs sandbox, far apart in strength)
 */
export function dimensionDistance(dim: CompiledDimension, a: CoordinateValue, b: CoordinateValue): number {
  if (isSetDimension(dim)) {
    const sa = new Set(a as readonly string[]);
    const sb = new Set(b as readonly string[]);
    const union = new Set([...sa, ...sb]);
    if (union.size === 0) return 0;
    let inter = 0;
    for (const x of sa) if (sb.has(x)) inter++;
    return 1 - inter / union.size;
  }
  if (a === b) return 0;
  if (isScenarioDimension(dim)) return 1;
  if (dim.kind === "year") return Math.min(1, Math.abs((a as number) - (b as number)) / YEAR_SPAN);
  const la = dim.levelByValue.get(a as number);
  const lb = dim.levelByValue.get(b as number);
  if (!la || !lb) return 1;
  if (dim.kind === "categorical") {
    if (!dim.graph) return 1;
    const h = hopsOf(dim).get(la.code)?.get(lb.code);
    return h === undefined ? 1 : Math.min(1, h / dim.levels.length);
  }
  const height = heightOf(dim);
  const ha = height?.get(la.code);
  const hb = height?.get(lb.code);
  if (ha !== undefined && hb !== undefined) {
    const max = Math.max(...height!.values());
    return (Math.abs(ha - hb) + 1) / (max + 1);
  }
  const values = dim.levels.map((l) => l.value);
  const range = Math.max(1, Math.max(...values) - Math.min(...values));
  return Math.abs(la.value - lb.value) / range;
}

/**
 * The distance from a query (whose `*` dimensions count 0) to a candidate coordinate.
 * @example coordinateDistance(kb, parseCoordinate(kb, "D=4 X=2"), record.coordinate).total
 */
export function coordinateDistance(kb: Kb, query: Coordinate, candidate: Coordinate): CoordinateDistance {
  const perDimension: Record<string, number> = {};
  let total = 0;
  for (const dim of tupleDimensions(kb)) {
    const q = query[dim.key];
    if (q === null || q === undefined) {
      perDimension[dim.key] = 0;
      continue;
    }
    const c = candidate[dim.key];
    const d = c === null || c === undefined ? 1 : dimensionDistance(dim, q, c);
    perDimension[dim.key] = d;
    total += d;
  }
  return { total, perDimension };
}
