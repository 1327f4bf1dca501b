/** @module server/schemas/compare — `compare`: two stacks, technologies, recorded stacks or coordinates side by side. */
import { z } from "@hono/zod-openapi";
import { StackComponents } from "../../model/stack.js";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";
import { Delta } from "./delta.js";

const Side = z
  .string()
  .min(1)
  .max(1000)
  .openapi({ description: 'a stack ("K8s + containerd + OPA"), a technology (gvisor), case:ID or a coordinate' });

export const CompareBody = z.strictObject({ a: Side, b: Side }).openapi("CompareRequest", {
  example: { a: "case:serverless-2020-seed-case-2", b: "case:serverless-2025-seed-case-2" },
});

const CompareSide = z.object({
  input: z.string(),
  kind: z.enum(["stack", "record", "coordinate"]),
  label: z.string(),
  components: StackComponents.optional(),
  coordinate: Coordinate,
});

const SideFigure = z.object({
  technology: z.string(),
  value: z.string(),
  representative: z.number(),
  unit: z.string(),
  conditions: z.string(),
  source: z.string(),
  grade: z.string(),
});

export const Comparison = z
  .object({
    a: CompareSide,
    b: CompareSide,
    deltas: list(Delta),
    orderings: list(
      z.object({
        dimension: z.string(),
        ordering: z.string(),
        a: z.object({ technology: z.string(), level: z.string() }),
        b: z.object({ technology: z.string(), level: z.string() }),
        relation: z.enum(["greater", "less", "equal", "incomparable"]),
        basis: z.enum(["figures", "levels"]),
        figures: z
          .object({ metric: z.string(), scope: z.string(), a: list(SideFigure), b: list(SideFigure) })
          .optional(),
        missing: list(z.string()).optional(),
        sentence: z.string(),
      }),
    ),
    figures: list(
      z.object({
        slot: z.string(),
        metric: z.string(),
        scope: z.string(),
        a: SideFigure.optional(),
        b: SideFigure.optional(),
        measuredTogether: z.boolean(),
      }),
    ),
  })
  .openapi("Comparison");
