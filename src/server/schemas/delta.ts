/** @module server/schemas/delta — what moved on one dimension between two coordinates, in words. */
import { z } from "@hono/zod-openapi";
import { CoordinateValue } from "./coordinate.js";

export const Delta = z
  .object({
    dimension: z.string(),
    name: z.string(),
    from: CoordinateValue,
    to: CoordinateValue,
    direction: z.enum(["more", "less", "equal", "incomparable", "changed"]),
    word: z.string().optional(),
    text: z.string(),
  })
  .openapi("Delta");
