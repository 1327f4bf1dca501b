/** @module server/schemas/source — one entry of the source registry that facts, relations and claims cite. */
import { z } from "@hono/zod-openapi";
import { Text } from "../../model/_common.js";
import { SourceKind } from "../../model/source.js";

export const SourceParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, description: "the source's id", example: "seed" }),
});

export const SourceOut = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: SourceKind,
    url: z.string().optional(),
    publisher: z.string().optional(),
    year: z.number().int().optional(),
    grade: z.enum(["A", "B", "C", "U"]),
    note: Text.optional(),
    /** What cites it: technologies (a release, fact, trait, version or relation) and recorded cases. */
    citedBy: z.object({ technologies: z.array(z.string()), cases: z.array(z.string()) }),
  })
  .openapi("Source");
