/** @module server/schemas/technology — `list` and `show`: the filters in, technologies out (the model's schemas reused). */
import { z } from "@hono/zod-openapi";
import { Names } from "../../model/_common.js";
import { Claim } from "../../model/claim.js";
import { Fact } from "../../model/fact.js";
import { Cncf, CncfMaturity, Role, TraitStatement, Version } from "../../model/technology.js";
import { list } from "./_list.js";
import { YearParam } from "./year.js";

/** A repeatable query parameter (`?level=L-4&level=X2`), commas also splitting (`?level=L-4,X2`). */
export const repeatable = (max: number) =>
  z
    .union([z.string().max(200), z.array(z.string().max(200)).max(max)])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).max(max));

export const TechnologyQuery = z.object({
  level: repeatable(20)
    .optional()
    .openapi({
      param: { name: "level", in: "query", style: "form", explode: true },
      description: "a level every technology listed holds: L-4, X2, Z3, O2, A5, D=4, Y=sandbox, 沙盒 (repeatable)",
      example: "L-4",
    }),
  role: repeatable(20)
    .pipe(z.array(Role))
    .optional()
    .openapi({
      param: { name: "role", in: "query", style: "form", explode: true },
      description: `roles, any of which matches: ${Role.options.join(", ")} (repeatable)`,
      example: "runtime",
    }),
  scenario: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .openapi({ param: { name: "scenario", in: "query" }, description: "a scenario it serves", example: "edge" }),
  since: YearParam.optional().openapi({
    param: { name: "since", in: "query" },
    description: "first released in or after",
  }),
  until: YearParam.optional().openapi({
    param: { name: "until", in: "query" },
    description: "first released in or before",
  }),
  cncf: z
    .enum([...CncfMaturity.options, "any", "none"])
    .optional()
    .openapi({ param: { name: "cncf", in: "query" }, description: "CNCF maturity, or any / none" }),
  text: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: "text", in: "query" },
      description: "text in the id, names (en/zh), aliases or summary",
    }),
});

export const TechnologyParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, description: "id, name (en or zh) or alias", example: "k3s" }),
});

export const TechnologySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    names: Names,
    role: z.string(),
    released: z.number(),
    cncf: z.string().optional(),
    /** Level codes per dimension (scenario ids on S); T is the first-release year. */
    coordinate: z.record(z.string(), z.union([list(z.string()), z.number()])),
  })
  .openapi("TechnologySummary");

export const TechnologyList = z
  .object({ count: z.number().int(), technologies: list(TechnologySummary) })
  .openapi("TechnologyList");

const Citation = z.object({ id: z.string(), title: z.string(), url: z.string().optional() }).openapi("Citation");

export const TechnologyDetail = TechnologySummary.extend({
  aliases: list(z.string()),
  summary: z.unknown().openapi({ description: "text: a string, or { en, zh }" }),
  releasedSource: Citation.extend({ grade: z.string() }),
  firstCommit: z
    .number()
    .optional()
    .openapi({ description: "year of the first commit, where it differs from the release" }),
  cncfDates: Cncf.optional(),
  versions: z.array(Version),
  links: z.object({ home: z.string().optional(), repo: z.string().optional(), docs: z.string().optional() }).optional(),
  traits: list(TraitStatement.extend({ citation: Citation })),
  facts: list(
    z.intersection(
      Fact,
      z.object({
        subject: z.string(),
        normalized: z.object({
          unit: z.string(),
          value: z.number().optional(),
          min: z.number().optional(),
          max: z.number().optional(),
          representative: z.number(),
        }),
        citation: Citation,
      }),
    ),
  ),
  relations: list(
    z.object({
      type: z.string(),
      direction: z.enum(["out", "in"]),
      other: list(z.string()),
      anyOf: z.boolean(),
      when: z.string().optional(),
      reason: z.unknown().optional(),
      year: z.number().optional(),
      citation: Citation,
    }),
  ),
  claims: list(Claim),
}).openapi("TechnologyDetail");
