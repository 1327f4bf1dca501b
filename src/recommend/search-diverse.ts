/** @module recommend/search-diverse — the top k as real alternatives: the best stack of each runtime, then of each runtime and orchestrator. */
import type { Candidate, QueryContext } from "./query-context.js";
import type { RankedStack, SearchFn, SearchOptions, SearchResult } from "./ranked-stack.js";

interface Counts {
  evaluated: number;
  examined: number;
}

const open = (xs: readonly Candidate[]) => xs.filter((x) => x.blockedBy.length === 0);

/** One exact search, counted. */
function counted(
  ctx: QueryContext,
  k: number,
  search: SearchFn,
  counts: Counts,
  options?: SearchOptions,
): readonly RankedStack[] {
  const r = search(ctx, k, options);
  counts.evaluated += r.stats.evaluated;
  counts.examined += r.stats.examined ?? 0;
  return r.stacks;
}

/**
 * The best stack of each group of runtimes (`groupOf`: a runtime's family; `undefined` leaves it out),
 * for the "why not" list. Exact when `search` is.
 * @example bestPerRuntimeGroup(ctx, fastSearch, (id) => (id === "runc" ? "containers" : undefined)).get("containers")?.key
 */
export function bestPerRuntimeGroup(
  ctx: QueryContext,
  search: SearchFn,
  groupOf: (runtime: string) => string | undefined,
): Map<string, RankedStack> {
  const out = new Map<string, RankedStack>();
  const byGroup = new Map<string, Candidate[]>();
  for (const r of open(ctx.runtimes)) {
    const g = r.id === null ? undefined : groupOf(r.id);
    if (g === undefined) continue;
    byGroup.set(g, [...(byGroup.get(g) ?? []), r]);
  }
  const counts = { evaluated: 0, examined: 0 };
  for (const [g, runtimes] of byGroup) {
    const best = counted({ ...ctx, runtimes }, 1, search, counts)[0];
    if (best) out.set(g, best);
  }
  return out;
}

/**
 * The top k as alternatives: first the best stack of each runtime (by rank; one search, each runtime's
 * stacks competing among themselves first), then, when fewer than k runtimes have a feasible stack, the
 * best stack of each further runtime–orchestrator pair, then the rest of the raw ranking. Each stack
 * shown is the best of its kind (`search` = brute force gives the same list).
 * @example diverseSearch(ctx, 3, fastSearch).stacks.map((s) => s.slots.runtime) // three different runtimes
 */
export function diverseSearch(ctx: QueryContext, k: number, search: SearchFn): SearchResult {
  const counts = { evaluated: 0, examined: 0 };
  const R = open(ctx.runtimes);
  const O = open(ctx.orchestrators);
  const P = open(ctx.policies);
  const space = ctx.runtimes.length * ctx.orchestrators.length * ctx.policies.length;
  if (R.length === 0 || O.length === 0 || P.length === 0 || k <= 0) {
    return { stacks: [], stats: { ...counts, space } };
  }
  const chosen = [...counted(ctx, k, search, counts, { onePer: "runtime" })];
  if (chosen.length < k && chosen.length > 0) {
    // Fewer runtimes than k: the best stack of each further runtime–orchestrator pair of those runtimes
    // (each runtime's best is its pair's best too, so it is among them and skipped).
    const keys = new Set(chosen.map((s) => s.key));
    const runtimes = R.filter((x) => chosen.some((s) => s.slots.runtime === x.id));
    for (const s of counted({ ...ctx, runtimes }, k, search, counts, { onePer: "pair" }))
      if (chosen.length < k && !keys.has(s.key)) chosen.push(s);
  }
  if (chosen.length < k && chosen.length > 0) {
    // Still fewer: the rest of the raw ranking, in its order.
    const keys = new Set(chosen.map((s) => s.key));
    for (const s of counted(ctx, 2 * k, search, counts)) if (chosen.length < k && !keys.has(s.key)) chosen.push(s);
  }
  return { stacks: chosen, stats: { ...counts, space } };
}
