/** @module recommend/learn-weights — preference weights learned from the recorded stacks (a pairwise ranking model), with leave-one-out evaluation. */
import { evaluateMust } from "../coordinate/evaluate-must.js";
import { type RecordedStack, recordedStacks } from "../coordinate/recorded-stacks.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import type { Lang } from "../i18n/lang.js";
import { WEIGHTS } from "../i18n/recommend-phrases.js";
import type { Kb } from "../kb/kb.js";
import type { Must } from "../model/requirements.js";
import { type DeploymentEvaluation, deploymentEvaluationSteps } from "./evaluate-deployments.js";
import { evaluateStack, slotsKey } from "./evaluate-stack.js";
import { fitLogistic } from "./logistic-regression.js";
import { buildQueryContext, type Candidate } from "./query-context.js";
import { type ResolvedRequirements, resolveRequirements, TERMS, type Weights } from "./resolve-requirements.js";
import { ESTIMATED_PENALTY, MISSING_PENALTY, TERM_SHARE, UNKNOWN_PENALTY } from "./stack-terms.js";

/** A choice as a ranking problem: the chosen option's per-term features first, then its alternatives'. */
export interface RankingProblem {
  /** The weights the alternatives closest to the choice are picked by, for training pairs. */
  readonly hand: Weights;
  /** Feature vectors (one value per term, in TERMS order), the chosen option's first. */
  readonly features: readonly (readonly number[])[];
  /** Unknown requirement checks per option, in the same order. */
  readonly unknowns: readonly number[];
}

/** One recorded stack as a ranking problem: its features and those of every feasible alternative. */
interface Problem extends RankingProblem {
  readonly record: RecordedStack;
  readonly scenario: string;
  readonly keys: readonly string[];
}

export interface Accuracy {
  readonly n: number;
  readonly top1: number;
  readonly top3: number;
}

export interface WeightEvaluation {
  /** Recorded stacks usable as ranking problems (a runtime, feasible under their scenario's requirements). */
  readonly records: number;
  readonly skipped: number;
  readonly overall: { readonly hand: Accuracy; readonly learned: Accuracy };
  readonly perScenario: readonly {
    readonly scenario: string;
    readonly hand: Accuracy;
    readonly learned: Accuracy;
    /** Decided on the held-out deployments of the scenario (hand where it has none), not on this leave-one-out. */
    readonly uses: "hand" | "learned";
  }[];
  /** The held-out deployments, ranked with the hand-set and with the learned weights. */
  readonly deployments: DeploymentEvaluation;
  /** Weights fitted on every record (what `recommend` uses where they win). */
  readonly weights: Weights;
  readonly pairs: number;
  readonly method: string;
}

/** Per-term features of a (runtime, orchestrator, policy) combination: share × value less the estimate penalties. */
function features(r: Candidate, o: Candidate, p: Candidate): number[] {
  return TERMS.map((t) => {
    let f = 0;
    for (const c of [r, o, p]) {
      const piece = c.pieces.find((x) => x.term === t);
      if (!piece) continue;
      const pen = piece.estimated ? ESTIMATED_PENALTY : piece.missing ? MISSING_PENALTY : 0;
      f += TERM_SHARE[t][c.slot] * (piece.value - pen);
    }
    return f;
  });
}

function score(w: Weights, f: readonly number[], unknowns: number): number {
  const sum = TERMS.reduce((a, t) => a + w[t], 0) || 1;
  return TERMS.reduce((a, t, i) => a + (w[t] / sum) * f[i]!, 0) - unknowns * UNKNOWN_PENALTY;
}

/** The record's rank (0-based) among its alternatives under weights; ties go against the record. */
function rankOf(p: Problem, w: Weights): number {
  const own = score(w, p.features[0]!, p.unknowns[0]!);
  let rank = 0;
  for (let i = 1; i < p.features.length; i++) if (score(w, p.features[i]!, p.unknowns[i]!) >= own) rank++;
  return rank;
}

/**
 * Builds the ranking problem of a recorded stack: the scenario's requirements as of the record's year,
 * keeping only the `must` keys the record itself does not miss (the record was chosen under those),
 * observability left out; the alternatives are every feasible runtime × orchestrator with the record's
 * policy. The fit term leaves the record out.
 */
function problemOf(kb: Kb, record: RecordedStack): Problem | undefined {
  const rt = record.components.runtime;
  if (!rt) return undefined;
  const base = resolveRequirements(kb, {
    scenario: record.scenario,
    ...(record.year !== undefined ? { year: record.year } : {}),
  });
  const coord = stackCoordinate(kb, record.components, { year: base.year, scenario: record.scenario }).coordinate;
  const typical: Must = { ...base.soft, ...base.must };
  const checks = evaluateMust(kb, record.components, coord, typical);
  const must: Record<string, unknown> = {};
  for (const c of checks) {
    if (c.status !== "missed" && c.requirement !== "observability")
      must[c.requirement] = (typical as Record<string, unknown>)[c.requirement];
  }
  const req: ResolvedRequirements = { ...base, must: must as Must, soft: {} };
  const ctx = buildQueryContext(kb, req, { excludeRecords: new Set([record.id]) });
  const policy = ctx.policies.find((p) => p.id === (record.components.policy ?? null));
  const own = ctx.runtimes.find((r) => r.id === rt);
  const ownO = ctx.orchestrators.find((o) => o.id === (record.components.orchestrator ?? null));
  if (!policy || !own || !ownO || policy.blockedBy.length > 0) return undefined;
  const slots = (r: Candidate, o: Candidate) => ({
    runtime: r.id!,
    orchestrator: o.id,
    policy: policy.id,
    observability: [],
  });
  const ownEval = evaluateStack(ctx, slots(own, ownO));
  if (ownEval.violations.length > 0) return undefined;
  const feats: number[][] = [features(own, ownO, policy)];
  const unknowns: number[] = [ownEval.unknowns.length];
  const keys: string[] = [slotsKey(slots(own, ownO))];
  for (const r of ctx.runtimes) {
    if (r.blockedBy.length > 0) continue;
    for (const o of ctx.orchestrators) {
      if (o.blockedBy.length > 0 || (r === own && o === ownO)) continue;
      const ev = evaluateStack(ctx, slots(r, o));
      if (ev.violations.length > 0) continue;
      feats.push(features(r, o, policy));
      unknowns.push(ev.unknowns.length);
      keys.push(slotsKey(slots(r, o)));
    }
  }
  return { record, scenario: record.scenario, hand: base.weights, features: feats, unknowns, keys };
}

/** Pairs for training: the record against its closest competitors under hand weights. */
function pairsOf(problems: readonly RankingProblem[], perRecord = 12): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  for (const p of problems) {
    const alts = p.features
      .map((f, i) => ({ i, s: score(p.hand, f, p.unknowns[i]!) }))
      .slice(1)
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, perRecord);
    for (const a of alts) {
      const d = p.features[0]!.map((v, j) => v - p.features[a.i]![j]!);
      d.push(-(p.unknowns[0]! - p.unknowns[a.i]!) * UNKNOWN_PENALTY);
      x.push(d);
      y.push(1);
      x.push(d.map((v) => -v));
      y.push(0);
    }
  }
  return { x, y };
}

function toWeights(coef: readonly number[]): Weights {
  const pos = TERMS.map((_, i) => Math.max(0, coef[i] ?? 0));
  const sum = pos.reduce((a, b) => a + b, 0);
  if (sum <= 0) return Object.fromEntries(TERMS.map((t) => [t, 1])) as unknown as Weights;
  return Object.fromEntries(TERMS.map((t, i) => [t, +((100 * pos[i]!) / sum).toFixed(2)])) as unknown as Weights;
}

function fitModel(problems: readonly RankingProblem[], start?: readonly number[]): readonly number[] {
  const { x, y } = pairsOf(problems);
  return fitLogistic(x, y, { iterations: 150, rate: 3, l2: 1e-4, seed: 7, ...(start ? { start } : {}) }).coefficients;
}

/**
 * The weights (percent per term) that best explain the choices: the pairwise model `recommend` fits on
 * the recorded stacks, here on any ranking problems.
 * @example learnWeights([{ hand, features: [[0.9, 0.2, 0.5, 0.5, 0.5, 0.5], [0.1, 0.8, 0.5, 0.5, 0.5, 0.5]], unknowns: [0, 0] }])
 */
export function learnWeights(problems: readonly RankingProblem[]): Weights {
  return toWeights(fitModel(problems));
}

const cache = new WeakMap<Kb, WeightEvaluation>();
const running = new WeakMap<Kb, Promise<WeightEvaluation | undefined>>();
/** Knowledge bases replaced by a reload: their background evaluations stop at the next step. */
const abandoned = new WeakSet<Kb>();

/** The evaluation as steps: one per leave-one-out fold, so it can run a fold at a time. */
function* evaluationSteps(kb: Kb): Generator<void, WeightEvaluation> {
  const all = recordedStacks(kb);
  // A step per recorded stack while the problems are built (each runs a search), then one for the fit.
  const problems: Problem[] = [];
  for (const r of all) {
    yield;
    const p = problemOf(kb, r);
    if (p) problems.push(p);
  }
  yield;
  const global = fitModel(problems);
  const acc = () => ({ n: 0, top1: 0, top3: 0 });
  const overall = { hand: acc(), learned: acc() };
  const per = new Map<
    string,
    { hand: { n: number; top1: number; top3: number }; learned: { n: number; top1: number; top3: number } }
  >();
  for (const [i, p] of problems.entries()) {
    yield;
    // Cold start every fold: warm-starting from the model that saw the held-out record would leak it.
    const learned = toWeights(fitModel(problems.filter((_, j) => j !== i)));
    const s = per.get(p.scenario) ?? { hand: acc(), learned: acc() };
    per.set(p.scenario, s);
    for (const [which, w] of [
      ["hand", p.hand],
      ["learned", learned],
    ] as const) {
      const r = rankOf(p, w);
      for (const a of [overall[which], s[which]]) {
        a.n++;
        if (r === 0) a.top1++;
        if (r < 3) a.top3++;
      }
    }
  }
  const { x } = pairsOf(problems);
  const weights = toWeights(global);
  // The weights are fitted on recorded stacks only; the held-out deployments then decide where they are used.
  const deploymentSteps = deploymentEvaluationSteps(kb, weights);
  let dstep = deploymentSteps.next();
  while (!dstep.done) {
    yield;
    dstep = deploymentSteps.next();
  }
  const deployments = dstep.value;
  return {
    records: problems.length,
    skipped: all.length - problems.length,
    overall,
    perScenario: [...per.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([scenario, s]) => ({
        scenario,
        hand: s.hand,
        learned: s.learned,
        uses: deployments.perScenario.find((d) => d.scenario === scenario)?.uses ?? "hand",
      })),
    deployments,
    weights,
    pairs: x.length,
    method:
      "pairwise logistic regression (no intercept, L2 1e-4, 150 full-batch gradient steps, seed 7, every fold fitted from scratch) on term-value differences between each recorded stack and its 12 closest feasible alternatives; leave-one-out over recorded stacks",
  };
}

/**
 * Fits the weights on the recorded stacks and measures, leaving each record out in turn, how often the
 * recorded stack ranks first and in the top three among its feasible alternatives — with the hand-set
 * weights (the scenario's `prefer`) and with weights learned from the other records. Computed once per
 * knowledge base. Note: the fit term of a training record's alternatives still sees the held-out record.
 * @example evaluateWeights(kb).overall.learned.top1
 */
export function evaluateWeights(kb: Kb): WeightEvaluation {
  const hit = cache.get(kb);
  if (hit) return hit;
  const steps = evaluationSteps(kb);
  let step = steps.next();
  while (!step.done) step = steps.next();
  cache.set(kb, step.value);
  return step.value;
}

/** Hands over an evaluation computed earlier for this same knowledge base (e.g. saved by a previous run). */
export function primeWeightEvaluation(kb: Kb, evaluation: WeightEvaluation): void {
  if (!cache.has(kb)) cache.set(kb, evaluation);
}

/** The evaluation if it has been computed for this knowledge base, without computing it. */
export function readyWeightEvaluation(kb: Kb): WeightEvaluation | undefined {
  return cache.get(kb);
}

/**
 * Computes {@link evaluateWeights} a fold at a time, yielding to the event loop between folds, so a
 * server keeps answering while it runs (it takes seconds). Started once per knowledge base; resolves
 * to `undefined` if the knowledge base is abandoned ({@link abandonWeightEvaluation}) before it ends.
 * @example void evaluateWeightsInBackground(kb)
 */
export function evaluateWeightsInBackground(kb: Kb): Promise<WeightEvaluation | undefined> {
  const hit = cache.get(kb);
  if (hit) return Promise.resolve(hit);
  const pending = running.get(kb);
  if (pending) return pending;
  const promise = (async () => {
    const steps = evaluationSteps(kb);
    // Every step, the first included, runs after a turn of the event loop: the caller's request is
    // answered before any of the work starts.
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (cache.has(kb)) return cache.get(kb)!;
      if (abandoned.has(kb)) {
        running.delete(kb);
        return undefined;
      }
      const step = steps.next();
      if (step.done) {
        cache.set(kb, step.value);
        running.delete(kb);
        return step.value;
      }
    }
  })();
  running.set(kb, promise);
  return promise;
}

/**
 * Stops a background evaluation of a knowledge base that a reload replaced, so a server whose data
 * changes every few seconds does not keep one evaluation (and one knowledge base) alive per change.
 * @example abandonWeightEvaluation(previousKb)
 */
export function abandonWeightEvaluation(kb: Kb): void {
  abandoned.add(kb);
}

/** The learned weights for a query's scenario, and whether leave-one-out evaluation says they win there (`why` in `lang`). */
export function learnedWeightsFor(
  kb: Kb,
  req: ResolvedRequirements,
  lang: Lang = "en",
): { weights: Weights; wins: boolean; why: string } | undefined {
  if (!req.scenario || kb.cases.all.length + kb.scenarios.size === 0) return undefined;
  const ev = evaluateWeights(kb);
  const s = ev.perScenario.find((x) => x.scenario === req.scenario!.id);
  if (!s) return undefined;
  const fmt = (a: Accuracy) => WEIGHTS.accuracy(lang, a);
  const wins = s.uses === "learned";
  const held = ev.deployments.perScenario.find((d) => d.scenario === s.scenario);
  const hits = (x: { runtime: { hit3: number; n: number }; orchestrator: { hit3: number; n: number } }) =>
    WEIGHTS.hit3(lang, {
      runtime: x.runtime.hit3,
      rn: x.runtime.n,
      orchestrator: x.orchestrator.hit3,
      on: x.orchestrator.n,
    });
  return {
    weights: ev.weights,
    wins,
    why: WEIGHTS.learned(lang, {
      n: s.hand.n,
      scenario: s.scenario,
      learned: fmt(s.learned),
      hand: fmt(s.hand),
      heldOut:
        held === undefined
          ? WEIGHTS.noHeldOut(lang, { scenario: s.scenario })
          : WEIGHTS.heldOut(lang, { n: held.n, learned: hits(held.learned), hand: hits(held.hand) }),
      wins,
    }),
  };
}
