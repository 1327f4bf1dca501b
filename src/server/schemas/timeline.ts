/** @module server/schemas/timeline — `timeline`: the filters in, dated events and lineages out. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { YearParam } from "./year.js";

const LevelText = z.string().min(1).max(80);

export const TimelineQuery = z.object({
  level: LevelText.optional().openapi({
    param: { name: "level", in: "query" },
    description: "only what sits on this level: L-4, X2, D=4, Y=sandbox, 沙盒",
    example: "L-4",
  }),
  dimension: LevelText.optional().openapi({
    param: { name: "dimension", in: "query" },
    description: "the same as level, written KEY=value (the CLI's --dimension); give one of the two",
    example: "D=4",
  }),
  scenario: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .openapi({
      param: { name: "scenario", in: "query" },
      description: "only what a scenario's stacks use (id, name en/zh or alias)",
      example: "serverless",
    }),
  from: YearParam.optional().openapi({ param: { name: "from", in: "query" }, description: "first year" }),
  to: YearParam.optional().openapi({ param: { name: "to", in: "query" }, description: "last year" }),
  landscape: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .openapi({
      param: { name: "landscape", in: "query" },
      type: "string",
      enum: ["true", "false"],
      description: "add the CNCF history of every landscape project (needs the server's landscape file, else 503)",
    }),
});

const TimelineEvent = z
  .object({
    year: z.number().int(),
    date: z.string().optional(),
    kind: z.enum(["milestone", "release", "cncf", "supersedes", "case"]),
    subject: z.string(),
    text: z.string(),
    source: z.string(),
    imported: z.literal(true).optional(),
    claim: z.string().optional().openapi({ description: "A claim that disputes the event's statement" }),
  })
  .openapi("TimelineEvent");

export const Timeline = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    filter: z.object({
      level: z.object({ dimension: z.string(), code: z.string() }).optional(),
      scenario: z.string().optional(),
    }),
    milestones: list(TimelineEvent),
    events: list(TimelineEvent),
    lineages: list(
      z.object({
        kind: z.enum(["supersedes", "level", "succession"]),
        label: z.string(),
        steps: list(
          z.object({ id: z.string(), name: z.string(), year: z.number().int(), level: z.string().optional() }),
        ),
      }),
    ),
    notes: list(z.string()),
  })
  .openapi("Timeline");
