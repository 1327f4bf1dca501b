/** @module coordinate/order-by-figures — two technologies ordered by their own figures of an ordering's metric. */
import type { CompiledFact, CompiledOrdering, CompiledTechnology } from "../kb/kb.js";

/** Where two technologies' own figures put them on an ordering. */
export interface FigureOrder {
  readonly metric: string;
  readonly scope: string;
  /**
   * `greater`: a has more of the ordering's property than b by every figure of both; `less` the reverse;
   * `overlap`: their figures overlap, so they do not order the two.
   */
  readonly relation: "greater" | "less" | "overlap";
  /** The figures that decided, best-graded first (several when equally graded figures disagree). */
  readonly a: readonly CompiledFact[];
  readonly b: readonly CompiledFact[];
}

const GRADE_ORDER = "ABCU";
/** Per-instance figures first: they are what an ordering of runtimes is about. */
const SCOPE_PREFERENCE = ["instance", "pod", "process", "request", "binary", "node", "host", "cluster"];

/**
 * A technology's own figures for a metric at a scope: those of its best grade only (a higher grade
 * always wins), all of them when equally graded figures disagree. Level-wide figures never count.
 * @example ownTopFigures(kb.technologies.get("gvisor")!, "cold-start", "instance").length // 3
 */
export function ownTopFigures(tech: CompiledTechnology, metric: string, scope: string): CompiledFact[] {
  const own = tech.facts.filter((f) => f.metric === metric && f.scope === scope);
  if (own.length === 0) return [];
  const best = Math.min(...own.map((f) => GRADE_ORDER.indexOf(f.grade)));
  return own.filter((f) => GRADE_ORDER.indexOf(f.grade) === best);
}

function bounds(figures: readonly CompiledFact[]): [number, number] {
  const lo = Math.min(...figures.map((f) => f.normalized.min ?? f.normalized.value ?? 0));
  const hi = Math.max(...figures.map((f) => f.normalized.max ?? f.normalized.value ?? Number.POSITIVE_INFINITY));
  return [lo, hi];
}

/**
 * Orders two technologies on an ordering by their own figures of its `checkAgainst` metric, at the
 * first scope both have figures at; undefined when the ordering names no metric or one of them has
 * no own figure (then only the level ordering can answer, and must say so). One technology has more
 * of the property only when every figure of it lies beyond every figure of the other.
 * @example orderByFigures(kb.technologies.get("gvisor")!, kb.technologies.get("runc")!, startupSpeed)?.relation // "less"
 */
export function orderByFigures(
  a: CompiledTechnology,
  b: CompiledTechnology,
  ordering: CompiledOrdering,
): FigureOrder | undefined {
  const against = ordering.checkAgainst;
  if (against === undefined) return undefined;
  const scopes = new Set<string>(a.facts.filter((f) => f.metric === against.metric).map((f) => f.scope));
  const scope = SCOPE_PREFERENCE.find(
    (s) => scopes.has(s) && b.facts.some((f) => f.metric === against.metric && f.scope === s),
  );
  if (scope === undefined) return undefined;
  const fa = ownTopFigures(a, against.metric, scope);
  const fb = ownTopFigures(b, against.metric, scope);
  const [aLo, aHi] = bounds(fa);
  const [bLo, bHi] = bounds(fb);
  // A larger figure means more of the property (`same`) or less of it (`opposite`).
  const sign = against.direction === "same" ? 1 : -1;
  let relation: FigureOrder["relation"] = "overlap";
  if (aLo > bHi) relation = sign > 0 ? "greater" : "less";
  else if (aHi < bLo) relation = sign > 0 ? "less" : "greater";
  return { metric: against.metric, scope, relation, a: fa, b: fb };
}
