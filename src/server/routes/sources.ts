/** @module server/routes/sources — `GET /api/sources/{id}`: an entry of the source registry and what cites it. */
import { createRoute } from "@hono/zod-openapi";
import { NotFoundError } from "../../errors.js";
import type { CompiledTechnology } from "../../kb/kb.js";
import { suggestNames } from "../../kb/suggest-names.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { SourceOut, SourceParam } from "../schemas/source.js";

const showSource = createRoute({
  method: "get",
  path: "/api/sources/{id}",
  tags: ["sources"],
  summary: "a source the knowledge base cites: title, kind, link, grade, and the technologies and cases citing it",
  request: { params: SourceParam },
  responses: {
    200: { description: "the source", content: { "application/json": { schema: SourceOut } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
  },
});

function cites(t: CompiledTechnology, id: string): boolean {
  return (
    t.released.source === id ||
    t.facts.some((f) => f.source === id) ||
    t.relations.some((r) => r.source === id) ||
    [...t.traits.values()].some((s) => s.source === id) ||
    t.versions.some((v) => v.source === id)
  );
}

export const sourcesRoutes: ApiRoutes = {
  name: "sources",
  register(app) {
    app.openapi(showSource, (c) => {
      const { id } = c.req.valid("param");
      const kb = c.get("kb");
      const source = kb.sources.get(id);
      if (!source)
        throw new NotFoundError(`unknown source "${id}"`, { suggestions: suggestNames(id, kb.sources.keys(), 5) });
      const technologies = [...kb.technologies.values()].filter((t) => cites(t, id)).map((t) => t.id);
      const cases = kb.cases.all.filter((k) => k.source === id).map((k) => k.id);
      return c.json({ ...source, citedBy: { technologies, cases } }, 200);
    });
  },
};
