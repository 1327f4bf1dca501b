/** @module recommend/recommend — requirements in, ranked and explained stacks out: the library entry of `recommend`. */
import type { CoordinateJson } from "../coordinate/coordinate.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import type { Lang } from "../i18n/lang.js";
import { localText } from "../i18n/lang.js";
import { citation, EXPLAIN, ORIGIN, WEIGHTS, yearsText } from "../i18n/recommend-phrases.js";
import type { Kb } from "../kb/kb.js";
import type { Must, Requirements } from "../model/requirements.js";
import type { YearRange } from "../model/scenario.js";
import { analyzeDimensions, type DimensionAnalysis } from "./analyze-dimensions.js";
import {
  explainStack,
  labelOf,
  type StackFigures,
  type StackTerm,
  softMissLines,
  stackFigures,
  stackTerms,
  tradeoffs,
} from "./explain-stack.js";
import { explainEmpty, findRejected, type Rejection, type Relaxation } from "./find-rejected.js";
import { evaluateWeightsInBackground, learnedWeightsFor, readyWeightEvaluation } from "./learn-weights.js";
import { paretoFront } from "./pareto-front.js";
import { buildQueryContext, type QueryContext } from "./query-context.js";
import { type RankedStack, type SearchFn, type SearchStats, shownScore } from "./ranked-stack.js";
import { type ResolvedRequirements, resolveRequirements, type Weights } from "./resolve-requirements.js";
import { bruteForceSearch } from "./search-brute.js";
import { diverseSearch } from "./search-diverse.js";
import { fastSearch } from "./search-fast.js";
import { DEFAULT_MAX_OBSERVABILITY, SOFT_PENALTY } from "./stack-terms.js";

export interface RecommendOptions {
  /** How many stacks (default 5). */
  readonly top?: number;
  readonly lang?: Lang;
  /** Also return the Pareto front over start-up, footprint, isolation and maturity. */
  readonly pareto?: boolean;
  /**
   * `hand` (the requirements' `prefer`), `learned` (fitted on the recorded stacks), or `auto` (default):
   * learned only for a scenario where leave-one-out evaluation showed it ranks the recorded stacks better.
   */
  readonly weights?: "hand" | "learned" | "auto";
  /**
   * What `auto` and `learned` do when the weights have not been evaluated for this knowledge base yet:
   * `wait` (default) evaluates them now (seconds, once); `ifReady` uses the hand-set weights, says so,
   * and starts the evaluation in the background (for a server).
   */
  readonly learnedWeights?: "wait" | "ifReady";
  readonly maxObservability?: number;
  /** `fast` (default) or `brute` (the reference; slow). */
  readonly search?: "fast" | "brute";
  /**
   * `diverse` (default): the top k differ in their runtime (then orchestrator), each the best stack of
   * its kind; `raw`: the k best-scoring stacks, however alike. The requirements' `raw: true` also asks
   * for the raw ranking.
   */
  readonly ranking?: "diverse" | "raw";
}

export interface ComponentRef {
  readonly id: string;
  readonly name: string;
}

export interface RecommendedStack {
  readonly rank: number;
  readonly score: number;
  readonly label: string;
  readonly components: {
    readonly runtime: ComponentRef;
    readonly orchestrator: ComponentRef | null;
    readonly policy: ComponentRef | null;
    readonly observability: readonly ComponentRef[];
    /** Parts the stack has for what they do: a provider per required capability, included non-slot parts. */
    readonly addons: readonly ComponentRef[];
    readonly supporting: readonly ComponentRef[];
  };
  readonly coordinate: CoordinateJson;
  readonly explanation: readonly string[];
  readonly tradeoffs: readonly string[];
  readonly terms: readonly StackTerm[];
  readonly figures: StackFigures;
  /** `must` checks no evidence decides: admitted, penalised, flagged here. */
  readonly unverified: readonly { readonly requirement: string; readonly detail: string }[];
  /** The scenario's typical requirements this stack misses: trade-offs that cost it, not rejections. */
  readonly softMisses: readonly SoftMiss[];
}

/** A typical requirement of the scenario a stack misses, with the evidence and where the requirement comes from. */
export interface SoftMiss {
  readonly requirement: string;
  readonly detail: string;
  readonly source?: string;
  readonly grade?: string;
  /** The requirement's own years and source (the scenario's). */
  readonly typical: { readonly years?: YearRange; readonly source?: string; readonly grade?: string };
  readonly penalty: number;
  /** The same, in words. */
  readonly text: string;
}

/** A requirement in force as the answer shows it: where it came from and whether it is hard. */
export interface RequirementOut {
  readonly key: string;
  readonly value: unknown;
  readonly origin: "user" | "scenario" | "default";
  readonly hard: boolean;
  readonly years?: YearRange;
  readonly source?: string;
  readonly grade?: string;
  readonly why?: string;
  /** The origin in words. */
  readonly text: string;
}

export interface RecommendResult {
  readonly requirements: {
    readonly given: Requirements;
    readonly scenario: { readonly id: string; readonly name: string } | null;
    readonly year: number;
    readonly must: Must;
    readonly prefer: Weights;
    readonly origin: Readonly<Record<string, string>>;
    /** The scenario's typical `must` of the year, weighed rather than enforced (empty with `scenarioHard`). */
    readonly soft: Must;
    readonly scenarioHard: boolean;
    /** Every `must` in force, the user's and the scenario's, with origin, years and source. */
    readonly inForce: readonly RequirementOut[];
  };
  /** The weights the ranking used, and where they came from. */
  readonly weights: { readonly source: "hand" | "learned"; readonly values: Weights; readonly why: string };
  /** Steps 1 and 2: what each requirement implies on each dimension, and the partial target coordinate. */
  readonly analysis: { readonly dimensions: readonly DimensionAnalysis[]; readonly coordinate: CoordinateJson };
  /** `diverse`: each stack the best of its runtime (then runtime and orchestrator); `raw`: the k best scores. */
  readonly ranking: "diverse" | "raw";
  readonly stacks: readonly RecommendedStack[];
  readonly rejected: readonly Rejection[];
  /** Only when nothing is ranked: each single requirement that, dropped, would admit a stack. */
  readonly relaxations?: readonly Relaxation[];
  readonly pareto?: readonly {
    readonly label: string;
    readonly key: string;
    readonly values: Readonly<Record<string, number>>;
  }[];
  readonly stats: SearchStats;
}

function ref(kb: Kb, id: string, lang: Lang): ComponentRef {
  return { id, name: kb.technologies.get(id)?.names[lang] ?? id };
}

/** Turns the search's stacks into the JSON shape of docs/architecture.md, "Contracts". */
export function presentStacks(ctx: QueryContext, ranked: readonly RankedStack[]): RecommendedStack[] {
  const { kb, lang } = ctx;
  const terms = ranked.map((s) => stackTerms(ctx, s));
  return ranked.map((s, i) => {
    const c = s.evaluation.components;
    const coordinate = coordinateJson(kb, s.evaluation.coordinate, lang);
    const next = ranked[i + 1];
    const label = labelOf(ctx, s);
    return {
      rank: i + 1,
      score: +shownScore(s).toFixed(4),
      label,
      components: {
        runtime: ref(kb, s.slots.runtime, lang),
        orchestrator: s.slots.orchestrator === null ? null : ref(kb, s.slots.orchestrator, lang),
        policy: s.slots.policy === null ? null : ref(kb, s.slots.policy, lang),
        observability: (c.observability ?? []).map((id) => ref(kb, id, lang)),
        addons: (c.addons ?? []).map((id) => ref(kb, id, lang)),
        supporting: (c.supporting ?? []).map((id) => ref(kb, id, lang)),
      },
      coordinate,
      explanation: [EXPLAIN.stackAt(lang, { label, coordinate: coordinate.text }), ...explainStack(ctx, s, terms[i]!)],
      tradeoffs: next ? tradeoffs(ctx, s, terms[i]!, next, terms[i + 1]!) : [],
      terms: terms[i]!,
      figures: stackFigures(ctx, s),
      unverified: s.evaluation.unknowns.map((u) => ({ requirement: u.requirement, detail: u.detail })),
      softMisses: softMissesOf(ctx, s),
    };
  });
}

function softMissesOf(ctx: QueryContext, s: RankedStack): SoftMiss[] {
  const lines = softMissLines(ctx, s);
  return s.evaluation.softMisses.map((c, i) => {
    const r = ctx.req.inForce.find((x) => x.key === `must.${c.requirement}`);
    const grade = r?.source === undefined ? undefined : ctx.kb.sources.get(r.source)?.grade;
    return {
      requirement: c.requirement,
      detail: c.detail,
      ...(c.source !== undefined ? { source: c.source } : {}),
      ...(c.grade !== undefined ? { grade: c.grade } : {}),
      typical: {
        ...(r?.years ? { years: r.years } : {}),
        ...(r?.source !== undefined ? { source: r.source } : {}),
        ...(grade !== undefined ? { grade } : {}),
      },
      penalty: SOFT_PENALTY,
      text: lines[i]!,
    };
  });
}

/** The `must` in force with their origin, in words (`lang`). */
export function requirementsOut(kb: Kb, req: ResolvedRequirements, lang: Lang): RequirementOut[] {
  return req.inForce
    .filter((r) => r.key.startsWith("must."))
    .map((r) => {
      const grade = r.source === undefined ? undefined : kb.sources.get(r.source)?.grade;
      const text =
        r.origin === "scenario" && req.scenario && r.years
          ? ORIGIN.scenario(lang, {
              scenario: req.scenario.names[lang],
              years: yearsText(r.years, lang),
              cite: citation(r.source, grade),
              hard: r.hard,
            })
          : ORIGIN.user(lang, undefined);
      return {
        key: r.key,
        value: r.value,
        origin: r.origin,
        hard: r.hard,
        ...(r.years ? { years: r.years } : {}),
        ...(r.source !== undefined ? { source: r.source } : {}),
        ...(grade !== undefined ? { grade } : {}),
        ...(r.why !== undefined ? { why: localText(r.why, lang) } : {}),
        text,
      };
    });
}

/**
 * Recommends stacks for requirements: resolves them (the scenario's own under the user's), analyses
 * each dimension, searches exactly for the top k feasible stacks, and explains each — terms, figures
 * per instance and per node, trade-offs against the next — with the alternatives that lost and why.
 * @example recommend(kb, { scenario: "edge", must: { coldStartMs: { max: 10 } } }).stacks[0]?.label
 */
export function recommend(kb: Kb, requirements: Requirements, options: RecommendOptions = {}): RecommendResult {
  const lang = options.lang ?? "en";
  const k = options.top ?? 5;
  const search: SearchFn = options.search === "brute" ? bruteForceSearch : fastSearch;
  const req = resolveRequirements(kb, requirements);
  const mode = options.weights ?? "auto";
  let weights: RecommendResult["weights"] = {
    source: "hand",
    values: req.weights,
    why: WEIGHTS.hand(lang),
  };
  const pending = mode !== "hand" && options.learnedWeights === "ifReady" && !readyWeightEvaluation(kb);
  if (pending) {
    void evaluateWeightsInBackground(kb);
    weights = {
      ...weights,
      why: WEIGHTS.pending(lang, { why: weights.why }),
    };
  } else if (mode !== "hand") {
    const learned = learnedWeightsFor(kb, req, lang);
    if (learned && (mode === "learned" || learned.wins))
      weights = { source: "learned", values: learned.weights, why: learned.why };
    else if (learned) weights = { ...weights, why: WEIGHTS.also(lang, { why: weights.why, learned: learned.why }) };
  }
  const ctx = buildQueryContext(kb, req, {
    lang,
    maxObservability: options.maxObservability ?? DEFAULT_MAX_OBSERVABILITY,
    weights: weights.values,
  });
  const analysis = analyzeDimensions(ctx);
  const ranking = options.ranking ?? (requirements.raw === true ? "raw" : "diverse");
  const result = ranking === "raw" ? search(ctx, k) : diverseSearch(ctx, k, search);
  const stacks = presentStacks(ctx, result.stacks);
  let rejected: Rejection[];
  let relaxations: Relaxation[] | undefined;
  if (stacks.length === 0) {
    const empty = explainEmpty(kb, ctx, search);
    rejected = empty.rejected;
    relaxations = empty.relaxations;
  } else rejected = findRejected(ctx, result.stacks, 24, search);
  const pareto = options.pareto
    ? paretoFront(ctx, search).map((p) => ({ label: labelOf(ctx, p.stack), key: p.stack.key, values: p.values }))
    : undefined;
  return {
    requirements: {
      given: requirements,
      scenario: req.scenario ? { id: req.scenario.id, name: req.scenario.names[lang] } : null,
      year: req.year,
      must: req.must,
      prefer: req.weights,
      origin: req.origin,
      soft: req.soft,
      scenarioHard: req.scenarioHard,
      inForce: requirementsOut(kb, req, lang),
    },
    weights,
    analysis: { dimensions: analysis.dimensions, coordinate: coordinateJson(kb, analysis.coordinate, lang) },
    ranking,
    stacks,
    rejected,
    ...(relaxations ? { relaxations } : {}),
    ...(pareto ? { pareto } : {}),
    stats: result.stats,
  };
}
