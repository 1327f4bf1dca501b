/** @module server/routes/kb — `GET /api/validate` (the CLI's validate report) and `GET /api/kb/status` (reloads). */
import { createRoute } from "@hono/zod-openapi";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { KbStatus } from "../schemas/kb-status.js";
import { LangQuery } from "../schemas/lang-query.js";
import { ValidateReport } from "../schemas/validate.js";

const getValidate = createRoute({
  method: "get",
  path: "/api/validate",
  tags: ["kb"],
  summary: "the knowledge-base folder as last read: every error and warning with file:line:column, and counts",
  request: { query: LangQuery },
  responses: {
    200: {
      description: "the report (valid: false after a refused reload)",
      content: { "application/json": { schema: ValidateReport } },
    },
    400: ERROR_RESPONSES[400],
  },
});

const getStatus = createRoute({
  method: "get",
  path: "/api/kb/status",
  tags: ["kb"],
  summary: "the knowledge base being served, and how the last (re)load of its folder went, with its issues",
  responses: {
    200: { description: "the status", content: { "application/json": { schema: KbStatus } } },
  },
});

export const kbRoutes: ApiRoutes = {
  name: "kb",
  register(app, { kbSource }) {
    app.openapi(getValidate, (c) => c.json(kbSource.validateReport(), 200));
    app.openapi(getStatus, (c) => c.json(kbSource.status(), 200));
  },
};
