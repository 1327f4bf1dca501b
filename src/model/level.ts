/** @module model/level — one value of a dimension (L-4, X2, Z3, A1, O2, T1 …). */
import { z } from "zod";
import { Id, Names, Text, Year } from "./_common.js";
import { Fact } from "./fact.js";

/** A level code such as `L-4`, `X2`, `Z3`, `A1`, `O2` or `T5`. */
export const LevelCode = z.string().regex(/^[A-Z]-?\d{1,2}$/, "a level code looks like L-4, X2, Z3, A1, O2 or T5");

export const Level = z.strictObject({
  code: LevelCode,
  /** The number the seed's coordinates use for this level. */
  value: z.number().int().min(0).max(99),
  names: Names,
  aliases: z.array(z.string().min(1).max(60)).optional(),
  summary: Text.optional(),
  /** Representative technologies named by the seed for this level. */
  representatives: z.array(Id).optional(),
  /** Observability only: the direction of the signal (the seed's horizontal/vertical). */
  direction: z.enum(["horizontal", "vertical", "metrics", "logs", "correlation"]).optional(),
  /** Time only: the milestone's year, its key technology and what changed. */
  year: Year.optional(),
  technology: Id.optional(),
  change: Text.optional(),
  /** A claim of claims.yaml that disputes the level's statement (the label keeps the seed's words). */
  claim: Id.optional(),
  /** Figures stated for the level as a whole (e.g. the corpus's per-layer CPU overhead). */
  facts: z.array(Fact).optional(),
  source: Id.optional(),
});
export type Level = z.infer<typeof Level>;
