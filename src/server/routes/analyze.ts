/** @module server/routes/analyze — `GET /api/analyze`: the network (or the part the list filters keep) analysed. */
import { createRoute } from "@hono/zod-openapi";
import { InvalidArgumentError } from "../../errors.js";
import { ANALYZE } from "../../i18n/analysis-phrases.js";
import { technologyFilter } from "../../network/filter-technologies.js";
import type { ApiRoutes } from "../api-routes.js";
import { AnalyzeQuery, NetworkAnalysis } from "../schemas/analyze.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";

const getAnalyze = createRoute({
  method: "get",
  path: "/api/analyze",
  tags: ["analyze"],
  summary:
    "central technologies, communities, coverage gaps, correlations between dimensions, consistency findings, matrices",
  request: { query: AnalyzeQuery.extend(LangQuery.shape) },
  responses: {
    200: { description: "the analysis", content: { "application/json": { schema: NetworkAnalysis } } },
    400: ERROR_RESPONSES[400],
  },
});

export const analyzeRoutes: ApiRoutes = {
  name: "analyze",
  register(app, { compute }) {
    app.openapi(getAnalyze, async (c) => {
      const q = c.req.valid("query");
      const kb = c.get("kb");
      if (q.matrixDimension !== undefined && !kb.dimension(q.matrixDimension))
        throw new InvalidArgumentError(ANALYZE.unknownMatrixDimension(q.lang, { key: q.matrixDimension }), {
          suggestions: [...kb.dimensions.keys()],
        });
      const a = await compute(kb, "analyze", {
        top: q.top ?? 10,
        lang: q.lang,
        ...technologyFilter(q),
        ...(q.matrixDimension !== undefined ? { matrixDimension: q.matrixDimension } : {}),
      });
      return c.json(a, 200);
    });
  },
};
