/** @module model/vocabulary — the metrics facts may measure and the traits technologies may have. */
import { z } from "zod";
import { Id, Names, Text } from "./_common.js";

/** The physical kind of a unit; figures convert within a kind (ms ↔ s, MB ↔ MiB). */
export const UnitKind = z.enum(["time", "memory", "ratio", "count", "cpu", "rate", "bandwidth", "lines"]);
export type UnitKind = z.infer<typeof UnitKind>;

export const Metric = z.strictObject({
  id: Id,
  names: Names,
  kind: UnitKind,
  /** The unit the atlas reports this metric in. */
  unit: z.string().min(1).max(20),
  better: z.enum(["lower", "higher"]),
  /**
   * A fast-moving metric: `validate` warns (STALE_FIGURE) about figures older than this many years
   * (dated by their `asOf`, else their source's year). Absent: figures of the metric do not age.
   */
  staleAfterYears: z.number().int().min(1).max(50).optional(),
  summary: Text.optional(),
});
export type Metric = z.infer<typeof Metric>;

/**
 * What one value of a trait means, explicitly, and the words that contradict it: a technology that
 * states the value while its own summary or the statement's note uses one of `contradictedBy` is
 * reported (e.g. `own-kernel: true` beside "a user-space application kernel").
 */
export const TraitMeaning = z.strictObject({
  value: z.union([z.string().min(1).max(40), z.boolean()]),
  meaning: Text,
  /** Phrases (English, matched case-insensitively) that say the value does not hold. */
  contradictedBy: z.array(z.string().min(3).max(80)).min(1).optional(),
});
export type TraitMeaning = z.infer<typeof TraitMeaning>;

export const Trait = z.strictObject({
  id: Id,
  names: Names,
  /** The values a technology may state; `true`/`false` for a yes/no trait. */
  values: z.array(z.union([z.string().min(1).max(40), z.boolean()])).min(2),
  /**
   * A capability: a yes/no trait a stack gains by adding a part that states it (`must.capabilities`),
   * rather than a property of its runtime: model serving, gang scheduling, mTLS, workload identity.
   */
  capability: z.boolean().optional(),
  summary: Text.optional(),
  /** The meaning of some values, where a reader (or a requirement) could take them for something else. */
  meanings: z.array(TraitMeaning).optional(),
});
export type Trait = z.infer<typeof Trait>;

export const VocabularyFile = z.strictObject({
  metrics: z.array(Metric).min(1),
  traits: z.array(Trait).min(1),
});
export type VocabularyFile = z.infer<typeof VocabularyFile>;
