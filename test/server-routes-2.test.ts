import { beforeAll, describe, expect, it } from "vitest";
import { predictProjects } from "../src/evolution/predict-projects.js";
import { buildGraph } from "../src/network/build-graph.js";
import type { AtlasApp } from "../src/server/app-env.js";
import { createLandscapeSource, type LandscapeSource } from "../src/server/landscape-source.js";
import { builtInSource, type ErrorJson, expectError, json, postJson, testApp } from "./_server.js";

let app: AtlasApp;
let landscape: LandscapeSource;
beforeAll(() => {
  // No file given: the server reads the snapshot that ships with the package.
  landscape = createLandscapeSource();
  app = testApp({ landscape });
});

const paths = (e: ErrorJson) => e.error.issues.map((i) => i.path.join("."));

describe("GET /api/timeline", () => {
  it("lists the dated events of a level in a range, with milestones and lineages", async () => {
    const r = await json<{
      from: number;
      to: number;
      filter: { level?: { dimension: string; code: string } };
      events: { year: number; kind: string }[];
      milestones: { subject: string }[];
      lineages: unknown[];
    }>(app.request("/api/timeline?level=L-4&from=2017&to=2021"));
    expect(r.status).toBe(200);
    expect(r.body.filter.level).toEqual({ dimension: "D", code: "L-4" });
    expect(r.body.events.length).toBeGreaterThan(0);
    for (const e of r.body.events) {
      expect(e.year).toBeGreaterThanOrEqual(2017);
      expect(e.year).toBeLessThanOrEqual(2021);
    }
    expect(r.body.milestones.map((m) => m.subject)).toContain("T4");
    const dim = await json<{ filter: unknown }>(app.request("/api/timeline?dimension=D%3D4&from=2017&to=2021"));
    expect(dim.body.filter).toEqual(r.body.filter);
    const zh = await json<{ events: { text: string }[] }>(
      app.request(`/api/timeline?scenario=${encodeURIComponent("边缘计算")}&lang=zh`),
    );
    expect(zh.status).toBe(200);
    expect(zh.body.events.some((e) => /[\u4e00-\u9fff]/.test(e.text))).toBe(true);
  });
  it("adds the landscape's CNCF history with landscape=true", async () => {
    const plain = await json<{ events: { imported?: boolean }[] }>(app.request("/api/timeline?from=2016"));
    const r = await json<{ events: { imported?: boolean }[] }>(app.request("/api/timeline?from=2016&landscape=true"));
    expect(r.status).toBe(200);
    expect(plain.body.events.some((e) => e.imported)).toBe(false);
    expect(r.body.events.filter((e) => e.imported).length).toBeGreaterThan(0);
  });
  it("refuses bad filters: 400 with issues, 404 with the nearest scenarios", async () => {
    const e = expectError(
      await json(app.request("/api/timeline?from=20x0&to=abc&landscape=yes")),
      400,
      "INVALID_INPUT",
    );
    expect(paths(e)).toEqual(expect.arrayContaining(["query.from", "query.to", "query.landscape"]));
    expectError(await json(app.request("/api/timeline?level=L-4&dimension=D%3D4")), 400, "INVALID_ARGUMENT");
    expectError(await json(app.request("/api/timeline?from=2025&to=2019")), 400, "INVALID_ARGUMENT");
    const level = expectError(await json(app.request("/api/timeline?level=L-9")), 400);
    expect(level.error.code).not.toBe("INTERNAL");
    const s = expectError(await json(app.request("/api/timeline?scenario=edgy")), 404, "NOT_FOUND");
    expect(s.error.suggestions.join(" ")).toContain("edge");
  });
});

describe("GET /api/predict/scenarios/{scenario}", () => {
  it("forecasts a scenario year by year with measured confidences", async () => {
    const r = await json<{
      scenario: { id: string };
      from: number;
      to: number;
      years: { year: number; coordinate: { text: string }; actual?: { text: string } }[];
      backtest: { forecasts: number };
      anchor: { year: number };
    }>(app.request(`/api/predict/scenarios/${encodeURIComponent("边缘计算")}?from=2025&years=3`));
    expect(r.status).toBe(200);
    expect(r.body.scenario.id).toBe("edge");
    expect(r.body.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
    expect(r.body.anchor.year).toBe(2025);
    expect(r.body.years[0]!.coordinate.text).toBe(r.body.years[0]!.actual?.text);
    expect(r.body.backtest.forecasts).toBeGreaterThan(0);
  });
  it("refuses bad years, 404 for an unknown scenario", async () => {
    const e = expectError(await json(app.request("/api/predict/scenarios/edge?years=x&from=19")), 400, "INVALID_INPUT");
    expect(paths(e)).toEqual(expect.arrayContaining(["query.years", "query.from"]));
    expectError(await json(app.request("/api/predict/scenarios/edge?years=51")), 400, "INVALID_INPUT");
    const s = expectError(await json(app.request("/api/predict/scenarios/serverles")), 404, "NOT_FOUND");
    expect(s.error.suggestions.join(" ")).toContain("serverless");
  });
});

describe("GET /api/predict/projects and /api/predict/backtest", () => {
  it("forecasts CNCF projects, filtered, exactly as predictProjects does", async () => {
    const r = await json<{
      asOf: string;
      years: number;
      predictions: { project: string; technology?: string; event: string; probability: number }[];
    }>(app.request("/api/predict/projects?project=k3s&project=WasmEdge%20Runtime&event=incubation&event=graduation"));
    expect(r.status).toBe(200);
    expect(r.body.years).toBe(2);
    expect(r.body.predictions.length).toBeGreaterThan(0);
    for (const p of r.body.predictions) expect(["incubation", "graduation"]).toContain(p.event);
    const direct = predictProjects(landscape.histories(builtInSource().current()), {
      years: 2,
      projects: ["k3s", "WasmEdge Runtime"],
      events: ["incubation", "graduation"],
    });
    expect(JSON.parse(JSON.stringify(direct))).toEqual(r.body);
    const all = await json<{ predictions: unknown[] }>(app.request("/api/predict/projects?years=3"));
    expect(all.body.predictions.length).toBeGreaterThan(r.body.predictions.length);
  });
  it("backtests the project model beside its baselines", async () => {
    const r = await json<{
      model: { auc: number; brier: number };
      baselines: { baseRate: unknown; constant: { p: number } };
      cutoff: string;
      horizon: string;
      forecasts?: unknown;
      scenarios: { byDimension: Record<string, unknown[]> };
    }>(app.request("/api/predict/backtest?cutoff=2020-12-31&horizon=2024-12-31"));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ cutoff: "2020-12-31", horizon: "2024-12-31", baselines: { constant: { p: 0.7 } } });
    expect(r.body.model.auc).toBeGreaterThan(0.5);
    expect(r.body.forecasts).toBeUndefined();
    expect(r.body.scenarios.byDimension.X?.length).toBeGreaterThan(0);
    const dflt = await json<{ cutoff: string; horizon: string }>(app.request("/api/predict/backtest"));
    expect(dflt.body).toMatchObject({ cutoff: "2021-12-31", horizon: "2025-12-31" });
  });
  it("refuses bad input: 400 with issues, 404 with the nearest projects", async () => {
    const e = expectError(
      await json(app.request("/api/predict/projects?years=0&event=birth&asOf=yesterday")),
      400,
      "INVALID_INPUT",
    );
    expect(paths(e)).toEqual(expect.arrayContaining(["query.years", "query.asOf"]));
    expect(paths(e).some((p) => p.startsWith("query.event"))).toBe(true);
    const p = expectError(await json(app.request("/api/predict/projects?project=wasmedg")), 404, "NOT_FOUND");
    expect(p.error.suggestions).toContain("WasmEdge Runtime");
    expectError(await json(app.request("/api/predict/backtest?cutoff=2021-13")), 400, "INVALID_INPUT");
    expectError(
      await json(app.request("/api/predict/backtest?cutoff=2024-12-31&horizon=2020-12-31")),
      400,
      "INVALID_ARGUMENT",
    );
  });
});

describe("the landscape routes without a landscape file", () => {
  it("answer 503 with a clear message that names no server path", async () => {
    const missing = "/nonexistent/stackatlas/landscape.yml";
    const bare = testApp({ landscapeFile: missing });
    for (const path of ["/api/predict/projects", "/api/predict/backtest", "/api/timeline?landscape=true"]) {
      const e = expectError(await json(bare.request(path)), 503, "LANDSCAPE_UNAVAILABLE");
      expect(e.error.message).toMatch(/STACKATLAS_LANDSCAPE/);
      expect(e.error.message).not.toContain(missing);
    }
    // What needs no landscape still answers.
    expect((await bare.request("/api/timeline")).status).toBe(200);
    expect((await bare.request("/api/predict/scenarios/edge")).status).toBe(200);
  });
});

describe("POST /api/migrate", () => {
  it("plans a migration through a stack on the way", async () => {
    const r = await json<{
      legs: { from: { record?: string }; to: { record?: string }; steps: { n: number; text: string }[] }[];
      deltas: unknown[];
    }>(
      postJson(app, "/api/migrate", {
        from: "case:serverless-2020-seed-case-2",
        via: ["case:serverless-2023-seed-case-2"],
        to: "case:serverless-2025-seed-case-2",
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.legs).toHaveLength(2);
    expect(r.body.legs[0]?.from.record).toBe("case:serverless-2020-seed-case-2");
    expect(r.body.legs.flatMap((l) => l.steps).length).toBeGreaterThan(0);
    expect(r.body.deltas.length).toBeGreaterThan(0);
    const parts = await json(postJson(app, "/api/migrate?lang=zh", { from: "K8s + containerd", to: "K3s + WasmEdge" }));
    expect(parts.status).toBe(200);
  });
  it("refuses bad input, 404 for unknown parts", async () => {
    const e = expectError(await json(postJson(app, "/api/migrate", { from: 1, via: "x", extra: true })), 400);
    expect(paths(e)).toEqual(expect.arrayContaining(["body.from", "body.to", "body.via"]));
    const u = expectError(await json(postJson(app, "/api/migrate", { from: "K3s + Wasmedgy", to: "K3s" })), 404);
    expect(u.error.suggestions).toContain("wasmedge");
    expectError(await json(postJson(app, "/api/migrate", "{not json")), 400, "INVALID_INPUT");
  });
});

describe("POST /api/observe", () => {
  it("reports a stack's signal coverage, verdict and gaps", async () => {
    const r = await json<{
      stack: { label: string };
      coverage: { signal: string }[];
      complete: boolean;
      gaps: { tools: unknown[] }[];
    }>(postJson(app, "/api/observe", { stack: "K3s + WasmEdge + OpenTelemetry", top: 2 }));
    expect(r.status).toBe(200);
    expect(r.body.coverage.map((c) => c.signal)).toEqual(expect.arrayContaining(["O1", "O2"]));
    expect(typeof r.body.complete).toBe("boolean");
    for (const g of r.body.gaps) expect(g.tools.length).toBeLessThanOrEqual(2);
    const rec = await json(postJson(app, "/api/observe", { stack: "case:serverless-2020-seed-case-2", year: 2020 }));
    expect(rec.status).toBe(200);
  });
  it("refuses bad input, 404 for unknown parts", async () => {
    const e = expectError(await json(postJson(app, "/api/observe", { stack: "", top: 0, year: 1800 })), 400);
    expect(paths(e)).toEqual(expect.arrayContaining(["body.stack", "body.top", "body.year"]));
    expectError(await json(postJson(app, "/api/observe", { stack: "K3s + Wasmedgy" })), 404, "NOT_FOUND");
  });
});

describe("POST /api/diagnose and GET /api/diagnose/matrix", () => {
  it("localises a fault from a vertical and a horizontal signal", async () => {
    const r = await json<{
      layer: { code: string };
      cell: { row: string | null; column: string };
      causes: unknown[];
      fixes: unknown[];
      service?: string;
    }>(
      postJson(app, "/api/diagnose", {
        vertical: "OOMKilled",
        horizontal: "span duration 2s",
        service: "checkout",
        stack: "K3s + WasmEdge",
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.cell.column).toBe(r.body.layer.code);
    expect(r.body.cell.row).not.toBeNull();
    expect(r.body.service).toBe("checkout");
    expect(r.body.fixes.length).toBeGreaterThan(0);
  });
  it("answers the O1 × O2 matrix", async () => {
    const r = await json<{ rows: unknown[]; columns: { code: string }[]; cells: unknown[] }>(
      app.request("/api/diagnose/matrix?lang=zh"),
    );
    expect(r.status).toBe(200);
    expect(r.body.columns.length).toBeGreaterThan(0);
    expect(r.body.cells.length).toBeGreaterThan(0);
  });
  it("refuses bad input", async () => {
    const e = expectError(await json(postJson(app, "/api/diagnose", { horizontal: 5 })), 400, "INVALID_INPUT");
    expect(paths(e)).toEqual(expect.arrayContaining(["body.vertical", "body.horizontal"]));
    expectError(
      await json(postJson(app, "/api/diagnose", { vertical: "OOMKilled", stack: "K3s + Wasmedgy" })),
      404,
      "NOT_FOUND",
    );
    // A signal no rule matches is answered as the engine reports it: not found.
    expectError(await json(postJson(app, "/api/diagnose", { vertical: "the moon is blue" })), 404, "NOT_FOUND");
    expectError(await json(app.request("/api/diagnose/matrix?lang=fr")), 400, "INVALID_INPUT");
  });
});

describe("GET /api/analyze", () => {
  it("analyses the network, or the part the list filters keep", async () => {
    const all = await json<{ nodes: number; centrality: unknown[] }>(app.request("/api/analyze"));
    expect(all.status).toBe(200);
    expect(all.body.centrality).toHaveLength(10);
    const r = await json<{
      nodes: number;
      centrality: unknown[];
      matrices: { levels: { dimension: string } };
    }>(app.request("/api/analyze?level=L-4&role=runtime&top=3&matrixDimension=X"));
    expect(r.status).toBe(200);
    expect(r.body.nodes).toBeLessThan(all.body.nodes);
    expect(r.body.centrality.length).toBeLessThanOrEqual(3);
    expect(r.body.matrices.levels.dimension).toBe("X");
  });
  it("refuses bad filters", async () => {
    const e = expectError(await json(app.request("/api/analyze?top=0&since=x&role=nope")), 400, "INVALID_INPUT");
    expect(paths(e)).toEqual(expect.arrayContaining(["query.top", "query.since"]));
    const d = expectError(await json(app.request("/api/analyze?matrixDimension=Q")), 400, "INVALID_ARGUMENT");
    expect(d.error.suggestions).toContain("D");
    expectError(await json(app.request("/api/analyze?level=L-9")), 400);
    expectError(await json(app.request("/api/analyze?scenario=nowhere")), 400);
  });
});

describe("GET /api/export", () => {
  it("exports the network as JSON by default", async () => {
    const r = await json<{ title: string; nodes: { id: string }[]; edges: unknown[] }>(app.request("/api/export"));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.body.nodes.length).toBeGreaterThan(100);
  });
  it.each([
    ["csv", /^text\/csv/, /^from,to,type/],
    ["mermaid", /^text\/vnd\.mermaid/, /^flowchart LR/],
    ["dot", /^text\/vnd\.graphviz/, /^digraph /],
    ["cypher", /^text\/plain/, /CREATE|MERGE/],
  ])("as=%s with its media type and an ETag", async (as, type, start) => {
    const res = await app.request(`/api/export?as=${as}&level=L-4`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(type);
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(await res.text()).toMatch(start);
    const again = await app.request(`/api/export?as=${as}&level=L-4`, { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status).toBe(304);
  });
  it("exports a stack and a migration", async () => {
    const stack = await app.request(`/api/export?as=mermaid&stack=${encodeURIComponent("K3s + WasmEdge")}`);
    expect(stack.status).toBe(200);
    expect(await stack.text()).toContain("K3s");
    const nodes = await app.request(
      "/api/export?as=csv&table=nodes&from=case:serverless-2020-seed-case-2&to=case:serverless-2025-seed-case-2",
    );
    expect(nodes.status).toBe(200);
    expect(await nodes.text()).toContain("stack-0");
  });
  it("refuses bad input", async () => {
    const e = expectError(await json(app.request("/api/export?as=pdf&table=rows")), 400, "INVALID_INPUT");
    expect(paths(e)).toEqual(expect.arrayContaining(["query.as", "query.table"]));
    expectError(await json(app.request("/api/export?from=K3s")), 400, "INVALID_ARGUMENT");
    expectError(await json(app.request("/api/export?via=K3s")), 400, "INVALID_ARGUMENT");
    expectError(await json(app.request("/api/export?stack=K3s&from=K3s&to=K8s")), 400, "INVALID_ARGUMENT");
    expectError(await json(app.request(`/api/export?stack=${encodeURIComponent("K3s + Wasmedgy")}`)), 404);
  });
});

describe("GET /api/graph", () => {
  it("answers every technology and relation, as buildGraph has them, with an ETag", async () => {
    const r = await json<{
      counts: { nodes: number; edges: number };
      nodes: {
        id: string;
        names: { en: string; zh: string };
        position: Record<string, string[]>;
        releasedYear: number;
        cncf?: { maturity: string; accepted: string };
      }[];
      edges: { id: string; type: string; source: string; target: string; anyOf?: string; sourceId: string }[];
    }>(app.request("/api/graph"));
    expect(r.status).toBe(200);
    const kb = builtInSource().current();
    const g = buildGraph(kb);
    expect(r.body.counts).toEqual({ nodes: g.order, edges: g.size });
    expect(r.body.nodes).toHaveLength(kb.technologies.size);
    const k3s = r.body.nodes.find((n) => n.id === "k3s");
    expect(k3s?.names.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(k3s?.position.X).toBeDefined();
    expect(k3s?.cncf?.maturity).toBeDefined();
    expect(new Set(r.body.edges.map((e) => e.id)).size).toBe(r.body.edges.length);
    const ids = new Set(r.body.nodes.map((n) => n.id));
    for (const e of r.body.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(kb.sources.has(e.sourceId)).toBe(true);
    }
    const groups = new Map<string, number>();
    for (const e of r.body.edges) if (e.anyOf) groups.set(e.anyOf, (groups.get(e.anyOf) ?? 0) + 1);
    expect([...groups.values()].some((n) => n > 1)).toBe(true);
    const etag = r.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await app.request("/api/graph", { headers: { "If-None-Match": etag ?? "" } })).status).toBe(304);
    const uncached = testApp({ cache: false, landscape });
    expect((await uncached.request("/api/graph")).headers.get("etag")).toBe(etag);
  });
  it("refuses a bad lang", async () => {
    expectError(await json(app.request("/api/graph?lang=fr")), 400, "INVALID_INPUT");
  });
});

describe("GET /api/dimensions", () => {
  it("answers the seven dimensions with levels, orderings and rules", async () => {
    const r = await json<{
      count: number;
      dimensions: {
        key: string;
        names: { zh: string };
        levels: { code: string; technologies: number }[];
        orderings: { id: string; rank: Record<string, number>; classes: string[][] }[];
        rules: { id: string }[];
        values?: { id: string }[];
      }[];
    }>(app.request("/api/dimensions?lang=zh"));
    expect(r.status).toBe(200);
    expect(r.body.dimensions.map((d) => d.key)).toEqual(["D", "X", "Z", "T", "A", "S", "O"]);
    const d = r.body.dimensions[0];
    expect(d?.levels.map((l) => l.code)).toContain("L-4");
    expect(d?.levels.reduce((n, l) => n + l.technologies, 0)).toBeGreaterThan(0);
    const strength = d?.orderings.find((o) => o.id === d.orderings[0]?.id);
    expect(Object.keys(strength?.rank ?? {}).length).toBeGreaterThan(0);
    expect(r.body.dimensions.find((x) => x.key === "S")?.values?.map((v) => v.id)).toContain("edge");
    expect(r.body.dimensions.find((x) => x.key === "O")?.rules.length).toBeGreaterThan(0);
  });
  it("refuses a bad lang", async () => {
    expectError(await json(app.request("/api/dimensions?lang=xx")), 400, "INVALID_INPUT");
  });
});

describe("GET /api/sources/{id}", () => {
  it("answers a source and what cites it", async () => {
    const r = await json<{ id: string; title: string; grade: string; citedBy: { technologies: string[] } }>(
      app.request("/api/sources/seed-30-6"),
    );
    expect(r.status).toBe(200);
    expect(r.body.grade).toBe("C");
    expect(r.body.citedBy.technologies.length).toBeGreaterThan(0);
  });
  it("answers 404 with the nearest ids, 400 for an over-long id", async () => {
    const e = expectError(await json(app.request("/api/sources/seed-30")), 404, "NOT_FOUND");
    expect(e.error.suggestions).toContain("seed-30-6");
    expectError(await json(app.request(`/api/sources/${"a".repeat(300)}`)), 400, "INVALID_INPUT");
  });
});

describe("the OpenAPI document", () => {
  it("lists every route added here", async () => {
    const r = await json<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>(app.request("/api/openapi.json"));
    const ops = Object.entries(r.body.paths).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops).toEqual(
      expect.arrayContaining([
        "GET /api/timeline",
        "GET /api/predict/scenarios/{scenario}",
        "GET /api/predict/projects",
        "GET /api/predict/backtest",
        "POST /api/migrate",
        "POST /api/observe",
        "POST /api/diagnose",
        "GET /api/diagnose/matrix",
        "GET /api/analyze",
        "GET /api/export",
        "GET /api/graph",
        "GET /api/dimensions",
        "GET /api/sources/{id}",
      ]),
    );
    expect(Object.keys(r.body.components.schemas)).toEqual(
      expect.arrayContaining([
        "Timeline",
        "ScenarioForecast",
        "ProjectForecasts",
        "ProjectBacktest",
        "MigrationPlan",
        "ObserveResult",
        "Diagnosis",
        "LocalisationMatrix",
        "NetworkAnalysis",
        "ExportGraph",
        "NetworkGraph",
        "DimensionList",
        "Source",
      ]),
    );
    const exportGet = r.body.paths["/api/export"]?.get as
      | { responses: Record<string, { content: Record<string, unknown> }> }
      | undefined;
    const exportTypes = Object.keys(exportGet?.responses["200"]?.content ?? {});
    expect(exportTypes).toEqual(
      expect.arrayContaining(["application/json", "text/csv", "text/vnd.mermaid", "text/vnd.graphviz", "text/plain"]),
    );
  });
});
