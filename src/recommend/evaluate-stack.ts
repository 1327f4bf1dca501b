import { stackParts } from "../coordinate/assign-slots.js";
import { type CompletedStack, completeStack } from "../coordinate/complete-stack.js";
import type { Coordinate } from "../coordinate/coordinate.js";
import { evaluateMust, type RequirementCheck } from "../coordinate/evaluate-must.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import { ADDON } from "../i18n/addon-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";
import { LruMap } from "../lru-map.js";
import type { StackComponents } from "../model/stack.js";
import { checkCapabilities } from "./choose-addons.js";
import type { QueryContext } from "./query-context.js";

/** The parts chosen for the slots (`null` = the slot left empty). */
export interface Slots {
  readonly runtime: string;
  readonly orchestrator: string | null;
  readonly policy: string | null;
  readonly observability: readonly string[];
}

/** Why a stack cannot be ranked. */
export interface Violation {
  /** A `must` key, or `year`, `dependency`, `conflict`. */
  readonly requirement: string;
  readonly detail: string;
  readonly source?: string;
  readonly grade?: string;
}

export interface StackEvaluation {
  readonly slots: Slots;
  readonly components: StackComponents;
  readonly completed: CompletedStack;
  readonly coordinate: Coordinate;
  readonly checks: readonly RequirementCheck[];
  readonly violations: readonly Violation[];
  /** `must` checks that no evidence decides: admitted, flagged, and penalised. */
  readonly unknowns: readonly RequirementCheck[];
  /** The checks of the scenario's typical (soft) requirements: weighed, never rejecting. */
  readonly softChecks: readonly RequirementCheck[];
  /** The soft checks the stack misses: trade-offs, each costing `SOFT_PENALTY`. */
  readonly softMisses: readonly RequirementCheck[];
  /** The soft checks no evidence decides: each costs `SOFT_UNKNOWN_PENALTY`, less than a miss, more than a meet. */
  readonly softUnknowns: readonly RequirementCheck[];
}

/** A canonical key: `runtime|orchestrator|policy|obs+obs` (`-` for an empty slot). */
export function slotsKey(s: Slots): string {
  return `${s.runtime}|${s.orchestrator ?? "-"}|${s.policy ?? "-"}|${[...s.observability].sort().join("+")}`;
}

function baseComponents(s: Slots, addons: readonly string[]): StackComponents {
  return {
    runtime: s.runtime,
    ...(s.orchestrator !== null ? { orchestrator: s.orchestrator } : {}),
    ...(s.policy !== null ? { policy: s.policy } : {}),
    ...(s.observability.length > 0 ? { observability: [...s.observability].sort() } : {}),
    ...(addons.length > 0 ? { addons: [...addons] } : {}),
  };
}

function options(kb: Kb, requirement: string): CompiledTechnology[] {
  const out: CompiledTechnology[] = [];
  for (const target of requirement.split(" | ")) {
    const t = kb.technologies.get(target);
    if (t && t.role !== "interface") out.push(t);
    else out.push(...kb.implementersOf(target));
  }
  return out;
}

/** An interface nothing in the knowledge base implements (eBPF): a facility of the host, not a part to add. */
export function isHostFacility(kb: Kb, id: string): boolean {
  return kb.technologies.get(id)?.role === "interface" && kb.implementersOf(id).length === 0;
}

/**
 * Completes the stack. Two repairs on top of `completeStack`: a dependency on a host facility (an
 * interface nothing implements, such as eBPF) is taken as provided by the host and listed among the
 * supporting pieces; and where completion picked a piece the requirements forbid (excluded, archived,
 * or released after the as-of year), it retries with the first allowed alternative for that
 * dependency, so that a stack is not lost to completion's default choice.
 */
const completions = new WeakMap<Kb, LruMap<string, CompletedStack>>();
/**
 * Completions kept per knowledge base, least recently used dropped first: the stacks of a query and of
 * the learned-weights evaluation fit many times over, while a stream of queries over distinct stacks
 * cannot grow memory past it (about 1 KiB each).
 */
export const MAX_COMPLETIONS = 20_000;

/** How many completions are kept for the knowledge base (for tests of the bound). */
export function completionMemoSize(kb: Kb): number {
  return completions.get(kb)?.size ?? 0;
}

/**
 * `completeStack` is a pure function of the knowledge base, the parts, whether the stack must reach a GPU
 * and the language: memoised per knowledge base.
 */
function completeMemo(kb: Kb, base: StackComponents, gpu: boolean, lang: Lang): CompletedStack {
  const memoKey = `${base.runtime}|${base.orchestrator ?? ""}|${base.policy ?? ""}|${(base.observability ?? []).join("+")}|${(base.addons ?? []).join("+")}|${(base.supporting ?? []).join("+")}|${gpu ? "gpu" : ""}|${lang}`;
  let memo = completions.get(kb);
  if (!memo) {
    memo = new LruMap(MAX_COMPLETIONS);
    completions.set(kb, memo);
  }
  const hit = memo.get(memoKey);
  if (hit) return hit;
  const done = completeStack(kb, base, { gpu }, lang);
  memo.set(memoKey, done);
  return done;
}

function complete(ctx: QueryContext, base: StackComponents): CompletedStack {
  const { kb } = ctx;
  const exclude = new Set(ctx.req.must.exclude ?? []);
  const bad = (t: CompiledTechnology | undefined) =>
    t !== undefined && (exclude.has(t.id) || t.releasedYear > ctx.req.year || t.cncf?.archived !== undefined);
  const count = (c: CompletedStack) =>
    c.missing.length + c.conflicts.length + c.added.filter((a) => bad(kb.technologies.get(a.id))).length;
  const gpu = (ctx.req.must.gpu ?? ctx.req.soft.gpu) === true;
  const lang = ctx.lang;
  let current = completeMemo(kb, base, gpu, lang);
  const seeds = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const before = seeds.size;
    for (const m of current.missing) {
      const host = m.requires.find((r) => isHostFacility(kb, r));
      if (host !== undefined) seeds.add(host);
    }
    for (const a of current.added) {
      if (!bad(kb.technologies.get(a.id))) continue;
      const alt = options(kb, a.requirement)
        .filter((t) => !bad(t))
        .sort((x, y) => x.id.localeCompare(y.id))[0];
      if (alt) seeds.add(alt.id);
    }
    if (seeds.size === before) break;
    const next = completeMemo(kb, { ...base, supporting: [...seeds].sort() }, gpu, lang);
    if (count(next) > count(current)) break;
    current = next;
  }
  return current;
}

/** The `capabilities` checks; a capability nothing provides by the year says why. */
function capabilityChecks(ctx: QueryContext, parts: readonly string[]): RequirementCheck[] {
  const required = ctx.req.must.capabilities ?? [];
  if (required.length === 0) return [];
  const { kb, lang } = ctx;
  return checkCapabilities(kb, parts, required, lang).map((c, i) => {
    const gone = ctx.addons.unprovided.find((u) => u.capability === required[i]);
    if (c.status !== "missed" || gone === undefined) return c;
    const name = kb.traits.get(gone.capability)?.names[lang] ?? gone.capability;
    return { ...c, detail: ADDON.unprovided(lang, { capability: name, ruledOut: gone.ruledOut }) };
  });
}

/**
 * Evaluates a slot assignment against the query: completes it, computes its coordinate at the as-of
 * year and scenario, and checks every `must` with `evaluateMust`. A `missed` check, a missing
 * dependency, a conflict or a part released after the year is a violation. An `unknown` check is
 * admitted with a penalty and flagged. The scenario's soft requirements are checked too: a miss is a
 * trade-off that costs the stack, never a rejection.
 * @example evaluateStack(ctx, { runtime: "wasmedge", orchestrator: "k3s", policy: "gatekeeper", observability: [] }).violations
 */
export function evaluateStack(ctx: QueryContext, slots: Slots): StackEvaluation {
  const { kb, req } = ctx;
  const completed = complete(
    ctx,
    baseComponents(
      slots,
      ctx.addons.addons.map((a) => a.id),
    ),
  );
  const components = completed.components;
  const sc = stackCoordinate(kb, components, {
    year: req.year,
    ...(req.scenario ? { scenario: req.scenario.id } : {}),
  });
  const checks = [
    ...evaluateMust(kb, components, sc.coordinate, req.must, ctx.lang),
    ...capabilityChecks(ctx, stackParts(components)),
  ];
  const violations: Violation[] = [];
  const unknowns: RequirementCheck[] = [];
  for (const m of completed.missing) violations.push({ requirement: "dependency", detail: m.why, source: m.source });
  for (const c of completed.conflicts) {
    violations.push({ requirement: "conflict", detail: `${c.a} conflicts with ${c.b}: ${c.reason}`, source: c.source });
  }
  for (const r of sc.notYetReleased) {
    violations.push({ requirement: "year", detail: `${r.id} was released in ${r.released}, after ${req.year}` });
  }
  for (const c of checks) {
    if (c.status === "missed") {
      violations.push({
        requirement: c.requirement,
        detail: c.detail,
        ...(c.source !== undefined ? { source: c.source } : {}),
        ...(c.grade !== undefined ? { grade: c.grade } : {}),
      });
    } else if (c.status === "unknown") unknowns.push(c);
  }
  const softCapabilities = req.soft.capabilities ?? [];
  const softChecks = [
    ...(Object.keys(req.soft).length === 0 ? [] : evaluateMust(kb, components, sc.coordinate, req.soft, ctx.lang)),
    ...(softCapabilities.length === 0 ? [] : checkCapabilities(kb, stackParts(components), softCapabilities, ctx.lang)),
  ];
  const softMisses = softChecks.filter((c) => c.status === "missed");
  const softUnknowns = softChecks.filter((c) => c.status === "unknown");
  return {
    slots,
    components,
    completed,
    coordinate: sc.coordinate,
    checks,
    violations,
    unknowns,
    softChecks,
    softMisses,
    softUnknowns,
  };
}
