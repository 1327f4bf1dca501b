/** @module model/requirements — the requirements vocabulary of `recommend`, the API and the UI. */
import { z } from "zod";
import { Year } from "./_common.js";
import { LevelCode } from "./level.js";

/** A numeric bound: `{ max: 10 }`, `{ min: 1, max: 5 }`. */
export const NumericRange = z
  .strictObject({
    min: z.number().finite().nonnegative().optional(),
    max: z.number().finite().nonnegative().optional(),
  })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: "give `min`, `max` or both" })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: "`min` is above `max`: nothing can satisfy this range",
    path: ["min"],
  });
export type NumericRange = z.infer<typeof NumericRange>;

/** A level bound on an ordinal dimension: a level code (`L-1`, `Z3`) or its number. */
const LevelRef = z.union([LevelCode, z.number().int().min(0).max(99)]);
export const LevelBound = z
  .strictObject({ atLeast: LevelRef.optional(), atMost: LevelRef.optional(), equals: LevelRef.optional() })
  .refine((b) => b.atLeast !== undefined || b.atMost !== undefined || b.equals !== undefined, {
    message: "give `atLeast`, `atMost` or `equals`",
  })
  .refine((b) => b.equals === undefined || (b.atLeast === undefined && b.atMost === undefined), {
    message: "`equals` excludes `atLeast` and `atMost`",
    path: ["equals"],
  });
export type LevelBound = z.infer<typeof LevelBound>;

/** The longest `include` or `exclude` list (a stack has a handful of parts; the knowledge base a few hundred). */
const MAX_NAMES = 100;
/** The longest `observability` list (there are five signals). */
const MAX_SIGNALS = 10;

export const Must = z.strictObject({
  coldStartMs: NumericRange.optional(),
  memoryMiB: NumericRange.optional(),
  isolation: LevelBound.optional(),
  gpu: z.boolean().optional(),
  untrustedCode: z.boolean().optional(),
  multiTenant: z.boolean().optional(),
  offline: z.boolean().optional(),
  linuxCompatibility: z.enum(["full", "most"]).optional(),
  kubernetesApi: z.boolean().optional(),
  orchestration: LevelBound.optional(),
  policy: LevelBound.optional(),
  observability: z.array(LevelCode).max(MAX_SIGNALS).optional(),
  coordinate: z.string().min(1).max(200).optional(),
  include: z.array(z.string().min(1).max(80)).max(MAX_NAMES).optional(),
  /**
   * Capabilities the stack must have (yes/no traits of vocabulary.yaml marked `capability`): each is
   * met by a part that states it, added to the stack's `addons` where no slot part has it.
   */
  capabilities: z.array(z.string().min(1).max(80)).max(20).optional(),
  exclude: z.array(z.string().min(1).max(80)).max(MAX_NAMES).optional(),
});
export type Must = z.infer<typeof Must>;

export const Prefer = z.strictObject({
  startup: z.number().min(0).max(100).optional(),
  isolation: z.number().min(0).max(100).optional(),
  footprint: z.number().min(0).max(100).optional(),
  overhead: z.number().min(0).max(100).optional(),
  maturity: z.number().min(0).max(100).optional(),
  fit: z.number().min(0).max(100).optional(),
});
export type Prefer = z.infer<typeof Prefer>;

export const Requirements = z.strictObject({
  /** A scenario id or alias (Chinese names accepted); its own requirements apply under the user's. */
  scenario: z.string().min(1).max(80).optional(),
  year: Year.optional(),
  /** Make the scenario's typical requirements hard (by default they only weigh on the ranking). */
  scenarioHard: z.boolean().optional(),
  /** The k best-scoring stacks however alike (by default each of the top k has a different runtime, then orchestrator). */
  raw: z.boolean().optional(),
  must: Must.optional(),
  prefer: Prefer.optional(),
});
export type Requirements = z.infer<typeof Requirements>;

/** A scenario's own requirements: the same vocabulary, without a scenario or year. */
export const ScenarioRequirements = z.strictObject({ must: Must.optional(), prefer: Prefer.optional() });
export type ScenarioRequirements = z.infer<typeof ScenarioRequirements>;
