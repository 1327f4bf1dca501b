/**
 * @module model/deployment — a publicly documented production deployment: what its operators chose and
 * the requirements they stated. Held out from the cases the weights learn from: `recommend --evaluate`
 * measures how often the recommender names the operators' choice.
 */
import { z } from "zod";
import { EvidenceGrade, Id, Names, Text, Year } from "./_common.js";
import { Must, Prefer } from "./requirements.js";

/** The kinds of deployment the evaluation reports on, each a row of its per-family table. */
export const DeploymentFamily = z.enum([
  "serverless",
  "sandboxed-containers",
  "edge-wasm",
  "agent-sandbox",
  "gpu",
  "edge-kubernetes",
  "saas-plugins",
  "vm-platform",
]);
export type DeploymentFamily = z.infer<typeof DeploymentFamily>;

/**
 * What the operators chose for one slot: a technology of the knowledge base (`as` names it the way the
 * operator does when that differs, e.g. a fork), one the knowledge base lacks (`notInKb`, counted apart),
 * none at all (`none`), or nothing the sources name (`unstated`: the slot is not evaluated).
 */
export const SlotChoice = z.union([
  z.strictObject({ technology: Id, as: z.string().min(1).max(120).optional(), note: Text.optional() }),
  z.strictObject({ notInKb: z.string().min(1).max(200), note: Text.optional() }),
  z.strictObject({ none: z.literal(true), note: Text.optional() }),
  z.strictObject({ unstated: z.literal(true), note: Text.optional() }),
]);
export type SlotChoice = z.infer<typeof SlotChoice>;

/** One requirement as the operators state it: the key it sets (`must.untrustedCode`), their words, the source. */
export const StatedRequirement = z.strictObject({
  requirement: z.string().regex(/^(must|prefer)\.[A-Za-z]+$/, "write must.<key> or prefer.<key>"),
  statement: z.string().min(1).max(600),
  source: Id,
  grade: EvidenceGrade,
});
export type StatedRequirement = z.infer<typeof StatedRequirement>;

export const DeploymentSource = z.strictObject({
  source: Id,
  grade: EvidenceGrade,
  /** What this source supports: the runtime, the orchestrator, the year … (all, when absent). */
  supports: z.array(z.enum(["runtime", "orchestrator", "policy", "requirements", "year", "scenario"])).optional(),
  note: Text.optional(),
});

export const Deployment = z.strictObject({
  id: Id,
  title: Names,
  /** Who runs it. */
  operator: z.string().min(1).max(120),
  family: DeploymentFamily,
  /** The scenario a user asking for this deployment would name. */
  scenario: Id,
  /** The year the sources place it in production. */
  year: Year,
  chosen: z.strictObject({ runtime: SlotChoice, orchestrator: SlotChoice, policy: SlotChoice.optional() }),
  /** The requirements the operators state, in the vocabulary of `recommend`; a key the sources do not state is absent. */
  requirements: z.strictObject({ must: Must.optional(), prefer: Prefer.optional() }).optional(),
  /** Where each requirement comes from: one entry for every key of `requirements`. */
  stated: z.array(StatedRequirement).optional(),
  sources: z.array(DeploymentSource).min(1),
  note: Text.optional(),
});
export type Deployment = z.infer<typeof Deployment>;
