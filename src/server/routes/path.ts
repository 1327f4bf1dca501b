/** @module server/routes/path — `GET /api/path/{scenario}?from&to&series`: the seed's get_evolution_path, from history. */
import { createRoute } from "@hono/zod-openapi";
import { scenarioPath } from "../../evolution/scenario-path.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { PathParam, PathQuery, ScenarioPath } from "../schemas/path.js";

const getPath = createRoute({
  method: "get",
  path: "/api/path/{scenario}",
  tags: ["path"],
  summary: "a scenario's coordinate year by year from its dated history, every change with its cause and source",
  request: { params: PathParam, query: PathQuery.extend(LangQuery.shape) },
  responses: {
    200: { description: "the path", content: { "application/json": { schema: ScenarioPath } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
  },
});

export const pathRoutes: ApiRoutes = {
  name: "path",
  register(app) {
    app.openapi(getPath, (c) => {
      const { scenario } = c.req.valid("param");
      const q = c.req.valid("query");
      const p = scenarioPath(c.get("kb"), scenario, {
        lang: q.lang,
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.series !== undefined ? { series: q.series } : {}),
      });
      return c.json(p, 200);
    });
  },
};
