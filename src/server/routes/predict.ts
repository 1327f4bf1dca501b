/** @module server/routes/predict — forecasts: a scenario's coordinates, CNCF projects' next stage, and the project model's backtest. */
import { createRoute } from "@hono/zod-openapi";
import { NotFoundError } from "../../errors.js";
import { backtestScenarios } from "../../evolution/backtest-scenarios.js";
import type { ProjectPredictions } from "../../evolution/predict-projects.js";
import type { ProjectHistory } from "../../evolution/project-histories.js";
import { normalizeName } from "../../kb/normalize-name.js";
import { suggestNames } from "../../kb/suggest-names.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import {
  BacktestQuery,
  ProjectBacktest,
  ProjectForecastQuery,
  ProjectForecasts,
  ScenarioForecast,
  ScenarioForecastParam,
  ScenarioForecastQuery,
} from "../schemas/predict.js";

const NO_LANDSCAPE = {
  ...ERROR_RESPONSES[503],
  description: "the server has no CNCF landscape file (or it timed out)",
};

const getScenarioForecast = createRoute({
  method: "get",
  path: "/api/predict/scenarios/{scenario}",
  tags: ["predict"],
  summary:
    "the seed's predict_evolution, anchored on the latest record: each dimension per year with its most likely value, a calibrated interval or no signal, per-signal probabilities, and drivers",
  request: { params: ScenarioForecastParam, query: ScenarioForecastQuery.extend(LangQuery.shape) },
  responses: {
    200: { description: "the forecast", content: { "application/json": { schema: ScenarioForecast } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
  },
});

const getProjectForecasts = createRoute({
  method: "get",
  path: "/api/predict/projects",
  tags: ["predict"],
  summary: "P(incubation / graduation / archival within N years) for CNCF projects, each with a measured confidence",
  request: { query: ProjectForecastQuery },
  responses: {
    200: { description: "the forecasts", content: { "application/json": { schema: ProjectForecasts } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    503: NO_LANDSCAPE,
  },
});

const getBacktest = createRoute({
  method: "get",
  path: "/api/predict/backtest",
  tags: ["predict"],
  summary:
    "the project model fitted at a cutoff and scored at a horizon (AUC, Brier, calibration) beside baselines, and the scenario forecasts' interval coverage per dimension and horizon",
  request: { query: BacktestQuery },
  responses: {
    200: { description: "the backtest", content: { "application/json": { schema: ProjectBacktest } } },
    400: ERROR_RESPONSES[400],
    503: NO_LANDSCAPE,
  },
});

/**
 * Keeps the predictions of the projects and events asked for. The same as `predictProjects` with
 * those options (the model and its backtest are fitted on every project either way), without refitting.
 */
function choose(
  all: ProjectPredictions,
  histories: readonly ProjectHistory[],
  projects: readonly string[] | undefined,
  events: readonly string[] | undefined,
): ProjectPredictions {
  let predictions = all.predictions;
  if (projects && projects.length > 0) {
    const known = histories.filter((h) => h.accepted <= all.asOf);
    const matches = (h: ProjectHistory, name: string) =>
      normalizeName(h.name) === normalizeName(name) ||
      (h.technology !== undefined && normalizeName(h.technology) === normalizeName(name));
    for (const name of projects)
      if (!known.some((h) => matches(h, name)))
        throw new NotFoundError(`predict: no CNCF project named "${name}" in the landscape`, {
          suggestions: suggestNames(
            name,
            histories.flatMap((h) => [
              h.name,
              ...(h.technology === undefined ? [] : [{ label: h.technology, value: h.name }]),
            ]),
          ),
        });
    const wanted = new Set(projects.map(normalizeName));
    predictions = predictions.filter(
      (p) =>
        wanted.has(normalizeName(p.project)) || (p.technology !== undefined && wanted.has(normalizeName(p.technology))),
    );
  }
  if (events && events.length > 0) predictions = predictions.filter((p) => events.includes(p.event));
  return { ...all, predictions };
}

export const predictRoutes: ApiRoutes = {
  name: "predict",
  register(app, { landscape, compute }) {
    app.openapi(getScenarioForecast, async (c) => {
      const { scenario } = c.req.valid("param");
      const q = c.req.valid("query");
      const f = await compute(c.get("kb"), "forecast", {
        scenario,
        options: {
          lang: q.lang,
          ...(q.from !== undefined ? { from: q.from } : {}),
          ...(q.years !== undefined ? { years: q.years } : {}),
        },
      });
      return c.json(f, 200);
    });
    app.openapi(getProjectForecasts, (c) => {
      const q = c.req.valid("query");
      const kb = c.get("kb");
      const all = landscape.predictions(kb, q.years ?? 2, q.asOf);
      return c.json(choose(all, landscape.histories(kb), q.project, q.event), 200);
    });
    app.openapi(getBacktest, (c) => {
      const q = c.req.valid("query");
      const kb = c.get("kb");
      const { forecasts: _forecasts, ...result } = landscape.backtest(kb, q.cutoff, q.horizon);
      return c.json({ ...result, scenarios: backtestScenarios(kb) }, 200);
    });
  },
};
