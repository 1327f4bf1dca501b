/** @module model/dimension — one of the seven dimensions, with its levels, orderings, graph and rules. */
import { z } from "zod";
import { Names, Text } from "./_common.js";
import { Level, LevelCode } from "./level.js";
import { Ordering } from "./ordering.js";
import { Role } from "./technology.js";

/**
 * How a dimension's values behave: `ordinal` levels have an order (distance by level), `year` is a
 * year, `categorical` values are equal or not (or related through a graph), `set` values are sets of
 * levels (distance by overlap).
 */
export const DimensionKind = z.enum(["ordinal", "year", "categorical", "set"]);
export type DimensionKind = z.infer<typeof DimensionKind>;

/** A rule over a set-valued dimension, e.g. "complete observability = O1 + O2". */
export const DimensionRule = z.strictObject({
  id: z.string().min(1).max(60),
  names: Names,
  /** `requires`: every listed level present; `product`: the levels cross (localisation = O1 × O2). */
  kind: z.enum(["requires", "product"]),
  levels: z.array(LevelCode).min(1),
  statement: Text,
  source: z.string().min(1),
});
export type DimensionRule = z.infer<typeof DimensionRule>;

/**
 * Where a stack's value on this dimension comes from (docs/architecture.md, "The model": the rules written once):
 * a slot's part (`slot`; set dimensions take the union over the slot's parts; `whenAbsent` when the
 * slot is empty), the year (`year`), the view the stack is expressed in (`view`, `default` level) or
 * the scenario (`scenario`).
 */
export const StackRule = z.discriminatedUnion("from", [
  z.strictObject({
    from: z.literal("slot"),
    slot: z.enum(["runtime", "orchestrator", "policy", "observability"]),
    whenAbsent: LevelCode.optional(),
    /**
     * Roles whose parts among a stack's `addons` count on this dimension too: an ordinal dimension takes
     * the highest of the slot's level and theirs (a mesh's mTLS raises Z), a set dimension their union
     * (a mesh's request traces add O1).
     */
    raisedBy: z.array(Role).min(1).optional(),
  }),
  z.strictObject({ from: z.literal("year") }),
  z.strictObject({ from: z.literal("view"), default: LevelCode }),
  z.strictObject({ from: z.literal("scenario") }),
]);
export type StackRule = z.infer<typeof StackRule>;

export const Dimension = z.strictObject({
  /** The coordinate key: D, X, Z, T, A, S or O. */
  key: z.string().regex(/^[A-Z]$/, "a dimension key is one capital letter"),
  /** Other names for the key (the seed calls isolation both D1 and Y). */
  keyAliases: z.array(z.string().min(1).max(10)).optional(),
  names: Names,
  aliases: z.array(z.string().min(1).max(60)).optional(),
  kind: DimensionKind,
  /** Position in the seed's tuple order `(D, X, Z, T, A, S, O)`. */
  tupleIndex: z.number().int().min(0).max(20),
  summary: Text,
  /** The levels; a dimension whose values live elsewhere (S → scenarios) names that instead. */
  levels: z.array(Level).optional(),
  valuesFrom: z.enum(["scenarios"]).optional(),
  orderings: z.array(Ordering).optional(),
  /** The ordering `lookup` measures distance by (isolation: strength); default: by level number. */
  distanceBy: z.string().min(1).optional(),
  /** Directed edges between levels (the seed's view network A1→A5→A6→A7, A2→A3→A4). */
  graph: z
    .strictObject({
      edges: z.array(z.tuple([LevelCode, LevelCode])).min(1),
      source: z.string().min(1),
      note: Text.optional(),
    })
    .optional(),
  rules: z.array(DimensionRule).optional(),
  stackRule: StackRule,
  source: z.string().min(1),
});
export type Dimension = z.infer<typeof Dimension>;

export const DimensionsFile = z.strictObject({ dimensions: z.array(Dimension).min(1) });
export type DimensionsFile = z.infer<typeof DimensionsFile>;
