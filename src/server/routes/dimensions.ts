/** @module server/routes/dimensions — `GET /api/dimensions`: the dimensions with levels, names, orderings and rules. */
import { createRoute } from "@hono/zod-openapi";
import type { Lang } from "../../i18n/lang.js";
import type { CompiledDimension, Kb } from "../../kb/kb.js";
import type { ApiRoutes } from "../api-routes.js";
import { DimensionList, type DimensionView } from "../schemas/dimensions.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { LangQuery } from "../schemas/lang-query.js";

const listDimensions = createRoute({
  method: "get",
  path: "/api/dimensions",
  tags: ["dimensions"],
  summary: "the dimensions in the seed's tuple order: levels (names en/zh, counts), orderings with ranks, rules",
  request: { query: LangQuery },
  responses: {
    200: { description: "the dimensions", content: { "application/json": { schema: DimensionList } } },
    400: ERROR_RESPONSES[400],
  },
});

type View = typeof DimensionView._output;

function dimensionView(kb: Kb, d: CompiledDimension, lang: Lang): View {
  const counts = kb.counts.perLevel[d.key] ?? {};
  return {
    key: d.key,
    keyAliases: d.keyAliases,
    name: d.names[lang],
    names: d.names,
    aliases: d.aliases,
    kind: d.kind,
    tupleIndex: d.tupleIndex,
    summary: d.summary,
    source: d.source,
    stackRule: d.stackRule,
    levels: d.levels.map((l) => ({
      code: l.code,
      value: l.value,
      name: l.names[lang],
      names: l.names,
      aliases: l.aliases ?? [],
      ...(l.summary === undefined ? {} : { summary: l.summary }),
      representatives: l.representatives ?? [],
      ...(l.direction === undefined ? {} : { direction: l.direction }),
      ...(l.year === undefined ? {} : { year: l.year }),
      ...(l.technology === undefined ? {} : { technology: l.technology }),
      ...(l.change === undefined ? {} : { change: l.change }),
      ...(l.source === undefined ? {} : { source: l.source }),
      technologies: counts[l.code] ?? 0,
    })),
    ...(d.valuesFrom === "scenarios"
      ? {
          valuesFrom: "scenarios" as const,
          values: [...kb.scenarios.values()].map((s) => ({ id: s.id, name: s.names[lang], names: s.names })),
        }
      : {}),
    orderings: [...d.orderings.values()].map((o) => ({
      id: o.id,
      name: o.names[lang],
      names: o.names,
      meaning: o.meaning,
      chains: o.chains,
      more: o.more,
      less: o.less,
      rank: Object.fromEntries(
        o.order.elements.map((code) => [code, o.order.greater[o.order.classOf.get(code) ?? -1]?.size ?? 0]),
      ),
      classes: o.order.classes,
      ...(o.checkAgainst === undefined ? {} : { checkAgainst: o.checkAgainst }),
      source: o.source,
      ...(o.note === undefined ? {} : { note: o.note }),
    })),
    ...(d.distanceBy === undefined ? {} : { distanceBy: d.distanceBy }),
    ...(d.graph
      ? {
          graph: {
            edges: d.graph.edges,
            source: d.graph.source,
            ...(d.graph.note === undefined ? {} : { note: d.graph.note }),
          },
        }
      : {}),
    rules: d.rules,
  };
}

export const dimensionsRoutes: ApiRoutes = {
  name: "dimensions",
  register(app) {
    app.openapi(listDimensions, (c) => {
      const { lang } = c.req.valid("query");
      const kb = c.get("kb");
      const dimensions = [...kb.dimensions.values()]
        .sort((a, b) => a.tupleIndex - b.tupleIndex)
        .map((d) => dimensionView(kb, d, lang));
      return c.json({ count: dimensions.length, dimensions }, 200);
    });
  },
};
