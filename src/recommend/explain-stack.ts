/** @module recommend/explain-stack — a ranked stack in words: its terms, its figures (per instance and per node apart), what decided it, and its trade-offs. */

import { stackLabel } from "../coordinate/parse-stack.js";
import { localText } from "../i18n/lang.js";
import { citation, clauses, EXPLAIN, ORIGIN, yearsText } from "../i18n/recommend-phrases.js";
import type { CompiledFact } from "../kb/kb.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import { describePiece } from "./describe-piece.js";
import type { ObsSet } from "./observability-sets.js";
import type { Candidate, QueryContext } from "./query-context.js";
import type { RankedStack } from "./ranked-stack.js";
import { TERMS, type Term } from "./resolve-requirements.js";
import { type Slot, SOFT_PENALTY, SOFT_UNKNOWN_PENALTY, TERM_SHARE, type TermPiece } from "./stack-terms.js";
import { techProfile } from "./tech-profile.js";

export interface TermPart {
  readonly slot: Slot;
  readonly part: string | null;
  readonly value: number;
  readonly note: string;
  readonly source?: string;
  readonly grade?: string;
  readonly estimated?: boolean;
  readonly missing?: boolean;
}

/** One scoring term of a stack: its weight, its 0–1 value, what it adds to the score, and the parts behind it. */
export interface StackTerm {
  readonly term: Term;
  readonly weight: number;
  readonly value: number;
  readonly contribution: number;
  readonly parts: readonly TermPart[];
}

export interface FigureOut {
  readonly of: string;
  readonly value: string;
  readonly scope: string;
  readonly source: string;
  readonly grade: string;
  readonly conditions: string;
  readonly estimated: boolean;
}

/** Figures kept apart by scope: the workload instance's, and the platform's per node. */
export interface StackFigures {
  readonly instance: { readonly coldStart?: FigureOut; readonly memory?: FigureOut; readonly cpuOverhead?: FigureOut };
  readonly node: { readonly platformMemory?: FigureOut };
  readonly request: { readonly policyDecision?: FigureOut };
}

function figureOut(
  ctx: QueryContext,
  id: string,
  f: { fact: CompiledFact; estimated: boolean } | undefined,
): FigureOut | undefined {
  if (!f) return undefined;
  const cond = f.fact.conditions;
  return {
    of: ctx.kb.technologies.get(id)?.names[ctx.lang] ?? id,
    value: formatNormalizedFigure(f.fact),
    scope: f.fact.scope,
    source: f.fact.source,
    grade: f.fact.grade,
    conditions: localText(cond, ctx.lang),
    estimated: f.estimated,
  };
}

/** The stack's figures: per-instance ones from the runtime, per-node from the orchestrator, per-request from the policy. */
export function stackFigures(ctx: QueryContext, s: RankedStack): StackFigures {
  const rt = techProfile(ctx.kb, s.slots.runtime);
  const orch = s.slots.orchestrator === null ? undefined : techProfile(ctx.kb, s.slots.orchestrator);
  const pol = s.slots.policy === null ? undefined : techProfile(ctx.kb, s.slots.policy);
  const opt = <K extends string>(k: K, v: FigureOut | undefined) => (v ? { [k]: v } : {}) as { [P in K]?: FigureOut };
  return {
    instance: {
      ...opt("coldStart", figureOut(ctx, s.slots.runtime, rt.coldStart)),
      ...opt("memory", figureOut(ctx, s.slots.runtime, rt.memory)),
      ...opt("cpuOverhead", figureOut(ctx, s.slots.runtime, rt.cpuOverhead)),
    },
    node: {
      ...opt(
        "platformMemory",
        orch && s.slots.orchestrator ? figureOut(ctx, s.slots.orchestrator, orch.nodeMemory) : undefined,
      ),
    },
    request: {
      ...opt("policyDecision", pol && s.slots.policy ? figureOut(ctx, s.slots.policy, pol.decisionLatency) : undefined),
    },
  };
}

function allPieces(s: {
  runtime: Candidate;
  orchestrator: Candidate;
  policy: Candidate;
  observability: ObsSet;
}): TermPiece[] {
  return [
    ...s.runtime.pieces,
    ...s.orchestrator.pieces,
    ...s.policy.pieces,
    ...s.observability.tools.flatMap((t) => t.pieces),
  ];
}

/**
 * The stack's terms: for each, the weighted value per slot (an observability set counts as
 * 1 − Σ(1 − value)/N over its tools) and the parts it rests on.
 * @example stackTerms(ctx, stack).find((t) => t.term === "startup")?.value
 */
export function stackTerms(ctx: QueryContext, s: RankedStack): StackTerm[] {
  const pieces = allPieces(s);
  return TERMS.map((term) => {
    let value = 0;
    const mine = pieces.filter((p) => p.term === term);
    for (const slot of ["runtime", "orchestrator", "policy"] as const) {
      const p = mine.find((x) => x.slot === slot);
      value += TERM_SHARE[term][slot] * (p?.value ?? 0);
    }
    if (TERM_SHARE[term].observability > 0) {
      const obs = mine.filter((x) => x.slot === "observability");
      value += TERM_SHARE[term].observability * (1 - obs.reduce((a, p) => a + (1 - p.value), 0) / ctx.maxObservability);
    }
    const parts: TermPart[] = mine
      .filter((p) => TERM_SHARE[term][p.slot] > 0)
      .map((p) => {
        const d = describePiece(ctx, p);
        return {
          slot: p.slot,
          part: p.part,
          value: +p.value.toFixed(4),
          note: d.text,
          ...(d.source ? { source: d.source } : {}),
          ...(d.grade ? { grade: d.grade } : {}),
          ...(p.estimated ? { estimated: true } : {}),
          ...(p.missing ? { missing: true } : {}),
        };
      });
    return {
      term,
      weight: ctx.weights[term],
      value: +value.toFixed(4),
      contribution: +(ctx.norm[term] * value).toFixed(4),
      parts,
    };
  });
}

/** The label people write: "K3s + WasmEdge + Gatekeeper". */
export function labelOf(ctx: QueryContext, s: RankedStack): string {
  return stackLabel(ctx.kb, { ...s.evaluation.components, supporting: [] }, ctx.lang);
}

/**
 * "typical of serverless since 2023 [spin-docs-v1-index, A]": where a scenario's requirement in force comes from.
 * @example typicalText(ctx, "coldStartMs")
 */
export function typicalText(ctx: QueryContext, requirement: string): string {
  const r = ctx.req.inForce.find((x) => x.key === `must.${requirement}`);
  const sc = ctx.req.scenario;
  if (!r || !sc || !r.years) return "";
  const grade = r.source === undefined ? undefined : ctx.kb.sources.get(r.source)?.grade;
  return `${ORIGIN.typical(ctx.lang, { scenario: sc.names[ctx.lang], years: yearsText(r.years, ctx.lang) })}${citation(r.source, grade)}`;
}

/** The scenario's typical requirements the stack misses, each a trade-off line (not a rejection). */
export function softMissLines(ctx: QueryContext, s: RankedStack): string[] {
  return s.evaluation.softMisses.map((c) =>
    EXPLAIN.softMiss(ctx.lang, {
      requirement: c.requirement,
      detail: c.detail,
      cite: citation(c.source, c.grade),
      typical: typicalText(ctx, c.requirement),
      penalty: SOFT_PENALTY,
    }),
  );
}

/**
 * What decided the stack, in words: the scenario's typical requirements it misses (trade-offs), the
 * `must` checks it meets (with their evidence), the unknown ones (admitted, penalised), the terms that
 * weigh most, and the supporting pieces completion added.
 */
export function explainStack(ctx: QueryContext, s: RankedStack, terms: readonly StackTerm[]): string[] {
  const { lang } = ctx;
  const lines: string[] = [...softMissLines(ctx, s)];
  for (const c of [...s.evaluation.checks, ...s.evaluation.softChecks]) {
    if (c.status !== "met") continue;
    lines.push(
      EXPLAIN.meets(lang, {
        requirement: c.requirement,
        fromScenario: ctx.req.origin[`must.${c.requirement}`] === "scenario",
        detail: c.detail,
        cite: citation(c.source, c.grade),
      }),
    );
  }
  for (const c of s.evaluation.unknowns) {
    lines.push(EXPLAIN.unverified(lang, { requirement: c.requirement, detail: c.detail }));
  }
  for (const c of s.evaluation.softUnknowns) {
    lines.push(
      EXPLAIN.softUnknown(lang, {
        requirement: c.requirement,
        detail: c.detail,
        typical: typicalText(ctx, c.requirement),
        penalty: SOFT_UNKNOWN_PENALTY,
      }),
    );
  }
  const top = [...terms].filter((t) => t.weight > 0).sort((a, b) => b.contribution - a.contribution);
  for (const t of top.slice(0, 3)) {
    const lead = t.parts[0];
    lines.push(
      EXPLAIN.term(lang, {
        term: t.term,
        value: t.value.toFixed(2),
        weight: t.weight,
        ...(lead ? { because: `${lead.note}${citation(lead.source, lead.grade)}` } : {}),
      }),
    );
  }
  for (const t of terms) {
    for (const p of t.parts)
      if (p.estimated || p.missing) lines.push(EXPLAIN.estimated(lang, { term: t.term, note: p.note }));
  }
  for (const a of s.evaluation.completed.added) {
    lines.push(EXPLAIN.adds(lang, { id: a.id, for: a.for, requirement: a.requirement, source: a.source }));
  }
  return lines;
}

/**
 * Trade-offs against the next stack: every term where they differ, by how much, and on which parts.
 * @example tradeoffs(ctx, ranked[0], terms0, ranked[1], terms1)[0] // "vs K3s + WasmEdge + OPA-Wasm: +0.0012 overhead …"
 */
export function tradeoffs(
  ctx: QueryContext,
  a: RankedStack,
  ta: readonly StackTerm[],
  b: RankedStack,
  tb: readonly StackTerm[],
): string[] {
  const { lang } = ctx;
  const lines: string[] = [];
  const other = labelOf(ctx, b);
  for (const t of TERMS) {
    const x = ta.find((y) => y.term === t)!;
    const y = tb.find((z) => z.term === t)!;
    const d = x.contribution - y.contribution;
    if (Math.abs(d) < 5e-5) continue;
    const differing = x.parts.filter((p) => !y.parts.some((q) => q.slot === p.slot && q.part === p.part));
    const theirs = y.parts.filter((p) => !x.parts.some((q) => q.slot === p.slot && q.part === p.part));
    const why = clauses(
      [...differing.map((p) => p.note), ...theirs.map((p) => EXPLAIN.versus(lang, { note: p.note }))],
      lang,
    );
    lines.push(
      EXPLAIN.tradeoff(lang, { better: d > 0, other, term: t, delta: `${d > 0 ? "+" : ""}${d.toFixed(4)}`, why }),
    );
  }
  const pa = a.evaluation.unknowns.length;
  const pb = b.evaluation.unknowns.length;
  if (pa !== pb) lines.push(EXPLAIN.unverifiedCount(lang, { fewer: pa < pb, other, mine: pa, theirs: pb }));
  if (lines.length === 0) lines.push(EXPLAIN.tie(lang, { other }));
  return lines;
}
