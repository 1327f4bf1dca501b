/** @module recommend/_scored-pieces — every candidate's weighed pieces for one as-of year and scenario fit table, shared by the queries that agree on both. */
import type { CompiledTechnology, Kb } from "../kb/kb.js";
import { ALL_SLOTS, type StaticIndex } from "./_static-index.js";
import { type FitTable, fitPieceOf } from "./fit-table.js";
import type { Term } from "./resolve-requirements.js";
import { ESTIMATED_PENALTY, MISSING_PENALTY, type Slot, type TermPiece } from "./stack-terms.js";
import { cncfScore } from "./tech-profile.js";

/** The terms of each slot's pieces, in the order they are weighed (fixed, so that a query can weigh numbers). */
export const SLOT_TERMS: Readonly<Record<Slot, readonly Term[]>> = {
  runtime: ["startup", "footprint", "isolation", "overhead", "maturity", "fit"],
  orchestrator: ["maturity", "fit"],
  policy: ["overhead", "maturity", "fit"],
  observability: ["overhead", "maturity", "fit"],
};

const cncfCache = new WeakMap<CompiledTechnology, Map<number, { score: number; status: string }>>();
export function cncfScoreCached(t: CompiledTechnology, year: number): { score: number; status: string } {
  let m = cncfCache.get(t);
  if (!m) {
    m = new Map();
    cncfCache.set(t, m);
  }
  let v = m.get(year);
  if (!v) {
    v = cncfScore(t, year);
    m.set(year, v);
  }
  return v;
}

/**
 * Every candidate's pieces for one as-of year and one fit table (none without a scenario): the static
 * pieces, then maturity (by the year), then fit (by the scenario's recorded stacks); and, per piece in
 * {@link SLOT_TERMS} order, its value and penalty share as numbers. Shared by every query with the
 * same year, scenario and left-out records; only the weights and the `must` checks are per query.
 */
interface ScoredSlot {
  readonly pieces: readonly (readonly TermPiece[])[];
  /** Piece j of candidate i at i × terms + j: its value, and its penalty share (estimated, missing, 0). */
  readonly value: Float64Array;
  readonly penalty: Float64Array;
}
export type Scored = Readonly<Record<Slot, ScoredSlot>>;
const scoredCache = new WeakMap<Kb, Map<FitTable | number, Scored>>();
/** Year × fit-table variants kept per knowledge base (the oldest goes first). */
const MAX_SCORED = 32;

export const piecePenalty = (p: TermPiece): number =>
  p.estimated ? ESTIMATED_PENALTY : p.missing ? MISSING_PENALTY : 0;

export function scoredPieces(
  kb: Kb,
  index: StaticIndex,
  year: number,
  fit: FitTable | undefined,
  scenarioId: string | undefined,
): Scored {
  let m = scoredCache.get(kb);
  if (!m) {
    m = new Map();
    scoredCache.set(kb, m);
  }
  const key = fit && scenarioId !== undefined ? fit : year;
  const hit = m.get(key);
  if (hit) return hit;
  const out = {} as Record<Slot, ScoredSlot>;
  for (const slot of ALL_SLOTS) {
    const terms = SLOT_TERMS[slot];
    const entries = index.slots[slot].entries;
    const value = new Float64Array(entries.length * terms.length);
    const penalty = new Float64Array(entries.length * terms.length);
    const pieces = entries.map((e, i) => {
      const c = cncfScoreCached(e.t, year);
      const age = Math.min(1, Math.max(0, (year - e.t.releasedYear) / 10));
      const maturity: TermPiece = {
        term: "maturity",
        slot,
        part: e.id,
        value: 0.6 * c.score + 0.4 * age,
        basis: "maturity",
      };
      const fitPiece =
        key === year
          ? e.noFit
          : fitPieceOf(fit, scenarioId, index.dims, slot, e.id, e.t, slot === "observability" ? undefined : e.level);
      const ps = [...e.pieces, maturity, fitPiece];
      if (ps.length !== terms.length || ps.some((p, j) => p.term !== terms[j]))
        throw new Error(`invariant failed: ${slot} pieces of ${e.id} are not ${terms.join(", ")}`);
      for (let j = 0; j < terms.length; j++) {
        value[i * terms.length + j] = ps[j]!.value;
        penalty[i * terms.length + j] = piecePenalty(ps[j]!);
      }
      return ps;
    });
    out[slot] = { pieces, value, penalty };
  }
  if (m.size >= MAX_SCORED) m.delete(m.keys().next().value!);
  m.set(key, out);
  return out;
}
