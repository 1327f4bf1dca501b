/** @module test/_coordinate-arbitrary — fast-check arbitraries for coordinates, built from a knowledge base's dimensions. */
import fc from "fast-check";
import type { Coordinate, CoordinateValue } from "../src/coordinate/coordinate.js";
import { isScenarioDimension, isSetDimension, tupleDimensions } from "../src/coordinate/coordinate.js";
import type { CompiledDimension, Kb } from "../src/kb/kb.js";

/** One valid, non-wildcard value of a dimension: a level by value, a year 2000–2030, a scenario id, a set of signals. */
export function valueArbitrary(kb: Kb, dim: CompiledDimension): fc.Arbitrary<CoordinateValue> {
  if (isScenarioDimension(dim)) return fc.constantFrom(...kb.scenarios.keys());
  if (dim.kind === "year") return fc.integer({ min: 2000, max: 2030 });
  if (isSetDimension(dim)) {
    const codes = dim.levels.map((l) => l.code);
    // Sorted by level value, as the parser returns them.
    return fc.subarray(codes).map((s) => [...s] as readonly string[]);
  }
  return fc.constantFrom(...dim.levels.map((l) => l.value));
}

/** A full coordinate; with `wildcards`, any dimension may be `null` (`*`). */
export function coordinateArbitrary(kb: Kb, options: { wildcards?: boolean } = {}): fc.Arbitrary<Coordinate> {
  const record: Record<string, fc.Arbitrary<CoordinateValue | null>> = {};
  for (const dim of tupleDimensions(kb)) {
    const value = valueArbitrary(kb, dim);
    record[dim.key] = options.wildcards ? fc.option(value, { nil: null, freq: 4 }) : value;
  }
  return fc.record(record);
}

/** The coordinate with every dimension key present, `null` for `*` (the keyed form leaves wildcards out). */
export function normalized(kb: Kb, c: Coordinate): Record<string, CoordinateValue | null> {
  const out: Record<string, CoordinateValue | null> = {};
  for (const dim of tupleDimensions(kb)) out[dim.key] = c[dim.key] ?? null;
  return out;
}
