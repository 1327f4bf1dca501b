/** @module server/routes/diagnose — `POST /api/diagnose` (signals → layer, cause, fix) and `GET /api/diagnose/matrix` (O1 × O2). */
import { createRoute } from "@hono/zod-openapi";
import { diagnose } from "../../observability/diagnose.js";
import { localisationMatrix } from "../../observability/localisation-matrix.js";
import type { ApiRoutes } from "../api-routes.js";
import { DiagnoseBody, Diagnosis, LocalisationMatrix } from "../schemas/diagnose.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";

const postDiagnose = createRoute({
  method: "post",
  path: "/api/diagnose",
  tags: ["diagnose"],
  summary:
    "localise a fault: a vertical signal (log, kernel event) and a horizontal one (trace) → layer, causes, fixes",
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: DiagnoseBody } } },
  },
  responses: {
    200: { description: "the diagnosis", content: { "application/json": { schema: Diagnosis } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    413: ERROR_RESPONSES[413],
  },
});

const getMatrix = createRoute({
  method: "get",
  path: "/api/diagnose/matrix",
  tags: ["diagnose"],
  summary:
    "the localisation matrix: horizontal signals × layers, the vertical signals of each layer, symptoms per cell",
  request: { query: LangQuery },
  responses: {
    200: { description: "the matrix", content: { "application/json": { schema: LocalisationMatrix } } },
    400: ERROR_RESPONSES[400],
  },
});

export const diagnoseRoutes: ApiRoutes = {
  name: "diagnose",
  register(app) {
    app.openapi(postDiagnose, (c) => {
      const { lang } = c.req.valid("query");
      const b = c.req.valid("json");
      const d = diagnose(
        c.get("kb"),
        {
          vertical: b.vertical,
          ...(b.horizontal === undefined ? {} : { horizontal: b.horizontal }),
          ...(b.service === undefined ? {} : { service: b.service }),
          ...(b.stack === undefined ? {} : { stack: b.stack }),
        },
        lang,
      );
      return c.json(d, 200);
    });
    app.openapi(getMatrix, (c) => {
      const { lang } = c.req.valid("query");
      return c.json(localisationMatrix(c.get("kb"), lang), 200);
    });
  },
};
