/** @module server/schemas/analyze — `analyze`: the list filters in, centrality, communities, gaps, correlations, findings, matrices out. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { LocalisationMatrix } from "./diagnose.js";
import { TechnologyQuery } from "./technology.js";

export const AnalyzeQuery = TechnologyQuery.extend({
  top: z
    .string()
    .regex(/^\d{1,3}$/, "a whole number from 1 to 500")
    .transform(Number)
    .pipe(z.number().int().min(1).max(500))
    .optional()
    .openapi({
      param: { name: "top", in: "query" },
      type: "string",
      description: "how many central technologies (default 10)",
      example: "10",
    }),
  matrixDimension: z
    .string()
    .min(1)
    .max(10)
    .optional()
    .openapi({
      param: { name: "matrixDimension", in: "query" },
      description: "the dimension of the technology × level matrix (default: the layers)",
      example: "X",
    }),
});

const Pair = z.tuple([z.string(), z.string()]).readonly();

export const NetworkAnalysis = z
  .object({
    nodes: z.number().int(),
    edges: z.number().int(),
    centrality: list(
      z.object({
        id: z.string(),
        inDegree: z.number().int(),
        outDegree: z.number().int(),
        betweenness: z.number(),
        pagerank: z.number(),
      }),
    ),
    communities: z.object({
      modularity: z.number(),
      communities: list(z.object({ id: z.number().int(), members: list(z.string()), roles: list(z.string()) })),
    }),
    gaps: z.object({
      emptyLevels: list(z.object({ dimension: z.string(), level: z.string() })),
      pairs: list(
        z.object({
          dimensions: Pair,
          cells: z.number().int(),
          unrecorded: list(Pair),
          unreachable: list(Pair),
        }),
      ),
    }),
    correlations: list(z.object({ a: z.string(), b: z.string(), r: z.number(), n: z.number().int() })),
    findings: list(
      z.object({
        kind: z.enum([
          "isolated-technology",
          "interface-without-implementers",
          "stated-coordinate-disagrees",
          "incomplete-recorded-stack",
          "conflict-in-recorded-stack",
        ]),
        subject: z.string(),
        text: z.string(),
        source: z.string().optional(),
      }),
    ),
    matrices: z.object({
      levels: z.object({
        dimension: z.string(),
        columns: list(z.string()),
        rows: list(z.object({ id: z.string(), levels: list(z.string()) })),
      }),
      compatibility: list(z.object({ a: z.string(), b: z.string(), relation: z.string(), source: z.string() })),
      localisation: LocalisationMatrix.optional(),
    }),
  })
  .openapi("NetworkAnalysis");
