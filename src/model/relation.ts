/** @module model/relation — a typed, directed, sourced edge between two technologies. */
import { z } from "zod";
import { EvidenceGrade, Id, Text, Year } from "./_common.js";

export const RelationType = z.enum([
  "depends-on",
  "implements",
  "runs-on",
  "compatible-with",
  "conflicts-with",
  "alternative-to",
  "supersedes",
  "part-of",
]);
export type RelationType = z.infer<typeof RelationType>;

/** When a `depends-on` applies: with an orchestrator, without one, or when the stack must reach a GPU. */
export const RelationCondition = z.enum(["orchestrated", "standalone", "gpu"]);
export type RelationCondition = z.infer<typeof RelationCondition>;

/**
 * The satisfier a technology uses for an interface unless it is configured otherwise (containerd
 * starts containers with runc, CRI-O with crun): stack completion adds it before any other
 * implementer. Sourced on its own, because the source of the dependency need not name the default.
 */
export const RelationDefault = z.strictObject({
  /** A technology that `implements` the relation's target. */
  technology: Id,
  source: Id,
  grade: EvidenceGrade.optional(),
  note: Text.optional(),
});
export type RelationDefault = z.infer<typeof RelationDefault>;

/**
 * An edge from the technology whose file holds it. `depends-on` may name an interface (satisfied by
 * any technology that implements it) or `anyOf` several technologies (any one satisfies it); `when`
 * limits it to stacks with an orchestrator (`orchestrated`), without one (`standalone`), or that must
 * reach a GPU (`gpu`: the path a part takes to the accelerator, e.g. WasmEdge's wasi-nn plugin).
 * A `depends-on` an interface may name the implementer the technology uses by `default`.
 */
export const Relation = z
  .strictObject({
    type: RelationType,
    target: Id.optional(),
    anyOf: z.array(Id).min(2).optional(),
    when: RelationCondition.optional(),
    /** Why, for `conflicts-with` (required) and anywhere it helps. */
    reason: Text.optional(),
    /** For `supersedes`: the year the newer one took over. */
    year: Year.optional(),
    /** For a `depends-on` an interface: the implementer the technology uses unless configured otherwise. */
    default: RelationDefault.optional(),
    source: Id,
    grade: EvidenceGrade.optional(),
    note: Text.optional(),
  })
  .refine((r) => (r.target === undefined) !== (r.anyOf === undefined), {
    message: "a relation has either a `target` or an `anyOf` list, not both",
    path: ["target"],
  })
  .refine((r) => r.anyOf === undefined || r.type === "depends-on", {
    message: "`anyOf` is only for `depends-on`",
    path: ["anyOf"],
  })
  .refine((r) => r.default === undefined || r.type === "depends-on", {
    message: "`default` is only for `depends-on`",
    path: ["default"],
  })
  .refine((r) => r.default === undefined || r.target !== undefined, {
    message:
      "`default` is only for a `depends-on` with a `target` (an `anyOf` list states its preference by its order)",
    path: ["default"],
  })
  .refine((r) => r.type !== "conflicts-with" || r.reason !== undefined, {
    message: "a `conflicts-with` relation says why in `reason`",
    path: ["reason"],
  });
export type Relation = z.infer<typeof Relation>;
