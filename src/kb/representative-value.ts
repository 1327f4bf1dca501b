/** @module kb/representative-value — one number standing for a fact's figure, for comparisons. */
import type { Fact } from "../model/fact.js";
import { convertUnit } from "./convert-unit.js";

/**
 * The number that stands for a fact: its `value`, else the midpoint of `min` and `max`, else the one
 * bound it has; converted to `unit` when given (undefined if the units do not convert).
 * @example representativeValue({ min: 5, max: 30, unit: "s", … }, "ms") // 17500
 */
export function representativeValue(
  fact: Pick<Fact, "value" | "min" | "max" | "unit">,
  unit?: string,
): number | undefined {
  const raw =
    fact.value ??
    (fact.min !== undefined && fact.max !== undefined ? (fact.min + fact.max) / 2 : (fact.min ?? fact.max));
  if (raw === undefined) return undefined;
  return unit === undefined ? raw : convertUnit(raw, fact.unit, unit);
}

/**
 * A compiled fact's figure in its metric's unit, three significant digits: "0.954–4.77 MiB", "≤ 10 ms".
 * @example formatNormalizedFigure(kb.technologies.get("wasmedge")!.facts[0]!) // "≤ 10 ms"
 */
export function formatNormalizedFigure(fact: Pick<Fact, "value"> & { readonly normalized: NormalizedFigure }): string {
  const n = fact.normalized;
  const p = (x: number) => +x.toPrecision(3);
  if (fact.value !== undefined) return `${p(n.representative)} ${n.unit}`;
  if (n.min !== undefined && n.max !== undefined) return `${p(n.min)}–${p(n.max)} ${n.unit}`;
  return n.max !== undefined ? `≤ ${p(n.max)} ${n.unit}` : `≥ ${p(n.min ?? 0)} ${n.unit}`;
}

/** The converted figure a compiled fact carries. */
interface NormalizedFigure {
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  readonly representative: number;
}
