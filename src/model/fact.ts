/** @module model/fact — a measured or stated figure with its unit, conditions, source and grade. */
import { z } from "zod";
import { AsOf, EvidenceGrade, Id, Text } from "./_common.js";

/**
 * What a figure describes. Per-instance figures (a container, a sandbox, a VM, an isolate) and
 * per-node or per-cluster ones (an agent, a control plane) are never compared with each other.
 */
export const FactScope = z.enum(["instance", "pod", "node", "cluster", "request", "binary", "process", "host"]);
export type FactScope = z.infer<typeof FactScope>;

/**
 * A figure. `value` is a typical or exact value; `min`/`max` a range; `max` alone an upper bound
 * ("≤ 125 ms"), `min` alone a lower bound.
 */
export const Fact = z
  .strictObject({
    metric: Id,
    value: z.number().finite().optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    unit: z.string().min(1).max(20),
    scope: FactScope,
    conditions: Text,
    source: Id,
    grade: EvidenceGrade,
    /** When the figure was true (the release measured, the page's date); else its source's year dates it. */
    asOf: AsOf.optional(),
    /** A vendor's or a project's claim about itself: kept, but marked. */
    vendorClaim: z.boolean().optional(),
    note: Text.optional(),
  })
  .refine((f) => f.value !== undefined || f.min !== undefined || f.max !== undefined, {
    message: "a fact needs a `value`, or a `min` and/or `max`",
    path: ["value"],
  })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, {
    message: "`min` is above `max`",
    path: ["min"],
  });
export type Fact = z.infer<typeof Fact>;

/**
 * A fact's figure as people write it: "5–30 s", "≤ 10 ms", "≥ 128 MB" or "3 %".
 * @example formatFigure({ min: 5, max: 30, unit: "s" }) // "5–30 s"
 */
export function formatFigure(fact: Pick<Fact, "value" | "min" | "max" | "unit">): string {
  const u = fact.unit === "%" ? "%" : ` ${fact.unit}`;
  if (fact.value !== undefined) return `${fact.value}${u}`;
  if (fact.min !== undefined && fact.max !== undefined) return `${fact.min}–${fact.max}${u}`;
  if (fact.max !== undefined) return `≤ ${fact.max}${u}`;
  return `≥ ${fact.min}${u}`;
}
