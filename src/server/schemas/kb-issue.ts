/** @module server/schemas/kb-issue — a problem found in a knowledge base, with file:line:column (src/kb/issue.ts). */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";

export const KbIssue = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    file: z.string().optional(),
    line: z.number().optional(),
    column: z.number().optional(),
    path: list(z.union([z.string(), z.number()])),
    message: z.string(),
    hint: z.string().optional(),
    suggestions: list(z.string()).optional(),
  })
  .openapi("KbIssue");

export const KbCounts = z
  .object({
    technologies: z.number(),
    facts: z.number(),
    levelFacts: z.number(),
    relations: z.number(),
    claims: z.number(),
    cases: z.number(),
    scenarios: z.number(),
    sources: z.number(),
    perLevel: z.record(z.string(), z.record(z.string(), z.number())),
  })
  .openapi("KbCounts");
