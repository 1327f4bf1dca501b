/** @module server/schemas/scenario — scenarios: the list, and one analysed (the model's Scenario pieces reused). */
import { z } from "@hono/zod-openapi";
import { Names, Text } from "../../model/_common.js";
import { Must, Prefer } from "../../model/requirements.js";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";
import { Lang } from "./lang-query.js";
import { StackOut } from "./stack.js";
import { YearParam } from "./year.js";

export const ScenarioParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, description: "id, name (en or zh) or alias", example: "edge" }),
});

/** `?lang=…&year=…`: the year whose typical requirements the reference stacks are judged against. */
export const ScenarioQuery = z.object({
  lang: Lang,
  year: YearParam.optional().openapi({
    param: { name: "year", in: "query" },
    description: "judge against the requirements typical in this year (default: the latest year known)",
  }),
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

/** One requirement typical of a scenario: the years it holds for, its source and why. */
export const DatedRequirement = z
  .object({
    requirement: z.string(),
    value: z.unknown(),
    years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
    source: z.string(),
    why: Text,
  })
  .openapi("DatedRequirement");

export const ScenarioAnalysis = z
  .object({
    scenario: z.object({
      id: z.string(),
      names: Names,
      summary: Text,
      origin: z.string(),
      requirements: list(DatedRequirement),
    }),
    year: z.number().int(),
    inForce: z.object({ must: Must, prefer: Prefer }),
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
