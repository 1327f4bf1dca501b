/** @module recommend/pareto-front — the stacks no other stack beats on start-up, footprint, isolation and maturity at once. */

import { stackTerms } from "./explain-stack.js";
import { buildQueryContext, type QueryContext } from "./query-context.js";
import type { RankedStack, SearchFn } from "./ranked-stack.js";
import { TERMS, type Term, type Weights } from "./resolve-requirements.js";

export const PARETO_TERMS = ["startup", "footprint", "isolation", "maturity"] as const satisfies readonly Term[];

export interface ParetoPoint {
  readonly stack: RankedStack;
  readonly values: Readonly<Record<(typeof PARETO_TERMS)[number], number>>;
}

/** a dominates b: at least as good on every criterion, better on one. */
export function dominates(a: ParetoPoint["values"], b: ParetoPoint["values"]): boolean {
  let better = false;
  for (const t of PARETO_TERMS) {
    if (a[t] < b[t]) return false;
    if (a[t] > b[t]) better = true;
  }
  return better;
}

/**
 * The non-dominated feasible stacks. Start-up, footprint and isolation belong to the runtime alone, so
 * each runtime contributes its most mature feasible stack (found by the search with maturity as the only
 * weight); those are then filtered for dominance.
 * @example paretoFront(ctx, fastSearch).map((p) => p.stack.key)
 */
export function paretoFront(ctx: QueryContext, search: SearchFn): ParetoPoint[] {
  const onlyMaturity = Object.fromEntries(TERMS.map((t) => [t, t === "maturity" ? 1 : 0])) as unknown as Weights;
  // One context weighed by maturity alone, searched once per runtime with that runtime as the only one.
  const byMaturity = buildQueryContext(ctx.kb, ctx.req, {
    lang: ctx.lang,
    maxObservability: ctx.maxObservability,
    weights: onlyMaturity,
    excludeRecords: ctx.excludeRecords,
  });
  const points: ParetoPoint[] = [];
  for (const r of byMaturity.runtimes) {
    if (r.blockedBy.length > 0 || r.id === null) continue;
    const sub: QueryContext = { ...byMaturity, runtimes: [r] };
    const best = search(sub, 1).stacks[0];
    if (!best) continue;
    const terms = stackTerms(sub, best);
    const v = (t: Term) => terms.find((x) => x.term === t)?.value ?? 0;
    points.push({
      stack: best,
      values: { startup: v("startup"), footprint: v("footprint"), isolation: v("isolation"), maturity: v("maturity") },
    });
  }
  return points
    .filter((p) => !points.some((q) => q !== p && dominates(q.values, p.values)))
    .sort((a, b) => b.values.startup - a.values.startup || a.stack.key.localeCompare(b.stack.key));
}
