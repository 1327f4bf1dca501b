/** @module server/routes/technologies — `GET /api/technologies` (list, every filter) and `GET /api/technologies/{id}` (show). */
import { createRoute } from "@hono/zod-openapi";
import { NotFoundError } from "../../errors.js";
import { KB } from "../../i18n/kb-phrases.js";
import { filterTechnologies, technologyFilter } from "../../network/filter-technologies.js";
import { technologyDetail, technologySummary } from "../../network/technology-view.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { TechnologyDetail, TechnologyList, TechnologyParam, TechnologyQuery } from "../schemas/technology.js";

const listTechnologies = createRoute({
  method: "get",
  path: "/api/technologies",
  tags: ["technologies"],
  summary: "technologies filtered by any dimension level, role, scenario, year range, CNCF maturity or text",
  request: { query: TechnologyQuery.extend(LangQuery.shape) },
  responses: {
    200: { description: "the technologies, by id", content: { "application/json": { schema: TechnologyList } } },
    400: ERROR_RESPONSES[400],
  },
});

const showTechnology = createRoute({
  method: "get",
  path: "/api/technologies/{id}",
  tags: ["technologies"],
  summary: "everything known about one technology: coordinate, facts, traits, relations, claims, with sources",
  request: { params: TechnologyParam, query: LangQuery },
  responses: {
    200: { description: "the technology", content: { "application/json": { schema: TechnologyDetail } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
  },
});

export const technologiesRoutes: ApiRoutes = {
  name: "technologies",
  register(app) {
    app.openapi(listTechnologies, (c) => {
      const q = c.req.valid("query");
      const found = filterTechnologies(c.get("kb"), technologyFilter(q), q.lang);
      const technologies = found.map((t) => technologySummary(t, q.lang));
      return c.json({ count: technologies.length, technologies }, 200);
    });
    app.openapi(showTechnology, (c) => {
      const { id } = c.req.valid("param");
      const { lang } = c.req.valid("query");
      const kb = c.get("kb");
      const match = kb.resolveName(id);
      if (match?.kind !== "technology") {
        const scenario = match?.kind === "scenario" ? match.id : undefined;
        throw new NotFoundError(
          KB.unknownTechnology(lang, { name: id, hint: "api", ...(scenario === undefined ? {} : { scenario }) }),
          { suggestions: kb.suggestNames(id, 5) },
        );
      }
      return c.json(technologyDetail(kb, match.technology, lang), 200);
    });
  },
};
