/** @module evidence/judge-figure — whether a technology meets a numeric requirement, on its own figures only. */
import type { CompiledDimension, CompiledFact, Kb } from "../kb/kb.js";
import { LruMap } from "../lru-map.js";
import type { NumericRange } from "../model/requirements.js";
import { type EvidenceFigure, gradeRank, ownFigures } from "./own-figures.js";

/** A requirement checked: met, missed, or unknown (no evidence decides it). */
export type CheckStatus = "met" | "missed" | "unknown";

/** What one figure says about a range: within it, outside it, or neither (a bound that does not reach it). */
export type FigureVerdict = "met" | "missed" | "open";

/** The fact that would settle an unknown check. */
export interface SettlingFact {
  readonly metric: string;
  readonly scope: string;
}

export interface Judgement {
  readonly status: CheckStatus;
  /** Why a check is unknown: no own figure, only bounds that do not reach the range, or a dispute. */
  readonly reason?: "no-figure" | "open" | "disputed";
  /** The figure that decided (met or missed), or the bound that could not (open). */
  readonly figure?: EvidenceFigure;
  /** Two own figures of the same grade and standing that disagree: one within the range, one outside. */
  readonly dispute?: { readonly met: EvidenceFigure; readonly missed: EvidenceFigure };
  /** For an unknown check: the metric and scope of the figure that would decide it. */
  readonly settle?: SettlingFact;
  /** The level's figure: a hint for soft scoring and display, never a verdict. */
  readonly hint?: CompiledFact;
}

/**
 * What a figure says about a range. A stated end outside the range misses it (a range is met only when
 * the whole stated range lies inside); a bound that leaves the other end open neither meets nor misses.
 * @example figureVerdict({ lo: 6, hi: 185 }, { max: 200 }) // "met"
 */
export function figureVerdict(f: { lo: number | undefined; hi: number | undefined }, r: NumericRange): FigureVerdict {
  let open = false;
  if (r.max !== undefined) {
    if (f.hi !== undefined) {
      if (f.hi > r.max) return "missed";
    } else if (f.lo !== undefined && f.lo > r.max) return "missed";
    else open = true;
  }
  if (r.min !== undefined) {
    if (f.lo !== undefined) {
      if (f.lo < r.min) return "missed";
    } else if (f.hi !== undefined && f.hi < r.min) return "missed";
    else open = true;
  }
  return open ? "open" : "met";
}

const overlaps = (a: EvidenceFigure, b: EvidenceFigure): boolean =>
  (a.lo === undefined || b.hi === undefined || a.lo <= b.hi) &&
  (b.lo === undefined || a.hi === undefined || b.lo <= a.hi);

/** How conservative a figure is for a verdict: the highest stated end first (the flattering claim never leads). */
const conservative = (f: EvidenceFigure): number => f.hi ?? f.lo ?? 0;

/**
 * The level's figure for a technology on a metric and scope (its first level on the dimension): a hint.
 * @example levelHint(kb, kb.technologies.get("unikraft")!.id, "cold-start", "instance", dim)?.subject // "L-4"
 */
export function levelHint(
  kb: Kb,
  id: string,
  metric: string,
  scope: string,
  levelDimension: CompiledDimension | undefined,
): CompiledFact | undefined {
  const t = kb.technologies.get(id);
  if (!t || !levelDimension) return undefined;
  const code = t.position[levelDimension.key]?.[0];
  const level = code === undefined ? undefined : levelDimension.levelByCode.get(code);
  return level?.facts.find((f) => f.metric === metric && f.scope === scope);
}

const cache = new WeakMap<Kb, LruMap<string, Judgement>>();
/**
 * Judgements kept per knowledge base, least recently used dropped first. The key holds the asked range,
 * which comes from the request: a stream of distinct ranges cannot grow memory past this (a query judges
 * each runtime once per metric, about a hundred entries).
 */
export const MAX_JUDGEMENTS = 10_000;

/** How many judgements are kept for the knowledge base (for tests of the bound). */
export function judgementMemoSize(kb: Kb): number {
  return cache.get(kb)?.size ?? 0;
}

/**
 * Judges a technology on a numeric requirement by the evidence rules (docs/evidence.md):
 * 1. only its own figures, and those derived from its own related figures, count;
 * 2. a higher grade always wins: figures of a lower grade that contradict a higher-graded one are
 *    dropped, and the best grade at which some figure decides, decides;
 * 3. at equal grade, a figure stated for the metric and scope asked decides before a derived one;
 * 4. figures still disagreeing (one within the range, one outside) make a dispute: unknown, both shown.
 * With no figure, or only bounds that do not reach the range, the check is unknown, and names the fact
 * that would settle it. A level-wide figure is returned as a hint only.
 * @example judgeFigure(kb, "firecracker", "cold-start", "instance", { max: 200 }).status // "met"
 */
export function judgeFigure(
  kb: Kb,
  id: string,
  metric: string,
  scope: string,
  range: NumericRange,
  levelDimension?: CompiledDimension,
): Judgement {
  let m = cache.get(kb);
  if (!m) {
    m = new LruMap(MAX_JUDGEMENTS);
    cache.set(kb, m);
  }
  const key = `${id}|${metric}|${scope}|${range.min ?? ""}|${range.max ?? ""}|${levelDimension?.key ?? ""}`;
  const hit = m.get(key);
  if (hit) return hit;
  const out = judge(kb, id, metric, scope, range, levelDimension);
  m.set(key, out);
  return out;
}

function judge(
  kb: Kb,
  id: string,
  metric: string,
  scope: string,
  range: NumericRange,
  levelDimension: CompiledDimension | undefined,
): Judgement {
  const hint = levelHint(kb, id, metric, scope, levelDimension);
  const withHint = hint ? { hint } : {};
  const settle = { metric, scope };
  const all = ownFigures(kb, id, metric, scope);
  if (all.length === 0) return { status: "unknown", reason: "no-figure", settle, ...withHint };
  const byGrade = [...new Set(all.map((f) => gradeRank(f.fact.grade)))].sort((a, b) => a - b);
  const kept: EvidenceFigure[] = [];
  let firstOpen: EvidenceFigure | undefined;
  for (const g of byGrade) {
    // A lower-graded figure that contradicts a higher-graded one is dropped: the higher grade wins.
    const here = all.filter((f) => gradeRank(f.fact.grade) === g && kept.every((k) => overlaps(k, f)));
    kept.push(...here);
    for (const standing of [here.filter((f) => !f.derived), here.filter((f) => f.derived)]) {
      const verdicts = standing.map((f) => ({ f, v: figureVerdict(f, range) }));
      firstOpen ??= verdicts.find((x) => x.v === "open")?.f;
      const met = verdicts.filter((x) => x.v === "met").map((x) => x.f);
      const missed = verdicts.filter((x) => x.v === "missed").map((x) => x.f);
      const top = (xs: EvidenceFigure[]) => [...xs].sort((a, b) => conservative(b) - conservative(a))[0]!;
      const nearest = (xs: EvidenceFigure[]) =>
        [...xs].sort((a, b) =>
          range.max !== undefined ? conservative(a) - conservative(b) : conservative(b) - conservative(a),
        )[0]!;
      if (met.length > 0 && missed.length > 0)
        return {
          status: "unknown",
          reason: "disputed",
          dispute: { met: top(met), missed: top(missed) },
          settle,
          ...withHint,
        };
      // Every deciding figure misses: the one nearest the range shows that even the best claim misses.
      if (missed.length > 0) return { status: "missed", figure: nearest(missed), ...withHint };
      if (met.length > 0) return { status: "met", figure: top(met), ...withHint };
    }
  }
  return {
    status: "unknown",
    reason: "open",
    ...(firstOpen ? { figure: firstOpen } : {}),
    settle,
    ...withHint,
  };
}

/**
 * The figure to score a technology by (soft terms): its best own figure — highest grade, stated before
 * derived, then the most conservative — else the level's figure, marked estimated (a hint).
 * @example scoringFigure(kb, "wasmedge", "cold-start", "instance")?.fact.normalized.representative // 10
 */
export function scoringFigure(
  kb: Kb,
  id: string,
  metric: string,
  scope: string,
  levelDimension?: CompiledDimension,
): { fact: CompiledFact; estimated: boolean; derived?: EvidenceFigure["derived"] } | undefined {
  const own = [...ownFigures(kb, id, metric, scope)].sort(
    (a, b) =>
      gradeRank(a.fact.grade) - gradeRank(b.fact.grade) ||
      Number(a.derived !== undefined) - Number(b.derived !== undefined) ||
      b.fact.normalized.representative - a.fact.normalized.representative,
  );
  // A figure bounded only from below ("cold start ≥ 0.0064 ms") says nothing of how fast or small the
  // technology is: scoring it at its bound would flatter it. Such a bound scores only where nothing else does.
  const bounded = (f: CompiledFact) => f.normalized.value !== undefined || f.normalized.max !== undefined;
  const best = own.find((o) => bounded(o.fact));
  if (best) return { fact: best.fact, estimated: false, ...(best.derived ? { derived: best.derived } : {}) };
  const hint = levelHint(kb, id, metric, scope, levelDimension);
  if (hint) return { fact: hint, estimated: true };
  const floor = own[0];
  return floor
    ? { fact: floor.fact, estimated: false, ...(floor.derived ? { derived: floor.derived } : {}) }
    : undefined;
}
