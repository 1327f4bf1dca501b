/** @module server/routes/health — `GET /healthz` (the process answers) and `GET /readyz` (it has a knowledge base and is not draining). */
import { createRoute } from "@hono/zod-openapi";
import type { ApiRoutes } from "../api-routes.js";
import { Health } from "../schemas/health.js";

const json = { "application/json": { schema: Health } };

const healthz = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["health"],
  summary: "liveness: the process answers",
  responses: { 200: { description: "alive", content: json } },
});

const readyz = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["health"],
  summary: "readiness: a knowledge base is loaded, the workers are warm and the server is not shutting down",
  responses: {
    200: { description: "ready", content: json },
    503: { description: "shutting down, or the worker pool still warming up", content: json },
  },
});

export const healthRoutes: ApiRoutes = {
  name: "health",
  register(app, { kbSource, isDraining, isWarm }) {
    app.openapi(healthz, (c) => c.json({ status: "ok" as const }, 200));
    app.openapi(readyz, (c) =>
      isDraining()
        ? c.json({ status: "unavailable" as const, reason: "shutting down" }, 503)
        : !isWarm()
          ? c.json({ status: "unavailable" as const, reason: "warming up" }, 503)
          : c.json({ status: "ok" as const, generation: kbSource.status().generation }, 200),
    );
  },
};
