/** @module server/routes/recommend — `POST /api/recommend`: requirements in, ranked and explained stacks out. */
import { createRoute } from "@hono/zod-openapi";
import type { ApiRoutes } from "../api-routes.js";
import { checkRequirements, requirementsHook } from "../requirements-hook.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { RecommendBody, RecommendQuery, RecommendResult } from "../schemas/recommend.js";

const postRecommend = createRoute({
  method: "post",
  path: "/api/recommend",
  tags: ["recommend"],
  summary:
    "ranked stacks for requirements: dimension analysis → target coordinate → stacks, with trade-offs and why not",
  request: {
    query: RecommendQuery.extend(LangQuery.shape),
    body: { required: true, content: { "application/json": { schema: RecommendBody } } },
  },
  responses: {
    200: {
      description: "the ranking and its explanation",
      content: { "application/json": { schema: RecommendResult } },
    },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    413: ERROR_RESPONSES[413],
  },
});

export const recommendRoutes: ApiRoutes = {
  name: "recommend",
  register(app, { compute }) {
    app.openapi(
      postRecommend,
      async (c) => {
        const q = c.req.valid("query");
        const requirements = checkRequirements(c, c.req.valid("json"));
        const result = await compute(c.get("kb"), "recommend", {
          requirements,
          options: {
            lang: q.lang,
            ...(q.top !== undefined ? { top: q.top } : {}),
            ...(q.pareto !== undefined ? { pareto: q.pareto } : {}),
            ...(q.weights !== undefined ? { weights: q.weights } : {}),
            // The learned weights take seconds to evaluate once per knowledge base: a server does that in
            // the background (the pool while it warms) and answers with the hand-set weights (saying so)
            // until they are ready.
            learnedWeights: "ifReady",
          },
        });
        return c.json(result, 200);
      },
      // The hook answers the error shape every route shares; the typed hook wants the 200 shape.
      requirementsHook as never,
    );
  },
};
