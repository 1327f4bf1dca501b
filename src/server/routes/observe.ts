/** @module server/routes/observe — `POST /api/observe`: a stack's signal coverage, the completeness verdict, gaps and tools. */
import { createRoute } from "@hono/zod-openapi";
import { observeStack } from "../../observability/observe-stack.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { ObserveBody, ObserveResult } from "../schemas/observe.js";

const postObserve = createRoute({
  method: "post",
  path: "/api/observe",
  tags: ["observe"],
  summary:
    'a stack\'s observability: signals O1–O5 and how far they see, "complete = O1 + O2", the gaps and tools that close them',
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: ObserveBody } } },
  },
  responses: {
    200: { description: "the coverage", content: { "application/json": { schema: ObserveResult } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    413: ERROR_RESPONSES[413],
  },
});

export const observeRoutes: ApiRoutes = {
  name: "observe",
  register(app) {
    app.openapi(postObserve, (c) => {
      const { lang } = c.req.valid("query");
      const body = c.req.valid("json");
      const r = observeStack(c.get("kb"), body.stack, {
        lang,
        top: body.top ?? 5,
        ...(body.year === undefined ? {} : { year: body.year }),
      });
      return c.json(r, 200);
    });
  },
};
