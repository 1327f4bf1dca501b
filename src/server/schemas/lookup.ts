/** @module server/schemas/lookup — `lookup`: a coordinate in, the stacks at it (or nearest) out. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { Coordinate, CoordinateText } from "./coordinate.js";
import { StackOut } from "./stack.js";

const Top = z.number().int().min(1).max(50);

export const LookupQuery = z.object({
  coordinate: CoordinateText.openapi({ param: { name: "coordinate", in: "query" } }),
  top: z
    .string()
    .regex(/^\d{1,2}$/, "a whole number from 1 to 50")
    .transform(Number)
    .pipe(Top)
    .optional()
    .openapi({ param: { name: "top", in: "query" }, type: "string", example: "5" }),
});

export const LookupBody = z
  .strictObject({
    coordinate: CoordinateText,
    /** How many nearest stacks when nothing matches exactly (default 5). */
    top: Top.optional(),
  })
  .openapi("LookupRequest");

export const LookupResult = z
  .object({
    query: Coordinate,
    exact: z.boolean(),
    matches: list(
      z.object({
        stack: StackOut,
        coordinate: Coordinate,
        exact: z.boolean(),
        distance: z.object({ total: z.number(), perDimension: z.record(z.string(), z.number()) }),
        why: z.string(),
        records: list(
          z.object({
            id: z.string(),
            kind: z.enum(["reference", "case"]),
            scenario: z.string(),
            year: z.number().optional(),
            source: z.string(),
            sourceTitle: z.string(),
            grade: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi("LookupResult");
