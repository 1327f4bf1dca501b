/** @module server/schemas/migrate — `migrate`: two stacks (and any on the way) in, ordered steps out. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";
import { Delta } from "./delta.js";
import { StackText } from "./stack.js";

export const MigrateBody = z
  .strictObject({
    from: StackText.openapi({ description: 'the stack today: "K8s + containerd + OPA" or case:ID' }),
    to: StackText.openapi({ description: "the stack to reach" }),
    via: z.array(StackText).max(10).optional().openapi({ description: "stacks to pass through on the way, in order" }),
  })
  .openapi("MigrateRequest", {
    example: {
      from: "case:serverless-2020-seed-case-2",
      via: ["case:serverless-2023-seed-case-2"],
      to: "case:serverless-2025-seed-case-2",
    },
  });

const End = z.object({ label: z.string(), record: z.string().optional(), coordinate: Coordinate });

const MigrationStep = z.object({
  n: z.number().int(),
  slot: z.enum(["runtime", "orchestrator", "policy", "observability", "supporting"]),
  dimension: z.string().optional(),
  remove: list(z.string()),
  add: list(z.string()),
  with: list(z.string()),
  drop: list(z.string()),
  text: z.string(),
  after: list(z.object({ step: z.number().int(), because: z.string(), source: z.string() })),
  deltas: list(Delta),
  facts: list(
    z.object({
      technology: z.string(),
      change: z.enum(["in", "out"]),
      metric: z.string(),
      concern: z.string(),
      value: z.string(),
      scope: z.string(),
      conditions: z.string(),
      source: z.string(),
      grade: z.string(),
      derived: z.string().optional(),
    }),
  ),
  risks: list(
    z.object({
      kind: z.enum([
        "conflict",
        "missing-dependency",
        "host-requirement",
        "not-yet-released",
        "trait-change",
        "disputed",
      ]),
      text: z.string(),
      source: z.string().optional(),
    }),
  ),
});

export const MigrationPlan = z
  .object({
    legs: list(
      z.object({
        from: End,
        to: End,
        deltas: list(Delta),
        steps: list(MigrationStep),
        stated: list(z.object({ text: z.string(), source: z.string(), grade: z.string() })),
      }),
    ),
    deltas: list(Delta),
  })
  .openapi("MigrationPlan");
