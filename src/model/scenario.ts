/** @module model/scenario — a scenario (the S dimension), its requirements and reference stacks. */
import { z } from "zod";
import { EvidenceGrade, Id, Names, Text } from "./_common.js";
import { ScenarioRequirements } from "./requirements.js";
import { StackComponents } from "./stack.js";

export const ReferenceStack = z.strictObject({
  label: z.string().min(1).max(200),
  components: StackComponents,
  /** The coordinate as the source states it, in the seed's tuple syntax, when it states one. */
  statedCoordinate: z.string().max(200).optional(),
  source: Id,
  grade: EvidenceGrade,
  note: Text.optional(),
});
export type ReferenceStack = z.infer<typeof ReferenceStack>;

export const Scenario = z.strictObject({
  id: Id,
  names: Names,
  aliases: z.array(z.string().min(1).max(60)).optional(),
  summary: Text,
  /** Whether the seed names this scenario (the four of §30.6.4) or practitioners added it. */
  origin: z.enum(["seed", "practice"]),
  requirements: ScenarioRequirements,
  /** Why each requirement holds, with its source. */
  rationale: z.array(z.strictObject({ requirement: z.string().min(1).max(60), why: Text, source: Id })).optional(),
  referenceStacks: z.array(ReferenceStack).min(1),
  /** Views the scenario is usually expressed in (A7 scenario architecture, …). */
  views: z.array(z.string()).optional(),
});
export type Scenario = z.infer<typeof Scenario>;

export const ScenariosFile = z.strictObject({ scenarios: z.array(Scenario).min(1) });
export type ScenariosFile = z.infer<typeof ScenariosFile>;
