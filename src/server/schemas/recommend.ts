/** @module server/schemas/recommend — `recommend`: requirements in (the vocabulary of the CLI and files), ranked stacks out. */
import { z } from "@hono/zod-openapi";
import { Requirements } from "../../model/requirements.js";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";

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

const Part = z.object({ id: z.string(), name: z.string() }).nullable();

export const RecommendResult = z
  .object({
    requirements: z.unknown().openapi({
      description:
        "the requirements in force: must (hard), soft (the scenario's typical ones, weighed), inForce (each with its origin: user, or scenario with years and source)",
    }),
    weights: z.object({
      source: z.enum(["hand", "learned"]),
      values: z.record(z.string(), z.number()),
      why: z.string(),
    }),
    analysis: z.object({ dimensions: list(z.unknown()), coordinate: Coordinate }),
    stacks: list(
      z.object({
        rank: z.number(),
        score: z.number(),
        label: z.string(),
        components: z.object({
          runtime: Part,
          orchestrator: Part,
          policy: Part,
          observability: list(z.object({ id: z.string(), name: z.string() })),
          addons: list(z.object({ id: z.string(), name: z.string() })),
          supporting: list(z.object({ id: z.string(), name: z.string() })),
        }),
        coordinate: Coordinate,
        explanation: list(z.unknown()),
        tradeoffs: list(z.unknown()),
        terms: z.unknown(),
        figures: z.unknown(),
        unverified: z.unknown(),
        softMisses: list(z.unknown()).openapi({
          description: "the scenario's typical requirements this stack misses: trade-offs, not rejections",
        }),
      }),
    ),
    rejected: list(z.unknown()),
    relaxations: z.unknown().optional(),
    pareto: z.unknown().optional(),
    stats: z.unknown().optional(),
  })
  .openapi("RecommendResult");
