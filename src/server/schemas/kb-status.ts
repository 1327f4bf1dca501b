/** @module server/schemas/kb-status — what the server serves, and how the last (re)load of its folder went. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { KbCounts, KbIssue } from "./kb-issue.js";

export const KbStatus = z
  .object({
    data: z.string(),
    generation: z.number().int(),
    revision: z.number().int(),
    loadedAt: z.string(),
    counts: KbCounts,
    watching: z.boolean(),
    current: z.boolean(),
    lastAttempt: z.object({
      at: z.string(),
      ok: z.boolean(),
      trigger: z.string(),
      errors: list(KbIssue),
      warnings: list(KbIssue),
      ms: z.number(),
    }),
  })
  .openapi("KbStatus");
