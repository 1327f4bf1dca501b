/** @module recommend/search-brute — the reference search: every slot assignment, completed and checked. */
import { evaluateStack, slotsKey } from "./evaluate-stack.js";
import { allObservabilitySets } from "./observability-sets.js";
import type { QueryContext } from "./query-context.js";
import { byRank, type RankedStack, type SearchResult, stackScore, TopK } from "./ranked-stack.js";

/**
 * Tries every runtime × orchestrator (or none) × policy (or none) × minimal observability cover,
 * admissible or not; each runtime–orchestrator–policy combination keeps its best feasible cover, and
 * the best k combinations are returned. Slow by design: the fast search must agree.
 * @example bruteForceSearch(buildQueryContext(kb, resolveRequirements(kb, req)), 5).stacks[0]?.key
 */
export function bruteForceSearch(ctx: QueryContext, k: number): SearchResult {
  const top = new TopK(k);
  const sets = allObservabilitySets(ctx);
  let evaluated = 0;
  for (const r of ctx.runtimes) {
    for (const o of ctx.orchestrators) {
      for (const p of ctx.policies) {
        let best: RankedStack | undefined;
        for (const obs of sets) {
          const slots = {
            runtime: r.id!,
            orchestrator: o.id,
            policy: p.id,
            observability: obs.tools.map((t) => t.id).sort(),
          };
          const evaluation = evaluateStack(ctx, slots);
          evaluated++;
          if (evaluation.violations.length > 0) continue;
          const score = stackScore(
            r,
            o,
            p,
            obs,
            evaluation.unknowns.length,
            evaluation.softMisses.length,
            evaluation.softUnknowns.length,
          );
          const s = {
            key: slotsKey(slots),
            slots,
            score,
            runtime: r,
            orchestrator: o,
            policy: p,
            observability: obs,
            evaluation,
          };
          if (!best || byRank(s, best) < 0) best = s;
        }
        if (best) top.offer(best);
      }
    }
  }
  const space = ctx.runtimes.length * ctx.orchestrators.length * ctx.policies.length * sets.length;
  return { stacks: top.items, stats: { evaluated, space } };
}
