/** @module recommend/search-brute — the reference search: every slot assignment, completed and checked. */
import { allObservabilitySets } from "./observability-sets.js";
import type { QueryContext } from "./query-context.js";
import {
  byRank,
  type RankedStack,
  rankStack,
  type SearchOptions,
  type SearchResult,
  TopStacks,
} from "./ranked-stack.js";

/**
 * Tries every runtime × orchestrator (or none) × policy (or none) × minimal observability cover,
 * admissible or not; each runtime–orchestrator–policy combination keeps its best feasible cover, and
 * the best k combinations are returned (with `onePer`, the best k of each runtime's or pair's best). Slow
 * by design: the fast search must agree.
 * @example bruteForceSearch(buildQueryContext(kb, resolveRequirements(kb, req)), 5).stacks[0]?.key
 */
export function bruteForceSearch(ctx: QueryContext, k: number, options: SearchOptions = {}): SearchResult {
  const top = new TopStacks(k);
  const sets = allObservabilitySets(ctx);
  let evaluated = 0;
  for (const r of ctx.runtimes) {
    // With `onePer`, the runtime's (or the pair's) best stack only.
    const mine = options.onePer === "runtime" ? new TopStacks(1) : top;
    for (const o of ctx.orchestrators) {
      const own = options.onePer === "pair" ? new TopStacks(1) : mine;
      for (const p of ctx.policies) {
        let best: RankedStack | undefined;
        for (const obs of sets) {
          // Checked and scored as the fast search does: this reference checks the search's pruning and order;
          // the scores themselves are checked by an independent oracle (test/recommend-score-oracle.test.ts).
          const s = rankStack(ctx, r, o, p, obs);
          evaluated++;
          if (!s) continue;
          if (!best || byRank(s, best) < 0) best = s;
        }
        if (best) own.offer(best);
      }
      if (own !== mine && own.items[0]) mine.offer(own.items[0]);
    }
    if (mine !== top && mine.items[0]) top.offer(mine.items[0]);
  }
  const space = ctx.runtimes.length * ctx.orchestrators.length * ctx.policies.length * sets.length;
  return { stacks: top.items, stats: { evaluated, space } };
}
