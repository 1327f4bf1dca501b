/** @module server/schemas/graph — the whole network for the web UI: technologies as nodes, relations as edges. */
import { z } from "@hono/zod-openapi";
import { Names } from "../../model/_common.js";
import { list } from "./_list.js";

const GraphNode = z
  .object({
    id: z.string(),
    /** The name in the language asked for. */
    name: z.string(),
    names: Names,
    role: z.string(),
    /** Level codes per dimension key (scenario ids on S). */
    position: z.record(z.string(), list(z.string())),
    releasedYear: z.number().int(),
    cncf: z
      .object({
        maturity: z.enum(["sandbox", "incubating", "graduated", "archived"]),
        accepted: z.string(),
        incubating: z.string().optional(),
        graduated: z.string().optional(),
        archived: z.string().optional(),
      })
      .optional(),
  })
  .openapi("GraphNode");

const GraphEdge = z
  .object({
    /** Unique: the relation (its technology and index) and the target. */
    id: z.string(),
    type: z.string(),
    /** The technology whose file states the relation. */
    source: z.string(),
    target: z.string(),
    /** The options of one `anyOf` dependency share this group id (any one of them meets it). */
    anyOf: z.string().optional(),
    when: z.enum(["orchestrated", "standalone", "gpu"]).optional(),
    year: z.number().int().optional(),
    /** The source registry entry the relation cites (see /api/sources/{id}). */
    sourceId: z.string(),
    grade: z.enum(["A", "B", "C", "U"]).optional(),
  })
  .openapi("GraphEdge");

export const NetworkGraph = z
  .object({
    counts: z.object({ nodes: z.number().int(), edges: z.number().int() }),
    nodes: list(GraphNode),
    edges: list(GraphEdge),
  })
  .openapi("NetworkGraph");
