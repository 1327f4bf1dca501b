/** @module server/schemas/recommend — `recommend`: requirements in (the vocabulary of the CLI and files), ranked stacks out. */
import { z } from "@hono/zod-openapi";
import { Must, Requirements } from "../../model/requirements.js";
import { list } from "./_list.js";
import { Coordinate, CoordinateValue } from "./coordinate.js";

// The model's Requirements is used as it is (see stack.ts on why model schemas get no .openapi()).
export const RecommendBody = Requirements;

const Flag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

export const RecommendQuery = z.object({
  top: z
    .string()
    .regex(/^\d{1,2}$/, "a whole number from 1 to 50")
    .transform(Number)
    .pipe(z.number().int().min(1).max(50))
    .optional()
    .openapi({ param: { name: "top", in: "query" }, type: "string", example: "5" }),
  pareto: Flag.openapi({ param: { name: "pareto", in: "query" }, type: "string", example: "true" }),
  weights: z
    .enum(["hand", "learned", "auto"])
    .optional()
    .openapi({
      param: { name: "weights", in: "query" },
      description: "hand-set, learned from the recorded stacks, or auto (learned only where it wins; default)",
    }),
});

const Ref = z.object({ id: z.string(), name: z.string() });
const Origin = z.enum(["user", "scenario", "default"]);
const Years = z.object({ from: z.number().int(), to: z.number().int().optional() });
/** The six scoring terms, each a weight (fractions summing to 1). */
const Weights = z.object({
  startup: z.number(),
  footprint: z.number(),
  isolation: z.number(),
  overhead: z.number(),
  maturity: z.number(),
  fit: z.number(),
});
const Term = Weights.keyof();

/** A figure behind a stack's term: the part's, with its scope, source, grade and conditions. */
const FigureOut = z.object({
  of: z.string(),
  value: z.string(),
  scope: z.string(),
  source: z.string(),
  grade: z.string(),
  conditions: z.string(),
  estimated: z.boolean(),
});

const RequirementInForce = z
  .object({
    key: z.string().openapi({ description: "`must.<key>` or `prefer.<term>`" }),
    value: z.unknown(),
    origin: Origin,
    hard: z.boolean().openapi({ description: "hard rejects a stack that misses it; soft only weighs on its rank" }),
    years: Years.optional(),
    source: z.string().optional(),
    grade: z.string().optional(),
    why: z.string().optional(),
    text: z.string().openapi({ description: "the origin in words" }),
  })
  .openapi("RequirementInForce");

const DimensionAnalysis = z.object({
  dimension: z.string(),
  name: z.string(),
  levels: list(z.string()).openapi({ description: "the levels every requirement leaves possible" }),
  value: CoordinateValue.openapi({ description: "the target value the requirements fix, else null (*)" }),
  because: list(
    z.object({ requirement: z.string(), levels: list(z.string()), why: z.string(), source: z.string().optional() }),
  ),
});

const StackTerm = z.object({
  term: Term,
  weight: z.number(),
  value: z.number(),
  contribution: z.number(),
  parts: list(
    z.object({
      slot: z.enum(["runtime", "orchestrator", "policy", "observability"]),
      part: z.string().nullable(),
      value: z.number(),
      note: z.string(),
      source: z.string().optional(),
      grade: z.string().optional(),
      estimated: z.boolean().optional(),
      missing: z.boolean().optional(),
    }),
  ),
});

const SoftMiss = z.object({
  requirement: z.string(),
  detail: z.string(),
  source: z.string().optional(),
  grade: z.string().optional(),
  typical: z.object({ years: Years.optional(), source: z.string().optional(), grade: z.string().optional() }),
  penalty: z.number(),
  text: z.string(),
});

export const RecommendedStack = z
  .object({
    rank: z.number(),
    score: z.number(),
    label: z.string(),
    components: z.object({
      runtime: Ref,
      orchestrator: Ref.nullable(),
      policy: Ref.nullable(),
      observability: list(Ref),
      addons: list(Ref).openapi({ description: "a provider per required capability, included non-slot parts" }),
      supporting: list(Ref),
    }),
    coordinate: Coordinate,
    explanation: list(z.string()),
    tradeoffs: list(z.string()),
    terms: list(StackTerm),
    figures: z.object({
      instance: z.object({
        coldStart: FigureOut.optional(),
        memory: FigureOut.optional(),
        cpuOverhead: FigureOut.optional(),
      }),
      node: z.object({ platformMemory: FigureOut.optional() }),
      request: z.object({ policyDecision: FigureOut.optional() }),
    }),
    unverified: list(z.object({ requirement: z.string(), detail: z.string() })).openapi({
      description: "must checks no evidence decides: admitted, penalised, flagged here",
    }),
    softMisses: list(SoftMiss).openapi({
      description: "the scenario's typical requirements this stack misses: trade-offs, not rejections",
    }),
  })
  .openapi("RecommendedStack");

const Rejection = z.object({
  component: z
    .object({ id: z.string(), name: z.string(), slot: z.enum(["runtime", "orchestrator", "policy"]) })
    .optional(),
  family: z.object({ code: z.string(), name: z.string() }).optional(),
  stack: z.string().optional(),
  requirement: z.string().openapi({ description: "a must key, year, dependency, conflict, or score" }),
  reason: z.string(),
  source: z.string().optional(),
  grade: z.string().optional(),
});

export const RecommendResult = z
  .object({
    requirements: z
      .object({
        given: Requirements,
        scenario: Ref.nullable(),
        year: z.number().int(),
        must: Must,
        prefer: Weights,
        origin: z.record(z.string(), z.string()),
        // The scenario's typical must of the year, weighed rather than enforced (a model schema: no .openapi()).
        soft: Must,
        scenarioHard: z.boolean(),
        inForce: list(RequirementInForce),
      })
      .openapi({
        description:
          "the requirements in force: must (hard), soft (the scenario's typical ones, weighed), inForce (each with its origin: user, or scenario with years and source)",
      }),
    weights: z.object({ source: z.enum(["hand", "learned"]), values: Weights, why: z.string() }),
    analysis: z.object({ dimensions: list(DimensionAnalysis), coordinate: Coordinate }),
    ranking: z.enum(["diverse", "raw"]),
    stacks: list(RecommendedStack),
    rejected: list(Rejection),
    relaxations: list(z.object({ relax: z.string(), admits: z.string(), score: z.number() }))
      .optional()
      .openapi({
        description: "only when nothing is ranked: each single requirement that, dropped, would admit a stack",
      }),
    pareto: list(z.object({ label: z.string(), key: z.string(), values: z.record(z.string(), z.number()) })).optional(),
    stats: z.object({ evaluated: z.number(), examined: z.number().optional(), space: z.number() }),
  })
  .openapi("RecommendResult");
