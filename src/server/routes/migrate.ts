/** @module server/routes/migrate — `POST /api/migrate`: ordered, dependency-respecting steps from one stack to another. */
import { createRoute } from "@hono/zod-openapi";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { MigrateBody, MigrationPlan } from "../schemas/migrate.js";

const postMigrate = createRoute({
  method: "post",
  path: "/api/migrate",
  tags: ["migrate"],
  summary: "a migration plan between stacks: ordered steps, each with its coordinate delta, figures and risks",
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: MigrateBody } } },
  },
  responses: {
    200: { description: "the plan", content: { "application/json": { schema: MigrationPlan } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    413: ERROR_RESPONSES[413],
  },
});

export const migrateRoutes: ApiRoutes = {
  name: "migrate",
  register(app, { compute }) {
    app.openapi(postMigrate, async (c) => {
      const { lang } = c.req.valid("query");
      const body = c.req.valid("json");
      return c.json(
        await compute(c.get("kb"), "migrate", { stacks: [body.from, ...(body.via ?? []), body.to], lang }),
        200,
      );
    });
  },
};
