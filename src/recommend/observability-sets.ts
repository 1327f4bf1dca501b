/** @module recommend/observability-sets — sets of up to N observability tools that cover the required signals, each tool needed. */
import { BinaryHeap } from "../binary-heap.js";
import type { ObsTool, QueryContext } from "./query-context.js";

/** A set of tools and its exact share of the score. */
export interface ObsSet {
  readonly tools: readonly ObsTool[];
  readonly value: number;
}

/** The observability slot's value for a set: the base, less each tool's cost, summed in id order. */
export function obsSetValue(ctx: QueryContext, tools: readonly ObsTool[]): number {
  let v = ctx.obsBase;
  for (const t of [...tools].sort((a, b) => a.id.localeCompare(b.id))) v -= t.cost;
  return v;
}

/** Whether masks cover `required` together and none of them is redundant. */
export function isMinimalCover(masks: readonly number[], required: number): boolean {
  let union = 0;
  for (const m of masks) union |= m;
  if ((union & required) !== required) return false;
  for (let i = 0; i < masks.length; i++) {
    let rest = 0;
    for (let j = 0; j < masks.length; j++) if (j !== i) rest |= masks[j]!;
    if ((rest & required) === required) return false;
  }
  return true;
}

function* combinations<T>(items: readonly T[], size: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === size) {
    yield [...acc];
    return;
  }
  for (let i = start; i < items.length; i++) {
    acc.push(items[i]!);
    yield* combinations(items, size, i + 1, acc);
    acc.pop();
  }
}

/**
 * Every minimal cover of at most N tools, over every tool (admissible or not) — the brute-force space.
 * @example allObservabilitySets(ctx).length
 */
export function allObservabilitySets(ctx: QueryContext): ObsSet[] {
  if (ctx.requiredMask === 0) return [{ tools: [], value: ctx.obsBase }];
  const useful = ctx.observability.filter((t) => t.mask !== 0);
  const out: ObsSet[] = [];
  for (let size = 1; size <= ctx.maxObservability; size++) {
    for (const combo of combinations(useful, size)) {
      if (
        isMinimalCover(
          combo.map((t) => t.mask),
          ctx.requiredMask,
        )
      )
        out.push({ tools: combo, value: obsSetValue(ctx, combo) });
    }
  }
  return out;
}

interface State {
  readonly combo: number;
  readonly idx: readonly number[];
  readonly last: number;
  readonly cost: number;
  /** The cover's key part (tool ids in code-unit order, joined by `+`), made when a tie needs it. */
  key?: string;
}

/** Covers produced on demand: `get(i)` the i-th best, `key(i)` (once `get(i)` returned it) its part of a stack key. */
export interface LazyObsSets {
  get(i: number): ObsSet | undefined;
  key(i: number): string;
}

/**
 * The admissible minimal covers, lazily, best value first and equal values in key order: tools are
 * grouped by the required signals they cover; each group combination that is a minimal cover is a
 * product of lists sorted by cost, then id, walked with a heap so that the i-th set is produced only
 * when asked for. A step to the next tool of a group never lowers the cost, and at equal cost it
 * raises the key (ids have no character below `+`), so the heap meets covers in exactly this order.
 * @example const sets = lazyObservabilitySets(ctx); sets.get(0)?.value
 */
export function lazyObservabilitySets(ctx: QueryContext): LazyObsSets {
  const produced: ObsSet[] = [];
  const keys: string[] = [];
  /** The i-th set's tool ids sorted in code-unit order and joined by `+`, as in a stack's key (kept). */
  const key = (i: number): string => {
    let k = keys[i];
    if (k === undefined) {
      k = produced[i]!.tools.map((t) => t.id)
        .sort()
        .join("+");
      keys[i] = k;
    }
    return k;
  };
  if (ctx.requiredMask === 0) {
    produced.push({ tools: [], value: ctx.obsBase });
    return { get: (i) => produced[i], key };
  }
  const groups = new Map<number, ObsTool[]>();
  for (const t of ctx.observability) {
    if (t.mask === 0 || t.blockedBy.length > 0) continue;
    let g = groups.get(t.mask);
    if (!g) {
      g = [];
      groups.set(t.mask, g);
    }
    g.push(t); // ctx.observability is sorted by cost
  }
  const masks = [...groups.keys()].sort((a, b) => a - b);
  const combos: number[][] = [];
  for (let size = 1; size <= ctx.maxObservability; size++) {
    for (const c of combinations(masks, size)) if (isMinimalCover(c, ctx.requiredMask)) combos.push(c);
  }
  const toolsOf = (combo: readonly number[], idx: readonly number[]) => combo.map((m, j) => groups.get(m)![idx[j]!]!);
  const keyOf = (s: State): string =>
    toolsOf(combos[s.combo]!, s.idx)
      .map((t) => t.id)
      .sort()
      .join("+");
  // By cost, then by the cover's key: covers come out in the order of the stacks they make (higher
  // value first, then key), so that ties are met in key order.
  const heap = new BinaryHeap<State>((x, y) => {
    if (x.cost !== y.cost) return x.cost < y.cost;
    x.key ??= keyOf(x);
    y.key ??= keyOf(y);
    return x.key < y.key;
  });
  const costOf = (combo: readonly number[], idx: readonly number[]) =>
    combo.reduce((s, m, j) => s + groups.get(m)![idx[j]!]!.cost, 0);
  combos.forEach((c, i) => {
    const idx = c.map(() => 0);
    heap.push({ combo: i, idx, last: 0, cost: costOf(c, idx) });
  });
  return {
    get(i: number): ObsSet | undefined {
      while (produced.length <= i && heap.size > 0) {
        const s = heap.pop()!;
        const combo = combos[s.combo]!;
        const tools = toolsOf(combo, s.idx);
        if (s.key !== undefined) keys[produced.length] = s.key;
        produced.push({ tools, value: obsSetValue(ctx, tools) });
        for (let j = s.last; j < combo.length; j++) {
          if (s.idx[j]! + 1 < groups.get(combo[j]!)!.length) {
            const idx = [...s.idx];
            idx[j] = idx[j]! + 1;
            heap.push({ combo: s.combo, idx, last: j, cost: costOf(combo, idx) });
          }
        }
      }
      return produced[i];
    },
    key,
  };
}
