/** @module server/routes/compare — `POST /api/compare`: two sides compared, deltas in words, orderings, figures. */
import { createRoute } from "@hono/zod-openapi";
import { compareStacks } from "../../coordinate/compare-stacks.js";
import type { ApiRoutes } from "../api-routes.js";
import { CompareBody, Comparison } from "../schemas/compare.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";

const postCompare = createRoute({
  method: "post",
  path: "/api/compare",
  tags: ["compare"],
  summary: "two stacks, technologies, recorded stacks (case:ID) or coordinates side by side",
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: CompareBody } } },
  },
  responses: {
    200: { description: "the comparison", content: { "application/json": { schema: Comparison } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    413: ERROR_RESPONSES[413],
  },
});

export const compareRoutes: ApiRoutes = {
  name: "compare",
  register(app) {
    app.openapi(postCompare, (c) => {
      const { lang } = c.req.valid("query");
      const { a, b } = c.req.valid("json");
      return c.json(compareStacks(c.get("kb"), a, b, lang), 200);
    });
  },
};
