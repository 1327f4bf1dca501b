/** @module server/routes/export — `GET /api/export?as=…`: the network, a subset, a stack or a migration as JSON, CSV, Mermaid, DOT or Cypher. */
import { createRoute } from "@hono/zod-openapi";
import { InvalidArgumentError } from "../../errors.js";
import { EXPORT } from "../../i18n/analysis-phrases.js";
import { technologyFilter } from "../../network/filter-technologies.js";
import type { ApiRoutes } from "../api-routes.js";
import { etagOf } from "../middleware/response-cache.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { EXPORT_TYPES, ExportGraph, ExportQuery } from "../schemas/export.js";
import { LangQuery } from "../schemas/lang-query.js";

const text = (description: string) => ({ schema: { type: "string" as const, description } });

const getExport = createRoute({
  method: "get",
  path: "/api/export",
  tags: ["export"],
  summary:
    "the network (or the technologies the list filters keep), a stack or a migration as JSON, CSV, Mermaid, DOT or Cypher",
  request: { query: ExportQuery.extend(LangQuery.shape) },
  responses: {
    200: {
      description: "the export, in the media type of `as`",
      content: {
        "application/json": { schema: ExportGraph },
        "text/csv": text("as=csv: one row per edge (table=edges) or node (table=nodes)"),
        "text/vnd.mermaid": text("as=mermaid: a Mermaid flowchart"),
        "text/vnd.graphviz": text("as=dot: a Graphviz digraph"),
        "text/plain": text("as=cypher: Cypher statements that create the nodes and edges (Neo4j)"),
      },
    },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
  },
});

const EXTENSIONS = { csv: "csv", mermaid: "mmd", dot: "dot", cypher: "cypher" } as const;

export const exportRoutes: ApiRoutes = {
  name: "export",
  register(app, { compute }) {
    app.openapi(getExport, async (c) => {
      const q = c.req.valid("query");
      const kb = c.get("kb");
      const migration = q.from !== undefined || q.to !== undefined;
      if (migration && (q.from === undefined || q.to === undefined))
        throw new InvalidArgumentError(EXPORT.needBothApi(q.lang));
      if (migration && q.stack !== undefined) throw new InvalidArgumentError(EXPORT.stackOrMigration(q.lang));
      if (!migration && q.via !== undefined) throw new InvalidArgumentError(EXPORT.viaNeedsEnds(q.lang));
      const out = await compute(kb, "export", {
        lang: q.lang,
        as: q.as,
        ...(q.table !== undefined ? { table: q.table } : {}),
        ...(migration ? { migration: [q.from ?? "", ...(q.via ?? []), q.to ?? ""] } : {}),
        ...(q.stack !== undefined ? { stack: q.stack } : {}),
        filter: technologyFilter(q),
      });
      if ("graph" in out || q.as === "json") return c.json("graph" in out ? out.graph : {}, 200);
      const body = out.text;
      // The response cache keeps JSON only: text answers get their ETag here.
      return c.body(body, 200, {
        "Content-Type": EXPORT_TYPES[q.as],
        "Content-Disposition": `inline; filename="stackatlas.${EXTENSIONS[q.as]}"`,
        ETag: etagOf(body),
        "Cache-Control": "no-cache",
      });
    });
  },
};
