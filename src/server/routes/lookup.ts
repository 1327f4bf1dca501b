/** @module server/routes/lookup — `GET /api/lookup?coordinate=…` and `POST /api/lookup`: stacks at a coordinate. */
import { createRoute } from "@hono/zod-openapi";
import { lookup } from "../../coordinate/lookup.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { LookupBody, LookupQuery, LookupResult } from "../schemas/lookup.js";

const responses = {
  200: {
    description: "the stacks at the coordinate, or the nearest",
    content: { "application/json": { schema: LookupResult } },
  },
  400: ERROR_RESPONSES[400],
};

const getLookup = createRoute({
  method: "get",
  path: "/api/lookup",
  tags: ["lookup"],
  summary: "stacks at a coordinate: exact, partial (* = any) or nearest, with the distance per dimension",
  request: { query: LookupQuery.extend(LangQuery.shape) },
  responses,
});

const postLookup = createRoute({
  method: "post",
  path: "/api/lookup",
  tags: ["lookup"],
  summary: "the same, with the coordinate in a JSON body",
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: LookupBody } } },
  },
  responses: { ...responses, 413: ERROR_RESPONSES[413] },
});

export const lookupRoutes: ApiRoutes = {
  name: "lookup",
  register(app) {
    app.openapi(getLookup, (c) => {
      const q = c.req.valid("query");
      const result = lookup(c.get("kb"), q.coordinate, { lang: q.lang, ...(q.top !== undefined ? { k: q.top } : {}) });
      return c.json(result, 200);
    });
    app.openapi(postLookup, (c) => {
      const { lang } = c.req.valid("query");
      const body = c.req.valid("json");
      const result = lookup(c.get("kb"), body.coordinate, { lang, ...(body.top !== undefined ? { k: body.top } : {}) });
      return c.json(result, 200);
    });
  },
};
