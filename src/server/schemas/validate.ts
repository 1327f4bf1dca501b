/** @module server/schemas/validate — the `validate` report: the CLI's `validate --format json`. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { KbCounts, KbIssue } from "./kb-issue.js";

export const ValidateReport = z
  .object({
    valid: z.boolean(),
    errors: list(KbIssue),
    warnings: list(KbIssue),
    counts: KbCounts.optional(),
  })
  .openapi("ValidateReport");
