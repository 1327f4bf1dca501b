/** @module recommend/search-fast — exact top-k by branch and bound over the slots, best parts first. */
import { hasWayIn } from "../coordinate/way-in.js";
import type { Kb } from "../kb/kb.js";
import { lazyObservabilitySets } from "./observability-sets.js";
import type { QueryContext } from "./query-context.js";
import { rankStack, type SearchOptions, type SearchResult, TopStacks } from "./ranked-stack.js";

/** Slack for rounding: the bounds subtract known penalties per part, the score subtracts them all at once. */
const EPS = 1e-9;

/**
 * A slot's candidates that nothing blocks, and for each the index after its run of equal bounds
 * (`end[i]`). Candidates are sorted by bound, higher first, and within a run in key order, so once one
 * is cut by its key prefix the rest of its run is cut too, and the search jumps to `end[i]`. Kept per
 * candidate list, which contexts derived from one another share (the Pareto view searches once per runtime).
 */
interface Open<T> {
  readonly list: readonly T[];
  readonly end: Int32Array;
}
const openCache = new WeakMap<readonly object[], Open<object>>();
function open<T extends { bound: number; blockedBy: readonly string[] }>(xs: readonly T[]): Open<T> {
  const hit = openCache.get(xs);
  if (hit) return hit as Open<T>;
  const out = runs(xs.filter((x) => x.blockedBy.length === 0));
  openCache.set(xs, out);
  return out;
}

/** A list of open candidates with its runs of equal bounds (`end`), as {@link open} makes it. */
function runs<T extends { bound: number }>(list: readonly T[]): Open<T> {
  const end = new Int32Array(list.length);
  for (let i = list.length - 1; i >= 0; i--)
    end[i] = i + 1 < list.length && list[i + 1]!.bound === list[i]!.bound ? end[i + 1]! : i + 1;
  return { list, end };
}

/**
 * The open orchestrators a runtime can be paired with: the empty slot (a standalone stack needs no
 * way in) and those the knowledge base records a way in for (`hasWayIn`), in the list's order. Any
 * other pair is a stack with a missing dependency, so the search neither enters it nor counts it in
 * its bounds. Kept per orchestrator list and runtime.
 */
const pairCache = new WeakMap<readonly object[], Map<string, Open<object>>>();
function pairedWith<T extends { id: string | null; bound: number }>(kb: Kb, os: Open<T>, runtime: string): Open<T> {
  let m = pairCache.get(os.list);
  if (!m) {
    m = new Map();
    pairCache.set(os.list, m);
  }
  const hit = m.get(runtime);
  if (hit) return hit as Open<T>;
  const list = os.list.filter((o) => o.id === null || hasWayIn(kb, runtime, o.id));
  const out = list.length === os.list.length ? os : runs(list);
  m.set(runtime, out);
  return out;
}

/**
 * Branch and bound: candidates per slot are sorted by their exact contribution, so the best remaining
 * contribution (less the penalty for the `must` checks it leaves unknown on its own) of each later slot
 * is an admissible upper bound. A branch whose bound is below the k-th score is cut; one whose bound
 * ties it is entered only if its key prefix could still sort first, and the candidates tied with it
 * that sort after it are cut with it. Parts that miss a `must` on their own are never tried;
 * observability covers come lazily, best first and ties in key order, so a combination's first
 * feasible cover is its best. With `onePer`, only each runtime's (or runtime–orchestrator pair's)
 * best stack competes for the top k (its own branches are cut against its best so far as well). Returns the same ranking as
 * {@link bruteForceSearch}.
 * @example fastSearch(buildQueryContext(kb, resolveRequirements(kb, { scenario: "edge" })), 5).stacks[0]?.key
 */
export function fastSearch(ctx: QueryContext, k: number, options: SearchOptions = {}): SearchResult {
  const top = new TopStacks(k);
  // With `onePer`, a runtime's (or pair's) stacks compete first among themselves (`own`: its best so
  // far), and only its best is offered to the top k: a branch is entered only if it could beat both.
  const per = options.onePer;
  let own = new TopStacks(1);
  const { list: R, end: rEnd } = open(ctx.runtimes);
  const openO = open(ctx.orchestrators);
  const O0 = openO.list;
  const { list: P, end: pEnd } = open(ctx.policies);
  const sets = lazyObservabilitySets(ctx);
  const best0 = sets.get(0);
  let evaluated = 0;
  let examined = 0;
  if (R.length === 0 || O0.length === 0 || P.length === 0 || !best0) {
    return { stacks: [], stats: { evaluated, examined, space: 0 } };
  }
  /** Whether a branch with this bound and key prefix could still place a stack in `t`. */
  const within = (t: TopStacks, bound: number, prefix: string): boolean => {
    const th = t.threshold;
    if (bound > th) return true;
    if (bound < th - EPS) return false;
    const kth = t.items[t.items.length - 1]!.key;
    return prefix <= kth.slice(0, prefix.length);
  };
  /** Whether a branch with this bound and key prefix could still place a stack in the top k. */
  const enter = (bound: number, prefix: string): boolean => {
    examined++;
    return within(top, bound, prefix) && (per === undefined || within(own, bound, prefix));
  };
  /** The score a branch must reach: the k-th's, or with `onePer` also its runtime's (pair's) best so far. */
  const floor = (): number => (per === undefined ? top.threshold : Math.max(top.threshold, own.threshold));
  const maxO = O0[0]!.bound;
  const maxP = P[0]!.bound;
  const maxObs = best0.value;
  for (let ri = 0; ri < R.length; ri++) {
    const r = R[ri]!;
    // Every later runtime's bound is at most this one's with the best orchestrator of all.
    if (r.bound + maxO + maxP + maxObs < top.threshold - EPS) break;
    // Only the orchestrators this runtime has a way into (and the empty slot) pair with it.
    const { list: O, end: oEnd } = pairedWith(ctx.kb, openO, r.id!);
    if (O.length === 0) continue;
    const rb = r.bound + O[0]!.bound + maxP + maxObs;
    const rk = `${r.id}|`;
    if (per !== undefined) own = new TopStacks(1);
    if (!enter(rb, rk)) {
      // A run of equal bounds is cut together only when its runtimes share the best orchestrator's
      // bound: with their own pairs' bounds, each is judged alone.
      if (O === openO.list) ri = rEnd[ri]! - 1;
      continue;
    }
    for (let oi = 0; oi < O.length; oi++) {
      const o = O[oi]!;
      if (per === "pair") own = new TopStacks(1);
      const ro = r.bound + o.bound;
      const ob = ro + maxP + maxObs;
      if (ob < floor() - EPS) break;
      const ok = `${rk}${o.id ?? "-"}|`;
      if (!enter(ob, ok)) {
        oi = oEnd[oi]! - 1;
        continue;
      }
      for (let pi = 0; pi < P.length; pi++) {
        const p = P[pi]!;
        const rop = ro + p.bound;
        const pb = rop + maxObs;
        if (pb < floor() - EPS) break;
        const prefix = `${ok}${p.id ?? "-"}|`;
        if (!enter(pb, prefix)) {
          pi = pEnd[pi]! - 1;
          continue;
        }
        // Covers come best first, equal values in key order, and a cover's value decides the stack's
        // score (unknown checks do not depend on the cover; costs on a grid keep different values
        // apart), so the first feasible cover is this combination's best: no later one ranks before it.
        for (let i = 0; ; i++) {
          const obs = sets.get(i);
          if (!obs || rop + obs.value < floor() - EPS) break;
          // The key is `prefix` + the cover's part (slotsKey's form). A cover cut here cuts the rest: one
          // of equal value sorts after it, one of lower value scores at least a grid step less.
          const key = prefix + sets.key(i);
          if (!enter(rop + obs.value, key)) break;
          const s = rankStack(ctx, r, o, p, obs, key);
          evaluated++;
          if (!s) continue;
          (per === undefined ? top : own).offer(s);
          break;
        }
      }
      if (per === "pair" && own.items[0]) top.offer(own.items[0]);
    }
    if (per === "runtime" && own.items[0]) top.offer(own.items[0]);
  }
  return { stacks: top.items, stats: { evaluated, examined, space: R.length * O0.length * P.length } };
}
