/** @module recommend/search-fast — exact top-k by branch and bound over the slots, best parts first. */
import { evaluateStack } from "./evaluate-stack.js";
import { lazyObservabilitySets } from "./observability-sets.js";
import type { QueryContext } from "./query-context.js";
import { byRank, type RankedStack, type SearchResult, stackScore, TopK } from "./ranked-stack.js";

/** Slack for rounding: the bounds subtract known penalties per part, the score subtracts them all at once. */
const EPS = 1e-9;

/**
 * Branch and bound: candidates per slot are sorted by their exact contribution, so the best remaining
 * contribution (less the penalty for the `must` checks it leaves unknown on its own) of each later slot
 * is an admissible upper bound. A branch whose bound is below the k-th score is cut; one whose bound
 * ties it is entered only if its key prefix could still sort first. Parts that miss a `must` on
 * their own are never tried; observability covers come lazily, best first. Returns the same ranking as
 * {@link bruteForceSearch}.
 * @example fastSearch(buildQueryContext(kb, resolveRequirements(kb, { scenario: "edge" })), 5).stacks[0]?.key
 */
export function fastSearch(ctx: QueryContext, k: number): SearchResult {
  const top = new TopK(k);
  const ok = <T extends { blockedBy: readonly string[] }>(xs: readonly T[]) =>
    xs.filter((x) => x.blockedBy.length === 0);
  const R = ok(ctx.runtimes);
  const O = ok(ctx.orchestrators);
  const P = ok(ctx.policies);
  const sets = lazyObservabilitySets(ctx);
  const best0 = sets.get(0);
  let evaluated = 0;
  if (R.length === 0 || O.length === 0 || P.length === 0 || !best0) {
    return { stacks: [], stats: { evaluated, space: 0 } };
  }
  /** Whether a branch with this bound and key prefix could still place a stack in the top k. */
  const enter = (bound: number, prefix: string): boolean => {
    const th = top.threshold;
    if (bound > th) return true;
    if (bound < th - EPS) return false;
    const kth = top.items[top.items.length - 1]!.key;
    return prefix <= kth.slice(0, prefix.length);
  };
  const maxO = O[0]!.bound;
  const maxP = P[0]!.bound;
  const maxObs = best0.value;
  for (const r of R) {
    const rb = r.bound + maxO + maxP + maxObs;
    if (rb < top.threshold - EPS) break;
    const rk = `${r.id}|`;
    if (!enter(rb, rk)) continue;
    for (const o of O) {
      const ro = r.bound + o.bound;
      const ob = ro + maxP + maxObs;
      if (ob < top.threshold - EPS) break;
      const ok = `${rk}${o.id ?? "-"}|`;
      if (!enter(ob, ok)) continue;
      for (const p of P) {
        const rop = ro + p.bound;
        const pb = rop + maxObs;
        if (pb < top.threshold - EPS) break;
        const prefix = `${ok}${p.id ?? "-"}|`;
        if (!enter(pb, prefix)) continue;
        // The first feasible cover is the best for this combination (unknown checks do not depend on the
        // cover); covers within EPS of it are compared too, so ties break by key as in brute force.
        let best: RankedStack | undefined;
        /** The best stack's key after the combination's prefix (its observability part). */
        let bestSuffix = "";
        for (let i = 0; ; i++) {
          const obs = sets.get(i);
          if (!obs || rop + obs.value < top.threshold - EPS) break;
          if (best && obs.value < best.observability.value - EPS) break;
          // The key is `prefix` + the cover's part (slotsKey's form); keys of one combination share the
          // prefix, so they compare as their covers' parts do.
          const suffix = sets.key(i);
          // A cover no better than this combination's best, with a later key, cannot change anything.
          if (best && obs.value <= best.observability.value && suffix >= bestSuffix) continue;
          const key = prefix + suffix;
          if (!enter(rop + obs.value, key)) continue;
          const slots = {
            runtime: r.id!,
            orchestrator: o.id,
            policy: p.id,
            observability: obs.tools.map((t) => t.id).sort(),
          };
          const evaluation = evaluateStack(ctx, slots);
          evaluated++;
          if (evaluation.violations.length > 0) continue;
          const score = stackScore(r, o, p, obs, evaluation.unknowns.length);
          const s = { key, slots, score, runtime: r, orchestrator: o, policy: p, observability: obs, evaluation };
          if (!best || byRank(s, best) < 0) {
            best = s;
            bestSuffix = suffix;
          }
        }
        if (best) top.offer(best);
      }
    }
  }
  return { stacks: top.items, stats: { evaluated, space: R.length * O.length * P.length } };
}
