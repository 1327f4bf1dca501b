/** @module server/routes/scenarios — `GET /api/scenarios` and `GET /api/scenarios/{id}` (the seed's analyze_scenario). */
import { createRoute } from "@hono/zod-openapi";
import { analyzeScenario } from "../../evolution/analyze-scenario.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { ScenarioAnalysis, ScenarioList, ScenarioParam, ScenarioQuery } from "../schemas/scenario.js";

const listScenarios = createRoute({
  method: "get",
  path: "/api/scenarios",
  tags: ["scenarios"],
  summary: "the scenarios of the knowledge base, with their names and how many stacks each records",
  request: { query: LangQuery },
  responses: {
    200: { description: "the scenarios", content: { "application/json": { schema: ScenarioList } } },
    400: ERROR_RESPONSES[400],
  },
});

const showScenario = createRoute({
  method: "get",
  path: "/api/scenarios/{id}",
  tags: ["scenarios"],
  summary: "every known stack for a scenario, its coordinate, the requirements it meets and misses, with sources",
  request: { params: ScenarioParam, query: ScenarioQuery },
  responses: {
    200: { description: "the scenario analysed", content: { "application/json": { schema: ScenarioAnalysis } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
  },
});

export const scenariosRoutes: ApiRoutes = {
  name: "scenarios",
  register(app) {
    app.openapi(listScenarios, (c) => {
      const { lang } = c.req.valid("query");
      const kb = c.get("kb");
      const scenarios = [...kb.scenarios.values()].map((s) => ({
        id: s.id,
        name: s.names[lang],
        names: s.names,
        aliases: s.aliases ?? [],
        summary: s.summary,
        origin: s.origin,
        referenceStacks: s.referenceStacks.length,
        cases: kb.cases.byScenario.get(s.id)?.length ?? 0,
      }));
      return c.json({ count: scenarios.length, scenarios }, 200);
    });
    app.openapi(showScenario, (c) => {
      const { id } = c.req.valid("param");
      const { lang, year } = c.req.valid("query");
      return c.json(analyzeScenario(c.get("kb"), id, lang, year), 200);
    });
  },
};
