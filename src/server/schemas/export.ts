/** @module server/schemas/export — `export`: the network, a subset, a stack or a migration as JSON, CSV, Mermaid, DOT or Cypher. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { StackText } from "./stack.js";
import { TechnologyQuery } from "./technology.js";

export const EXPORT_FORMATS = ["json", "csv", "mermaid", "dot", "cypher"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The media type of each format: CSV and DOT (text/vnd.graphviz) as IANA registers them, Mermaid as its
 * project recommends (text/vnd.mermaid), Cypher as plain text (no media type is registered for it).
 */
export const EXPORT_TYPES: Readonly<Record<ExportFormat, string>> = {
  json: "application/json",
  csv: "text/csv; charset=utf-8",
  mermaid: "text/vnd.mermaid; charset=utf-8",
  dot: "text/vnd.graphviz; charset=utf-8",
  cypher: "text/plain; charset=utf-8",
};

export const ExportQuery = TechnologyQuery.extend({
  as: z
    .enum(EXPORT_FORMATS)
    .default("json")
    .openapi({
      param: { name: "as", in: "query" },
      description: `the format: ${EXPORT_FORMATS.join(", ")} (default json)`,
      example: "mermaid",
    }),
  table: z
    .enum(["nodes", "edges"])
    .default("edges")
    .openapi({ param: { name: "table", in: "query" }, description: "CSV: which table (default edges)" }),
  stack: StackText.optional().openapi({
    param: { name: "stack", in: "query" },
    description: "export this stack (parts or case:ID) instead of the network",
  }),
  from: StackText.optional().openapi({
    param: { name: "from", in: "query" },
    description: "export the migration from this stack (with to)",
  }),
  to: StackText.optional().openapi({ param: { name: "to", in: "query" }, description: "…to this stack" }),
  via: z
    .union([StackText, z.array(StackText).max(10)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .openapi({
      param: { name: "via", in: "query", style: "form", explode: true },
      description: "…through this stack (repeatable, in order)",
    }),
});

export const ExportGraph = z
  .object({
    title: z.string(),
    nodes: list(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.string(),
        properties: z.record(z.string(), z.union([z.string(), z.number(), list(z.string())])),
      }),
    ),
    edges: list(
      z.object({
        from: z.string(),
        to: z.string(),
        type: z.string(),
        label: z.string().optional(),
        source: z.string().optional(),
      }),
    ),
  })
  .openapi("ExportGraph");
