/** @module server/schemas/scenario — scenarios: the list, and one analysed (the model's Scenario pieces reused). */
import { z } from "@hono/zod-openapi";
import { Names, Text } from "../../model/_common.js";
import { ScenarioRequirements } from "../../model/requirements.js";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";
import { StackOut } from "./stack.js";

export const ScenarioParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, description: "id, name (en or zh) or alias", example: "edge" }),
});

export const ScenarioSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    names: Names,
    aliases: list(z.string()),
    summary: Text,
    origin: z.enum(["seed", "practice"]),
    referenceStacks: z.number().int(),
    cases: z.number().int(),
  })
  .openapi("ScenarioSummary");

export const ScenarioList = z
  .object({ count: z.number().int(), scenarios: list(ScenarioSummary) })
  .openapi("ScenarioList");

const RequirementCheck = z
  .object({
    requirement: z.string(),
    status: z.enum(["met", "missed", "unknown"]),
    detail: z.string(),
    source: z.string().optional(),
    grade: z.string().optional(),
    estimated: z.boolean().optional(),
  })
  .openapi("RequirementCheck");

export const ScenarioAnalysis = z
  .object({
    scenario: z.object({
      id: z.string(),
      names: Names,
      summary: Text,
      origin: z.string(),
      requirements: ScenarioRequirements,
    }),
    rationale: list(z.object({ requirement: z.string(), why: Text, source: z.string() })),
    stacks: list(
      z.object({
        stack: StackOut,
        kind: z.enum(["reference", "case"]),
        id: z.string(),
        year: z.number().optional(),
        coordinate: Coordinate,
        disagreements: list(z.string()),
        meets: list(RequirementCheck),
        misses: list(RequirementCheck),
        unknown: list(RequirementCheck),
        source: z.object({ id: z.string(), title: z.string(), url: z.string().optional() }),
        grade: z.string(),
      }),
    ),
  })
  .openapi("ScenarioAnalysis");
