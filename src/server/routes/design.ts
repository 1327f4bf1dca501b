/** @module server/routes/design — `POST /api/design`: a system file or kubectl export in, one platform with its RuntimeClasses out. */
import { createRoute } from "@hono/zod-openapi";
import type { ApiRoutes } from "../api-routes.js";
import { DesignBody, DesignResult } from "../schemas/design.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";

const postDesign = createRoute({
  method: "post",
  path: "/api/design",
  tags: ["design"],
  summary:
    "one platform for a system: shared orchestrator, policy and observability, a runtime per workload class as RuntimeClasses",
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: DesignBody } } },
  },
  responses: {
    200: { description: "the platform", content: { "application/json": { schema: DesignResult } } },
    400: ERROR_RESPONSES[400],
    413: ERROR_RESPONSES[413],
  },
});

export const designRoutes: ApiRoutes = {
  name: "design",
  register(app, { compute }) {
    app.openapi(postDesign, async (c) => {
      const { lang } = c.req.valid("query");
      const body = c.req.valid("json");
      const result = await compute(c.get("kb"), "design", {
        system: body.system,
        lang,
        ...(body.solver ? { solver: body.solver } : {}),
      });
      return c.json(result, 200);
    });
  },
};
