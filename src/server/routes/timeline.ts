/** @module server/routes/timeline — `GET /api/timeline`: milestones, dated events and lineages, filterable. */
import { createRoute } from "@hono/zod-openapi";
import { InvalidArgumentError } from "../../errors.js";
import { timeline } from "../../evolution/timeline.js";
import { TIME } from "../../i18n/time-phrases.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { Timeline, TimelineQuery } from "../schemas/timeline.js";

const getTimeline = createRoute({
  method: "get",
  path: "/api/timeline",
  tags: ["timeline"],
  summary:
    "the seed's milestones and every dated event (releases, CNCF stages, supersedes, cases) with lineages as chains",
  request: { query: TimelineQuery.extend(LangQuery.shape) },
  responses: {
    200: { description: "the timeline", content: { "application/json": { schema: Timeline } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    503: { ...ERROR_RESPONSES[503], description: "landscape=true, and the server has no CNCF landscape file" },
  },
});

export const timelineRoutes: ApiRoutes = {
  name: "timeline",
  register(app, { landscape }) {
    app.openapi(getTimeline, (c) => {
      const q = c.req.valid("query");
      if (q.level !== undefined && q.dimension !== undefined)
        throw new InvalidArgumentError(TIME.levelOrDimension(q.lang));
      const level = q.level ?? q.dimension;
      const kb = c.get("kb");
      const t = timeline(kb, {
        lang: q.lang,
        ...(level !== undefined ? { level } : {}),
        ...(q.scenario !== undefined ? { scenario: q.scenario } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.landscape ? { landscape: landscape.merged(kb) } : {}),
      });
      return c.json(t, 200);
    });
  },
};
