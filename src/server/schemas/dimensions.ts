/** @module server/schemas/dimensions — the seven dimensions as the UI colours, groups and filters by them. */
import { z } from "@hono/zod-openapi";
import { Names, Text } from "../../model/_common.js";
import { DimensionRule, StackRule } from "../../model/dimension.js";
import { list } from "./_list.js";

const Level = z.object({
  code: z.string(),
  value: z.number().int(),
  name: z.string(),
  names: Names,
  aliases: list(z.string()),
  summary: Text.optional(),
  representatives: list(z.string()),
  direction: z.string().optional(),
  year: z.number().int().optional(),
  technology: z.string().optional(),
  change: Text.optional(),
  source: z.string().optional(),
  /** How many technologies hold the level. */
  technologies: z.number().int(),
});

const Ordering = z.object({
  id: z.string(),
  name: z.string(),
  names: Names,
  meaning: Text,
  chains: list(z.string()),
  more: Names,
  less: Names,
  /** Per level code: how many tie classes lie strictly below it (0 = the least of the property). */
  rank: z.record(z.string(), z.number().int()),
  /** The codes that tie, each class a list. */
  classes: list(list(z.string())),
  checkAgainst: z.object({ metric: z.string(), direction: z.enum(["same", "opposite"]) }).optional(),
  source: z.string(),
  note: Text.optional(),
});

export const DimensionView = z
  .object({
    key: z.string(),
    keyAliases: list(z.string()),
    name: z.string(),
    names: Names,
    aliases: list(z.string()),
    kind: z.enum(["ordinal", "year", "categorical", "set"]),
    tupleIndex: z.number().int(),
    summary: Text,
    source: z.string(),
    /** Where a stack's value on this dimension comes from. */
    stackRule: StackRule,
    levels: list(Level),
    /** `scenarios`: the values are the scenarios (listed in `values`), not levels. */
    valuesFrom: z.literal("scenarios").optional(),
    values: list(z.object({ id: z.string(), name: z.string(), names: Names })).optional(),
    orderings: list(Ordering),
    /** The ordering distance on this dimension is measured by (else by level number). */
    distanceBy: z.string().optional(),
    graph: z
      .object({ edges: list(z.tuple([z.string(), z.string()]).readonly()), source: z.string(), note: Text.optional() })
      .optional(),
    rules: list(DimensionRule),
  })
  .openapi("Dimension");

export const DimensionList = z
  .object({ count: z.number().int(), dimensions: list(DimensionView) })
  .openapi("DimensionList");
