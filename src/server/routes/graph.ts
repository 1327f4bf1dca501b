/** @module server/routes/graph — `GET /api/graph`: every technology and relation, as the web UI draws them (ETagged). */
import { createRoute } from "@hono/zod-openapi";
import type { Lang } from "../../i18n/lang.js";
import type { Kb } from "../../kb/kb.js";
import { buildGraph } from "../../network/build-graph.js";
import type { ApiRoutes } from "../api-routes.js";
import { ERROR_RESPONSES } from "../schemas/error-body.js";
import { NetworkGraph } from "../schemas/graph.js";
import { LangQuery } from "../schemas/lang-query.js";

const getGraph = createRoute({
  method: "get",
  path: "/api/graph",
  tags: ["graph"],
  summary:
    "the network for the UI: each technology (names, role, levels per dimension, release, CNCF) and each relation as an edge",
  request: { query: LangQuery },
  responses: {
    200: {
      description: "the graph; it carries an ETag (If-None-Match answers 304 until the knowledge base changes)",
      content: { "application/json": { schema: NetworkGraph } },
    },
    400: ERROR_RESPONSES[400],
  },
});

type Graph = typeof NetworkGraph._output;

/**
 * The network as nodes and edges. The node and edge set is the one `buildGraph` (analyses, exports)
 * uses: one edge per distinct target of a relation, each `anyOf` option an edge, grouped here.
 */
export function networkGraph(kb: Kb, lang: Lang): Graph {
  const g = buildGraph(kb);
  const nodes: Graph["nodes"][number][] = [];
  g.forEachNode((id) => {
    const t = kb.technologies.get(id);
    if (!t) return;
    nodes.push({
      id,
      name: t.names[lang],
      names: t.names,
      role: t.role,
      position: t.position,
      releasedYear: t.releasedYear,
      ...(t.cncf
        ? {
            cncf: {
              maturity: t.cncf.maturity,
              accepted: t.cncf.accepted,
              ...(t.cncf.incubating === undefined ? {} : { incubating: t.cncf.incubating }),
              ...(t.cncf.graduated === undefined ? {} : { graduated: t.cncf.graduated }),
              ...(t.cncf.archived === undefined ? {} : { archived: t.cncf.archived }),
            },
          }
        : {}),
    });
  });
  const edges: Graph["edges"][number][] = [];
  for (const r of kb.relations.all) {
    if (!g.hasNode(r.from)) continue;
    const relation = `${r.from}#${r.index}`;
    for (const target of new Set(r.targets)) {
      if (!g.hasNode(target)) continue;
      edges.push({
        id: `${relation}>${target}`,
        type: r.type,
        source: r.from,
        target,
        ...(r.anyOf === undefined ? {} : { anyOf: relation }),
        ...(r.when === undefined ? {} : { when: r.when }),
        ...(r.year === undefined ? {} : { year: r.year }),
        sourceId: r.source,
        ...(r.grade === undefined ? {} : { grade: r.grade }),
      });
    }
  }
  return { counts: { nodes: nodes.length, edges: edges.length }, nodes, edges };
}

export const graphRoutes: ApiRoutes = {
  name: "graph",
  register(app) {
    // The response cache gives the answer its ETag and keeps it until the knowledge base is reloaded.
    app.openapi(getGraph, (c) => c.json(networkGraph(c.get("kb"), c.req.valid("query").lang), 200));
  },
};
