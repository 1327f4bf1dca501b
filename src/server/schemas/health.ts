/** @module server/schemas/health — `/healthz` (the process answers) and `/readyz` (it can serve). */
import { z } from "@hono/zod-openapi";

export const Health = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    generation: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .openapi("Health");
