/** @module model/scenario — a scenario (the S dimension), its dated and sourced requirements, and reference stacks. */
import { z } from "zod";
import { EvidenceGrade, Id, Names, Text, Year } from "./_common.js";
import { Must, Prefer } from "./requirements.js";
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

/** The years a requirement holds for: `{ from: 2014, to: 2021 }`; without `to`, up to today. */
export const YearRange = z
  .strictObject({ from: Year, to: Year.optional() })
  .refine((r) => r.to === undefined || r.from <= r.to, { message: "`from` is after `to`", path: ["from"] });
export type YearRange = z.infer<typeof YearRange>;

const requirementFields = { years: YearRange, source: Id, why: Text };

/** The `must` keys a scenario may state as typical (a scenario names no stack: no coordinate, include or exclude). */
export const SCENARIO_MUST_KEYS = [
  "coldStartMs",
  "memoryMiB",
  "isolation",
  "gpu",
  "untrustedCode",
  "multiTenant",
  "offline",
  "linuxCompatibility",
  "kubernetesApi",
  "orchestration",
  "policy",
  "observability",
  "capabilities",
] as const satisfies readonly (keyof Must)[];
export type ScenarioMustKey = (typeof SCENARIO_MUST_KEYS)[number];

/**
 * One requirement typical of a scenario, for the years it holds and with its source: `must.<key>` with
 * that key's value, or `prefer` with the weights.
 */
const REQUIREMENT_VARIANTS = [
  ...SCENARIO_MUST_KEYS.map((k) =>
    z.strictObject({
      requirement: z.literal(`must.${k}`),
      value: (Must.shape[k] as z.ZodOptional<z.ZodType>).unwrap(),
      ...requirementFields,
    }),
  ),
  z.strictObject({ requirement: z.literal("prefer"), value: Prefer, ...requirementFields }),
];
export const ScenarioRequirement = z.discriminatedUnion(
  "requirement",
  REQUIREMENT_VARIANTS as unknown as Parameters<typeof z.discriminatedUnion>[1],
) as unknown as z.ZodType<ScenarioRequirement>;
export interface ScenarioRequirement {
  readonly requirement: `must.${ScenarioMustKey}` | "prefer";
  readonly value: unknown;
  readonly years: YearRange;
  readonly source: string;
  readonly why: Text;
}

export const Scenario = z.strictObject({
  id: Id,
  names: Names,
  aliases: z.array(z.string().min(1).max(60)).optional(),
  summary: Text,
  /** Whether the seed names this scenario (the four of §30.6.4) or practitioners added it. */
  origin: z.enum(["seed", "practice"]),
  /**
   * What is typical for the scenario, each requirement for the years it holds and with its source; one
   * requirement's year ranges never overlap. `recommend` weighs them as strong preferences.
   */
  requirements: z.array(ScenarioRequirement).min(1),
  referenceStacks: z.array(ReferenceStack).min(1),
  /** Views the scenario is usually expressed in (A7 scenario architecture, …). */
  views: z.array(z.string()).optional(),
});
export type Scenario = Omit<z.infer<typeof Scenario>, "requirements"> & {
  readonly requirements: readonly ScenarioRequirement[];
};

export const ScenariosFile = z.strictObject({ scenarios: z.array(Scenario).min(1) });
export type ScenariosFile = { scenarios: Scenario[] };
