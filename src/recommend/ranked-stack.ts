/** @module recommend/ranked-stack — a scored stack as both searches return it, its score and the ranking order. */
import { TopK } from "../top-k.js";
import { evaluateStack, type Slots, type StackEvaluation, slotsKey } from "./evaluate-stack.js";
import type { ObsSet } from "./observability-sets.js";
import type { Candidate, QueryContext } from "./query-context.js";
import { SOFT_PENALTY, SOFT_UNKNOWN_PENALTY, UNKNOWN_PENALTY } from "./stack-terms.js";

export interface RankedStack {
  readonly key: string;
  readonly slots: Slots;
  /** The final score: the parts' contributions less the penalty for unknown `must` checks. */
  readonly score: number;
  readonly runtime: Candidate;
  readonly orchestrator: Candidate;
  readonly policy: Candidate;
  readonly observability: ObsSet;
  readonly evaluation: StackEvaluation;
}

export interface SearchStats {
  /** Complete stacks checked against every `must`. */
  readonly evaluated: number;
  /** Branches and covers the fast search weighed against the k-th stack (bounds and key prefixes). */
  readonly examined?: number;
  /** Slot assignments in the space. */
  readonly space: number;
}

export interface SearchResult {
  readonly stacks: readonly RankedStack[];
  readonly stats: SearchStats;
}

export interface SearchOptions {
  /**
   * Only the best stack of each runtime (`runtime`), or of each runtime–orchestrator pair (`pair`),
   * competes for the top k: the diverse ranking's steps.
   */
  readonly onePer?: "runtime" | "pair";
}

/** A search: the top k feasible stacks of a query, best first. */
export type SearchFn = (ctx: QueryContext, k: number, options?: SearchOptions) => SearchResult;

/** The upper bound of a stack's score before its `must` checks: the sum of its parts' contributions. */
export function partsValue(r: Candidate, o: Candidate, p: Candidate, obs: ObsSet): number {
  return r.contribution + o.contribution + p.contribution + obs.value;
}

/**
 * The score of a feasible stack (same arithmetic in both searches, so their scores are identical): its
 * parts' value less the penalties for unknown `must` checks and for missed soft (scenario) requirements.
 */
export function stackScore(
  r: Candidate,
  o: Candidate,
  p: Candidate,
  obs: ObsSet,
  unknowns: number,
  softMisses = 0,
  softUnknowns = 0,
): number {
  return (
    partsValue(r, o, p, obs) -
    unknowns * UNKNOWN_PENALTY -
    softMisses * SOFT_PENALTY -
    softUnknowns * SOFT_UNKNOWN_PENALTY
  );
}

/**
 * One runtime–orchestrator–policy–cover stack, checked against the query and scored: undefined when a
 * `must` rules it out. `key` is the stack's key when the caller has already built it (slotsKey's form).
 * @example rankStack(ctx, ctx.runtimes[0]!, ctx.orchestrators[0]!, ctx.policies[0]!, sets[0]!)?.score
 */
export function rankStack(
  ctx: QueryContext,
  r: Candidate,
  o: Candidate,
  p: Candidate,
  obs: ObsSet,
  key?: string,
): RankedStack | undefined {
  const slots = {
    runtime: r.id!,
    orchestrator: o.id,
    policy: p.id,
    observability: obs.tools.map((t) => t.id).sort(),
  };
  const evaluation = evaluateStack(ctx, slots);
  if (evaluation.violations.length > 0) return undefined;
  const { unknowns, softMisses, softUnknowns } = evaluation;
  return {
    key: key ?? slotsKey(slots),
    slots,
    score: stackScore(r, o, p, obs, unknowns.length, softMisses.length, softUnknowns.length),
    runtime: r,
    orchestrator: o,
    policy: p,
    observability: obs,
    evaluation,
  };
}

/**
 * The score a person is shown: the parts' value, without the rank penalty of unknown checks (those
 * are shown as "cannot judge" instead; the ranking already put such stacks after the judged ones).
 */
export function shownScore(s: { score: number; evaluation: { unknowns: readonly unknown[] } }): number {
  return s.score + s.evaluation.unknowns.length * UNKNOWN_PENALTY;
}

/** Ranking order: higher score first, then the canonical key. */
export function byRank(a: { score: number; key: string }, b: { score: number; key: string }): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Keeps the best k stacks, in rank order. */
export class TopStacks extends TopK<RankedStack> {
  constructor(k: number) {
    super(k, byRank);
  }
  /** The score a new stack must reach to enter (−∞ until k are held). */
  get threshold(): number {
    return this.last?.score ?? Number.NEGATIVE_INFINITY;
  }
}
