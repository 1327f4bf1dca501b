/** @module server/schemas/path — `path`: a scenario's coordinate year by year, from its dated history. */
import { z } from "@hono/zod-openapi";
import { Names } from "../../model/_common.js";
import { Must } from "../../model/requirements.js";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";
import { Delta } from "./delta.js";
import { StackOut } from "./stack.js";
import { YearParam } from "./year.js";

export const PathParam = z.object({
  scenario: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: "scenario", in: "path" },
      description: "id, name (en or zh) or alias",
      example: "serverless",
    }),
});

export const PathQuery = z.object({
  from: YearParam.optional().openapi({ param: { name: "from", in: "query" }, description: "first year" }),
  to: YearParam.optional().openapi({ param: { name: "to", in: "query" }, description: "last year" }),
  series: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .openapi({
      param: { name: "series", in: "query" },
      description: "follow one series of cases, or `all` for every case (default: the seed's series, else the longest)",
      example: "seed-case-2",
    }),
});

export const ScenarioPath = z
  .object({
    scenario: z.object({ id: z.string(), names: Names }),
    from: z.number(),
    to: z.number(),
    series: z.string().nullable(),
    seriesOptions: list(
      z.object({ id: z.string(), cases: z.number(), from: z.number(), to: z.number(), seed: z.boolean() }),
    ),
    years: list(
      z.object({
        year: z.number(),
        coordinate: Coordinate.nullable(),
        stack: StackOut.nullable(),
        case: z.object({ id: z.string(), year: z.number(), source: z.string() }).nullable(),
        changes: list(Delta.extend({ cause: z.string(), source: z.string() })),
        switched: z.boolean(),
        events: list(
          z.object({
            kind: z.enum(["case", "release", "cncf", "supersedes", "milestone", "requirement"]),
            text: z.string(),
            source: z.string(),
          }),
        ),
        requirements: Must,
      }),
    ),
  })
  .openapi("ScenarioPath");
