/** @module recommend/fit-table — how well a part fits a scenario: the scenario's recorded stacks per slot value and its stated coordinate, and the fit term read from them. */
import type { CoordinateValue } from "../coordinate/coordinate.js";
import { dimensionDistance } from "../coordinate/coordinate-distance.js";
import { recordedStacks, recordSince } from "../coordinate/recorded-stacks.js";
import type { CompiledDimension, CompiledTechnology, Kb } from "../kb/kb.js";
import { LruMap } from "../lru-map.js";
import { slotDimension } from "./_validate-requirements.js";
import { SINGLE_SLOTS, type Slot, type TermPiece } from "./stack-terms.js";

/** Counts of recorded stacks of the scenario per slot value, and the scenario's stated coordinate, for the fit term. */
export interface FitTable {
  readonly n: number;
  readonly counts: Readonly<Record<Slot, ReadonlyMap<string, number>>>;
  readonly max: Readonly<Record<Slot, number>>;
  /** Per slot dimension: the values the latest stated coordinates (as of the year) give the scenario. */
  readonly target: Readonly<Record<string, readonly CoordinateValue[]>>;
  /** The year and records the target was read from. */
  readonly targetFrom: { readonly year: number; readonly records: readonly string[] } | undefined;
}
const fitCache = new WeakMap<Kb, LruMap<string, FitTable>>();
/** Fit tables kept per knowledge base (scenario × year × left-out records; the year comes from the request). */
export const MAX_FIT_TABLES = 512;

/** How many fit tables are kept for the knowledge base (for tests of the bound). */
export function fitTableMemoSize(kb: Kb): number {
  return fitCache.get(kb)?.size ?? 0;
}
export function fitTable(kb: Kb, scenario: string, exclude: ReadonlySet<string>, year: number): FitTable {
  const key = `${scenario}|${year}|${[...exclude].sort().join(",")}`;
  let m = fitCache.get(kb);
  if (!m) {
    m = new LruMap(MAX_FIT_TABLES);
    fitCache.set(kb, m);
  }
  const hit = m.get(key);
  if (hit) return hit;
  // Only what was on record by the year: serverless in 2020 is not judged by stacks of 2025.
  const records = recordedStacks(kb).filter(
    (r) => r.scenario === scenario && !exclude.has(r.id) && recordSince(kb, r) <= year,
  );
  const counts: Record<Slot, Map<string, number>> = {
    runtime: new Map(),
    orchestrator: new Map(),
    policy: new Map(),
    observability: new Map(),
  };
  const bump = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + 1);
  for (const r of records) {
    for (const s of SINGLE_SLOTS) bump(counts[s], r.components[s] ?? "-");
    for (const o of r.components.observability ?? []) bump(counts.observability, o);
  }
  const max = {} as Record<Slot, number>;
  for (const s of [...SINGLE_SLOTS, "observability"] as const) max[s] = Math.max(1, ...counts[s].values());
  // The scenario's place as its sources state it: the latest stated coordinates up to the as-of year.
  const yearKey = [...kb.dimensions.values()].find((d) => d.kind === "year")?.key;
  const stated = records
    .filter((r) => r.stated !== undefined)
    .map((r) => ({ r, y: r.year ?? (yearKey ? (r.stated![yearKey] as number | null) : null) ?? 0 }))
    .filter((x) => x.y <= year);
  const latest = Math.max(0, ...stated.map((x) => x.y));
  const chosen = stated.filter((x) => x.y === latest);
  const target: Record<string, CoordinateValue[]> = {};
  for (const slot of SINGLE_SLOTS) {
    const dim = slotDimension(kb, slot);
    if (!dim) continue;
    const tally = new Map<string, { v: CoordinateValue; n: number }>();
    for (const { r } of chosen) {
      const v = r.stated![dim.key];
      if (v === null || v === undefined) continue;
      const k = JSON.stringify(v);
      tally.set(k, { v, n: (tally.get(k)?.n ?? 0) + 1 });
    }
    const top = Math.max(0, ...[...tally.values()].map((x) => x.n));
    if (top > 0) target[dim.key] = [...tally.values()].filter((x) => x.n === top).map((x) => x.v);
  }
  const t: FitTable = {
    n: records.length,
    counts,
    max,
    target,
    targetFrom: chosen.length > 0 ? { year: latest, records: chosen.map((x) => x.r.id) } : undefined,
  };
  m.set(key, t);
  return t;
}

export function fitPieceOf(
  fit: FitTable | undefined,
  scenarioId: string | undefined,
  dims: Readonly<Record<Slot, CompiledDimension | undefined>>,
  slot: Slot,
  id: string | null,
  t: CompiledTechnology | undefined,
  level: number | undefined,
): TermPiece {
  if (!fit || scenarioId === undefined) return { term: "fit", slot, part: id, value: 0, basis: "fit" };
  const count = fit.counts[slot].get(id ?? "-") ?? 0;
  const share = count / fit.max[slot];
  const inS = t ? (t.position.S ?? []).includes(scenarioId) : count > 0;
  const dim = slot === "observability" ? undefined : dims[slot];
  const want = dim ? fit.target[dim.key] : undefined;
  if (!dim || !want) return { term: "fit", slot, part: id, value: 0.8 * share + 0.2 * (inS ? 1 : 0), basis: "fit" };
  let match = 0;
  if (level !== undefined) for (const w of want) match = Math.max(match, 1 - dimensionDistance(dim, level, w));
  return { term: "fit", slot, part: id, value: 0.5 * match + 0.4 * share + 0.1 * (inS ? 1 : 0), basis: "fit" };
}
