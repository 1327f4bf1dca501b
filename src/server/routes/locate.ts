/** @module server/routes/locate — `POST /api/locate`: the seed's find_coordinate, for a stack in a JSON body. */
import { createRoute } from "@hono/zod-openapi";
import { locate } from "../../coordinate/locate.js";
import { resolveScenario } from "../../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { STACK } from "../../i18n/stack-phrases.js";
import type { Kb } from "../../kb/kb.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";
import { LocateBody, LocateResult } from "../schemas/locate.js";

const postLocate = createRoute({
  method: "post",
  path: "/api/locate",
  tags: ["locate"],
  summary: "the coordinate of a stack, whether it is complete (dependencies) and consistent (conflicts, years)",
  request: {
    query: LangQuery,
    body: { required: true, content: { "application/json": { schema: LocateBody } } },
  },
  responses: {
    200: { description: "the stack located", content: { "application/json": { schema: LocateResult } } },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    413: ERROR_RESPONSES[413],
  },
});

/** The view level's number for a view written as a code or a name (as the CLI's `--view`). */
function viewValue(kb: Kb, text: string, lang: Lang): number {
  const dim = [...kb.dimensions.values()].find((d) => d.stackRule.from === "view");
  const level = dim?.resolveLevel(text);
  if (!dim || !level) {
    throw new InvalidArgumentError(STACK.unknownView(lang, { view: text }), {
      suggestions: (dim?.levels ?? []).map((l) => l.code),
    });
  }
  return level.value;
}

export const locateRoutes: ApiRoutes = {
  name: "locate",
  register(app) {
    app.openapi(postLocate, (c) => {
      const { lang } = c.req.valid("query");
      const body = c.req.valid("json");
      const kb = c.get("kb");
      const result = locate(kb, body.stack, {
        lang,
        ...(body.year !== undefined ? { year: body.year } : {}),
        ...(body.scenario !== undefined ? { scenario: resolveScenario(kb, body.scenario, "locate", lang).id } : {}),
        ...(body.view !== undefined ? { view: viewValue(kb, body.view, lang) } : {}),
      });
      return c.json(result, 200);
    });
  },
};
