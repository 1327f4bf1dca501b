/** @module coordinate/coordinate — a point (or a partial one) in the seven-dimension space. */
import type { CompiledDimension, Kb } from "../kb/kb.js";

/**
 * One dimension's value: a level number (ordinal dimensions and views), a year, a scenario id, or a
 * set of level codes (observability). `null` is the wildcard `*`.
 */
export type CoordinateValue = number | string | readonly string[];

/** Values by dimension key (D, X, Z, T, A, S, O); a key that is absent or null matches anything. */
export type Coordinate = Readonly<Record<string, CoordinateValue | null>>;

/** The JSON shape scripts rely on: `{ D, X, Z, T, A, S, O, text }` with `null` for `*`. */
export type CoordinateJson = Record<string, CoordinateValue | null> & { readonly text: string };

/** The dimensions in the seed's tuple order `(D, X, Z, T, A, S, O)`. */
export function tupleDimensions(kb: Kb): CompiledDimension[] {
  return [...kb.dimensions.values()].sort((a, b) => a.tupleIndex - b.tupleIndex);
}

/** Whether a dimension's values are sets (compared by overlap). */
export function isSetDimension(dim: CompiledDimension): boolean {
  return dim.kind === "set";
}

/** Whether a dimension's values are scenario ids. */
export function isScenarioDimension(dim: CompiledDimension): boolean {
  return dim.valuesFrom === "scenarios";
}

/** Two values equal (sets regardless of order). */
export function valuesEqual(a: CoordinateValue, b: CoordinateValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const sb = new Set(b as readonly string[]);
    return (a as readonly string[]).every((x) => sb.has(x));
  }
  return a === b;
}
