/** @module recommend/find-rejected — why the obvious alternatives lost, and which single relaxation would admit a stack. */
import { stackParts } from "../coordinate/assign-slots.js";
import type { Coordinate } from "../coordinate/coordinate.js";
import { evaluateMust } from "../coordinate/evaluate-must.js";
import { stackLabel } from "../coordinate/parse-stack.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import { localText } from "../i18n/lang.js";
import { joinList } from "../i18n/messages.js";
import { REJECT } from "../i18n/recommend-phrases.js";
import type { Must } from "../model/requirements.js";
import { slotDimension } from "./_validate-requirements.js";
import { evaluateStack, type StackEvaluation, type Violation } from "./evaluate-stack.js";
import { labelOf } from "./explain-stack.js";
import { buildQueryContext, type Candidate, type QueryContext } from "./query-context.js";
import { type RankedStack, type SearchFn, shownScore } from "./ranked-stack.js";
import type { ResolvedRequirements } from "./resolve-requirements.js";
import { bestPerRuntimeGroup } from "./search-diverse.js";
import type { SingleSlot } from "./stack-terms.js";

/** An alternative that lost: a component (and its slot) or a whole recorded stack, with the reason and its source. */
export interface Rejection {
  readonly component?: { readonly id: string; readonly name: string; readonly slot: SingleSlot };
  /** A runtime family (the runtime's level on its dimension) none of whose stacks is shown. */
  readonly family?: { readonly code: string; readonly name: string };
  readonly stack?: string;
  /** The requirement that blocked it (a `must` key, `year`, `dependency`, `conflict`), or `score`. */
  readonly requirement: string;
  readonly reason: string;
  readonly source?: string;
  readonly grade?: string;
}

/** A single requirement dropped that would let a stack through. */
export interface Relaxation {
  readonly relax: string;
  readonly admits: string;
  readonly score: number;
}

/** Why a part misses on its own: evaluateMust on the part alone, for the keys that block it. */
function partReasons(ctx: QueryContext, c: Candidate): Rejection[] {
  const { kb, req, lang } = ctx;
  const t = c.id === null ? undefined : kb.technologies.get(c.id);
  const out: Rejection[] = [];
  const component = { id: c.id ?? "-", name: c.name, slot: c.slot };
  for (const key of c.blockedBy) {
    if (key === "year") {
      out.push({
        component,
        requirement: "year",
        reason: REJECT.releasedAfter(lang, { name: c.name, released: t?.releasedYear, year: req.year }),
        ...(t ? { source: t.released.source } : {}),
      });
      continue;
    }
    if (key === "exclude") {
      out.push({ component, requirement: "exclude", reason: REJECT.excluded(lang, { name: c.name }) });
      continue;
    }
    if (!t) {
      out.push({
        component,
        requirement: key,
        reason: REJECT.emptySlot(lang, { name: c.name, slot: c.slot, requirement: key }),
      });
      continue;
    }
    const components = { [c.slot]: t.id };
    const coord: Coordinate = stackCoordinate(kb, components, { year: req.year }).coordinate;
    const check = evaluateMust(
      kb,
      components,
      coord,
      { [key]: (req.must as Record<string, unknown>)[key] } as Must,
      ctx.lang,
    ).find((x) => x.status === "missed");
    out.push({
      component,
      requirement: key,
      reason: check
        ? REJECT.detail(lang, {
            name: c.name,
            detail: check.detail.replace(new RegExp(`^${escapeRegExp(c.name)}\\s*`), ""),
          })
        : REJECT.misses(lang, { name: c.name, requirement: key }),
      ...(check?.source ? { source: check.source } : {}),
      ...(check?.grade ? { grade: check.grade } : {}),
    });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A violation's detail in the query's language. The `must` checks' details already are; a missing
 * dependency, a conflict or a part released after the year is worded again here from the evaluation's
 * own record of it (the evaluation words them in English), falling back to the detail as given.
 */
export function violationText(ctx: QueryContext, ev: StackEvaluation, v: Violation): string {
  const { kb, lang } = ctx;
  if (lang === "en") return v.detail;
  if (v.requirement === "dependency") {
    const m = ev.completed.missing.find((x) => x.why === v.detail);
    if (m) return REJECT.missingDependency(lang, { id: m.from, requires: m.requires });
  } else if (v.requirement === "conflict") {
    for (const c of ev.completed.conflicts) {
      if (REJECT.conflict("en", { a: c.a, b: c.b, reason: c.reason }) !== v.detail) continue;
      const stated = kb.relations.out(c.a, "conflicts-with").find((r) => r.targets.includes(c.b))?.reason;
      return REJECT.conflict(lang, {
        a: c.a,
        b: c.b,
        reason: stated === undefined ? c.reason : localText(stated, lang),
      });
    }
  } else if (v.requirement === "year") {
    for (const id of stackParts(ev.components)) {
      const released = kb.technologies.get(id)?.releasedYear;
      if (released === undefined) continue;
      const args = { id, released, year: ctx.req.year };
      if (REJECT.notYetReleased("en", args) === v.detail) return REJECT.notYetReleased(lang, args);
    }
  }
  return v.detail;
}

/**
 * Per runtime family (the runtime's level on its dimension: container, sandbox, full virtualisation…)
 * that no shown stack belongs to: its best stack and why it lost (a lower score, or checks its own
 * figures cannot decide), or, when it has none, why its best runtime is blocked.
 */
function familyRejections(ctx: QueryContext, ranked: readonly RankedStack[], search: SearchFn): Rejection[] {
  const { kb, lang } = ctx;
  const dim = slotDimension(kb, "runtime");
  if (!dim) return [];
  const familyOf = (id: string): string | undefined => kb.technologies.get(id)?.position[dim.key]?.[0];
  const shown = new Set(ranked.map((s) => familyOf(s.slots.runtime)));
  const last = ranked[ranked.length - 1];
  const best = bestPerRuntimeGroup(ctx, search, (id) => {
    const f = familyOf(id);
    return f === undefined || shown.has(f) ? undefined : f;
  });
  const out: Rejection[] = [];
  for (const level of dim.levels) {
    if (shown.has(level.code)) continue;
    const family = { code: level.code, name: level.names[lang] };
    const s = best.get(level.code);
    if (s) {
      const label = labelOf(ctx, s);
      const unknown = s.evaluation.unknowns;
      out.push({
        family,
        stack: label,
        requirement: unknown.length > 0 ? unknown[0]!.requirement : "score",
        reason:
          unknown.length > 0
            ? REJECT.familyUnverified(lang, {
                family: family.name,
                label,
                requirements: joinList(
                  unknown.map((u) => u.requirement),
                  lang,
                ),
              })
            : REJECT.familyScoresBelow(lang, {
                family: family.name,
                label,
                score: shownScore(s).toFixed(4),
                last: last ? shownScore(last).toFixed(4) : "-",
              }),
      });
      continue;
    }
    const blocked = ctx.runtimes.find((c) => c.id !== null && c.blockedBy.length > 0 && familyOf(c.id) === level.code);
    const why = blocked ? partReasons(ctx, blocked)[0] : undefined;
    if (why)
      out.push({
        ...why,
        family,
        reason: REJECT.familyBlocked(lang, { family: family.name, reason: why.reason }),
      });
  }
  return out;
}

/**
 * The obvious alternatives and why they lost: given the search, the best stack of each runtime family
 * not shown (or why the family has none); the scenario's recorded stacks that are not ranked (their
 * first violation, or their lower score); and the parts the knowledge base names as its levels'
 * representatives, or that its recorded stacks use, which miss a requirement on their own.
 * @example findRejected(ctx, ranked, 24, fastSearch).find((r) => r.family?.code === "L-3")?.reason
 */
export function findRejected(
  ctx: QueryContext,
  ranked: readonly RankedStack[],
  limit = 24,
  search?: SearchFn,
): Rejection[] {
  const { kb, req } = ctx;
  const out: Rejection[] = search ? familyRejections(ctx, ranked, search) : [];
  const rankedKeys = new Set(
    ranked.map((r) => `${r.slots.runtime}|${r.slots.orchestrator ?? "-"}|${r.slots.policy ?? "-"}`),
  );
  const records = req.scenario
    ? recordedStacks(kb).filter((r) => r.scenario === req.scenario!.id && r.kind === "reference")
    : [];
  const last = ranked[ranked.length - 1];
  const before = out.length;
  for (const r of records) {
    const c = r.components;
    if (!c.runtime || out.length - before >= 8) continue;
    const key = `${c.runtime}|${c.orchestrator ?? "-"}|${c.policy ?? "-"}`;
    if (rankedKeys.has(key)) continue;
    rankedKeys.add(key);
    const ev = evaluateStack(ctx, {
      runtime: c.runtime,
      orchestrator: c.orchestrator ?? null,
      policy: c.policy ?? null,
      observability: c.observability ?? [],
    });
    const v = ev.violations[0];
    const label = stackLabel(kb, { ...c, supporting: [] }, ctx.lang);
    if (v) {
      out.push({
        stack: label,
        requirement: v.requirement,
        reason: REJECT.detail(ctx.lang, { name: label, detail: violationText(ctx, ev, v) }),
        ...(v.source ? { source: v.source } : {}),
        ...(v.grade ? { grade: v.grade } : {}),
      });
    } else if (last) {
      out.push({
        stack: label,
        requirement: "score",
        reason: REJECT.scoresBelow(ctx.lang, { label, score: shownScore(last).toFixed(4) }),
        source: r.source,
      });
    }
  }
  // Obvious parts: level representatives and parts of the scenario's recorded stacks.
  const obvious = new Set<string>();
  for (const d of kb.dimensions.values())
    for (const l of d.levels) for (const id of l.representatives ?? []) obvious.add(id);
  for (const r of records)
    for (const id of [r.components.runtime, r.components.orchestrator, r.components.policy]) if (id) obvious.add(id);
  const seen = new Set<string>();
  for (const list of [ctx.runtimes, ctx.orchestrators, ctx.policies]) {
    for (const c of list) {
      if (c.blockedBy.length === 0 || c.id === null || !obvious.has(c.id) || seen.has(`${c.slot}:${c.id}`)) continue;
      seen.add(`${c.slot}:${c.id}`);
      out.push(...partReasons(ctx, c).slice(0, 1));
    }
  }
  return out.slice(0, limit);
}

/**
 * When nothing is ranked: for each candidate runtime, what blocked it; and each single requirement that,
 * dropped, admits a stack (with the best one it admits).
 */
export function explainEmpty(
  kb: QueryContext["kb"],
  ctx: QueryContext,
  search: SearchFn,
): { rejected: Rejection[]; relaxations: Relaxation[] } {
  const rejected: Rejection[] = [];
  for (const c of ctx.runtimes.slice(0, 12)) {
    if (c.blockedBy.length > 0) {
      rejected.push(...partReasons(ctx, c));
      continue;
    }
    // Admissible on its own: its best combination failed as a whole.
    const o = ctx.orchestrators.find((x) => x.blockedBy.length === 0);
    const p = ctx.policies.find((x) => x.blockedBy.length === 0);
    if (!o || !p) {
      const blocked = (o ? ctx.policies : ctx.orchestrators).slice(0, 1).flatMap((x) => partReasons(ctx, x));
      rejected.push(
        ...blocked.map((b) => ({
          ...b,
          reason: REJECT.noUsable(ctx.lang, { name: c.name, slot: o ? "policy" : "orchestrator", reason: b.reason }),
        })),
      );
      continue;
    }
    const ev = evaluateStack(ctx, { runtime: c.id!, orchestrator: o.id, policy: p.id, observability: [] });
    const v = ev.violations[0];
    rejected.push({
      component: { id: c.id!, name: c.name, slot: "runtime" },
      requirement: v?.requirement ?? "observability",
      reason: REJECT.withParts(ctx.lang, {
        name: c.name,
        orchestrator: o.name,
        policy: p.name,
        detail: v ? violationText(ctx, ev, v) : REJECT.noObservabilitySet(ctx.lang),
      }),
      ...(v?.source ? { source: v.source } : {}),
    });
  }
  const relaxations: Relaxation[] = [];
  const keys = Object.keys(ctx.req.must).filter((k) => (ctx.req.must as Record<string, unknown>)[k] !== undefined);
  const tries: { relax: string; req: ResolvedRequirements }[] = keys.map((k) => {
    const must = { ...ctx.req.must } as Record<string, unknown>;
    delete must[k];
    return { relax: `must.${k}`, req: { ...ctx.req, must: must as Must } };
  });
  if (ctx.req.yearGiven) {
    let latest = 0;
    for (const t of kb.technologies.values()) latest = Math.max(latest, t.releasedYear);
    tries.push({ relax: "year", req: { ...ctx.req, year: latest, yearGiven: false } });
  }
  for (const t of tries) {
    const sub = buildQueryContext(kb, t.req, {
      lang: ctx.lang,
      maxObservability: ctx.maxObservability,
      weights: ctx.weights,
    });
    const best = search(sub, 1).stacks[0];
    if (best) {
      relaxations.push({
        relax: t.relax,
        admits: stackLabel(kb, { ...best.evaluation.components, supporting: [] }, ctx.lang),
        score: +shownScore(best).toFixed(4),
      });
    }
  }
  return { rejected, relaxations };
}
