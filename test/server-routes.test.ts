// Every route of the HTTP API through app.request(): a success and bad input for each.
import { beforeAll, describe, expect, it } from "vitest";
import type { AtlasApp } from "../src/server/app-env.js";
import { type ErrorJson, expectError, json, postJson, testApp } from "./_server.js";

let app: AtlasApp;
beforeAll(() => {
  app = testApp();
});

const EDGE = "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)";

describe("GET /api/technologies", () => {
  it("lists with every filter as query params", async () => {
    const all = await json<{ count: number; technologies: { id: string }[] }>(app.request("/api/technologies"));
    expect(all.status).toBe(200);
    expect(all.body.count).toBeGreaterThan(100);
    const r = await json<{ count: number; technologies: { id: string; role: string; released: number }[] }>(
      app.request("/api/technologies?level=L-4&role=runtime&since=2015&until=2025&text=wasm&cncf=any"),
    );
    expect(r.status).toBe(200);
    expect(r.body.technologies.length).toBeGreaterThan(0);
    for (const t of r.body.technologies) {
      expect(t.role).toBe("runtime");
      expect(t.released).toBeGreaterThanOrEqual(2015);
    }
    const repeated = await json<{ count: number }>(app.request("/api/technologies?level=L-4&level=X2"));
    const commas = await json<{ count: number }>(app.request("/api/technologies?level=L-4,X2"));
    expect(repeated.body.count).toBe(commas.body.count);
    const edge = await json<{ count: number }>(
      app.request(`/api/technologies?scenario=${encodeURIComponent("边缘计算")}`),
    );
    expect(edge.body.count).toBeGreaterThan(0);
  });
  it("answers in Chinese with lang=zh", async () => {
    const r = await json<{ technologies: { id: string; name: string }[] }>(
      app.request("/api/technologies?text=k3s&lang=zh"),
    );
    expect(r.body.technologies.find((t) => t.id === "k3s")?.name).toMatch(/[\u4e00-\u9fff]/);
  });
  it("refuses bad filters with every issue", async () => {
    const e = expectError(
      await json(app.request("/api/technologies?role=nope&since=19x9&cncf=maybe&lang=fr")),
      400,
      "INVALID_INPUT",
    );
    const paths = e.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["query.since", "query.cncf", "query.lang"]));
    expect(paths.some((p) => p.startsWith("query.role"))).toBe(true);
    const level = expectError(await json(app.request("/api/technologies?level=L-9")), 400, "INVALID_ARGUMENT");
    expect(level.error.suggestions.length).toBeGreaterThan(0);
    expectError(await json(app.request("/api/technologies?since=2025&until=2019")), 400);
    expectError(await json(app.request("/api/technologies?scenario=nowhere")), 400);
    expectError(await json(app.request(`/api/technologies?text=${"x".repeat(201)}`)), 400, "INVALID_INPUT");
  });
});

describe("GET /api/technologies/{id}", () => {
  it("shows a technology by id, alias or Chinese name", async () => {
    const r = await json<{ id: string; facts: unknown[]; relations: unknown[] }>(app.request("/api/technologies/K8s"));
    expect(r.status).toBe(200);
    expect(r.body.id).toBe("kubernetes");
    const zh = await json<{ id: string }>(
      app.request(`/api/technologies/${encodeURIComponent("K3s 轻量级 Kubernetes")}`),
    );
    expect(zh.body.id).toBe("k3s");
  });
  it("answers 404 with the nearest names", async () => {
    const e = expectError(await json(app.request("/api/technologies/k9s")), 404, "NOT_FOUND");
    expect(e.error.suggestions).toContain("k3s");
    expectError(await json(app.request(`/api/technologies/${"a".repeat(300)}`)), 400, "INVALID_INPUT");
  });
});

describe("GET /api/scenarios and /api/scenarios/{id}", () => {
  it("lists the scenarios", async () => {
    const r = await json<{ count: number; scenarios: { id: string; cases: number }[] }>(app.request("/api/scenarios"));
    expect(r.status).toBe(200);
    expect(r.body.scenarios.map((s) => s.id)).toContain("edge");
  });
  it("analyses one, by Chinese name too", async () => {
    const r = await json<{ scenario: { id: string }; stacks: unknown[] }>(
      app.request(`/api/scenarios/${encodeURIComponent("边缘计算")}?lang=zh`),
    );
    expect(r.status).toBe(200);
    expect(r.body.scenario.id).toBe("edge");
    expect(r.body.stacks.length).toBeGreaterThan(0);
  });
  it("answers 404 with the nearest scenarios, 400 for a bad lang", async () => {
    const e = expectError(await json(app.request("/api/scenarios/edgy")), 404, "NOT_FOUND");
    expect(e.error.suggestions.join(" ")).toContain("edge");
    expectError(await json(app.request("/api/scenarios?lang=de")), 400, "INVALID_INPUT");
  });
});

describe("GET and POST /api/lookup", () => {
  it("finds the stacks at a coordinate (GET)", async () => {
    const r = await json<{ exact: boolean; matches: { stack: { label: string } }[]; query: { text: string } }>(
      app.request(`/api/lookup?coordinate=${encodeURIComponent(EDGE)}`),
    );
    expect(r.status).toBe(200);
    expect(r.body.exact).toBe(true);
    expect(r.body.matches[0]?.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
    expect(r.body.query.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
  });
  it("finds the nearest with top (POST)", async () => {
    const r = await json<{ exact: boolean; matches: unknown[] }>(
      postJson(app, "/api/lookup", { coordinate: "(0, 4, 0, 1999, 7, iot, *)", top: 2 }),
    );
    expect(r.status).toBe(200);
    expect(r.body.exact).toBe(false);
    expect(r.body.matches).toHaveLength(2);
  });
  it("refuses bad input", async () => {
    expectError(await json(app.request("/api/lookup")), 400, "INVALID_INPUT");
    expectError(await json(app.request("/api/lookup?coordinate=(9,9,9)")), 400, "INVALID_COORDINATE");
    expectError(
      await json(app.request(`/api/lookup?coordinate=${encodeURIComponent(EDGE)}&top=0`)),
      400,
      "INVALID_INPUT",
    );
    expectError(await json(app.request(`/api/lookup?coordinate=${encodeURIComponent(EDGE)}&top=abc`)), 400);
    expectError(await json(app.request("/api/lookup?coordinate=a&coordinate=b")), 400, "INVALID_INPUT");
    const body = expectError(
      await json(postJson(app, "/api/lookup", { coordinate: 42, top: "5", extra: 1 })),
      400,
      "INVALID_INPUT",
    );
    expect(body.error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["body.coordinate", "body.top"]),
    );
    expectError(await json(postJson(app, "/api/lookup", "{not json")), 400, "INVALID_INPUT");
    expectError(
      await json(postJson(app, "/api/lookup", '{"__proto__": {"polluted": true}, "coordinate": "D=4"}')),
      400,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("POST /api/locate", () => {
  it("locates a stack", async () => {
    const r = await json<{ coordinate: { text: string }; complete: boolean }>(
      postJson(app, "/api/locate", {
        stack: "K3s + WasmEdge + Gatekeeper",
        scenario: "边缘计算",
        year: 2025,
        view: "A1",
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.coordinate.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
  });
  it("answers two orchestrators with every part placed and consistent: false", async () => {
    const r = await json<{ consistent: boolean; parts: { id: string; slot: string }[]; rivals: { kept: string }[] }>(
      postJson(app, "/api/locate", { stack: "K3s + Kubernetes" }),
    );
    expect(r.status).toBe(200);
    expect(r.body.consistent).toBe(false);
    expect(r.body.parts).toEqual([
      { id: "k3s", slot: "orchestrator" },
      { id: "kubernetes", slot: "supporting" },
    ]);
    expect(r.body.rivals.map((x) => x.kept)).toEqual(["k3s"]);
  });
  it("refuses bad input, 404 for unknown parts", async () => {
    const e = expectError(await json(postJson(app, "/api/locate", { stack: "K3s + Wasmedgy" })), 404, "NOT_FOUND");
    expect(e.error.suggestions).toContain("wasmedge");
    expectError(await json(postJson(app, "/api/locate", { stack: "" })), 400, "INVALID_INPUT");
    expectError(await json(postJson(app, "/api/locate", { stack: "K3s", year: 1800 })), 400, "INVALID_INPUT");
    expectError(await json(postJson(app, "/api/locate", { stack: "K3s", view: "A99" })), 400, "INVALID_ARGUMENT");
    expectError(await json(postJson(app, "/api/locate", { stack: "K3s", scenario: "nowhere" })), 404, "NOT_FOUND");
    expectError(await json(postJson(app, "/api/locate", [])), 400, "INVALID_INPUT");
  });
});

describe("GET /api/path/{scenario}", () => {
  it("answers the path year by year", async () => {
    const r = await json<{ from: number; to: number; series: string | null; years: { year: number }[] }>(
      app.request("/api/path/serverless?from=2020&to=2025&series=seed-case-2"),
    );
    expect(r.status).toBe(200);
    expect(r.body.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(r.body.series).toBe("seed-case-2");
  });
  it("refuses bad years and unknown series or scenarios", async () => {
    expectError(await json(app.request("/api/path/serverless?from=20x0")), 400, "INVALID_INPUT");
    expectError(await json(app.request("/api/path/serverless?from=2025&to=2020")), 400, "INVALID_ARGUMENT");
    const series = expectError(await json(app.request("/api/path/serverless?series=nope")), 400);
    expect(series.error.suggestions).toContain("seed-case-2");
    expectError(await json(app.request("/api/path/serverles")), 404, "NOT_FOUND");
  });
});

describe("POST /api/compare", () => {
  it("compares two recorded stacks", async () => {
    const r = await json<{ deltas: { dimension: string }[]; a: { kind: string } }>(
      postJson(app, "/api/compare", { a: "case:serverless-2020-seed-case-2", b: "case:serverless-2025-seed-case-2" }),
    );
    expect(r.status).toBe(200);
    expect(r.body.a.kind).toBe("record");
    expect(r.body.deltas.length).toBeGreaterThan(0);
  });
  it("refuses bad input", async () => {
    expectError(await json(postJson(app, "/api/compare", { a: "gvisor" })), 400, "INVALID_INPUT");
    expectError(await json(postJson(app, "/api/compare", { a: "gvisor", b: "nothing-like-it" })), 404);
  });
});

describe("GET /api/validate and /api/kb/status", () => {
  it("reports the knowledge base as the CLI's validate does", async () => {
    const r = await json<{
      valid: boolean;
      errors: unknown[];
      warnings: unknown[];
      counts: { technologies: number; perLevel: Record<string, unknown> };
    }>(app.request("/api/validate"));
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(true);
    expect(r.body.errors).toEqual([]);
    expect(r.body.counts.technologies).toBeGreaterThan(100);
    expect(Object.keys(r.body.counts.perLevel)).toContain("D");
    expectError(await json(app.request("/api/validate?lang=xx")), 400, "INVALID_INPUT");
  });
  it("reports the status of the served knowledge base", async () => {
    const r = await json<{ generation: number; current: boolean; watching: boolean; lastAttempt: { ok: boolean } }>(
      app.request("/api/kb/status"),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ generation: 1, current: true, watching: false, lastAttempt: { ok: true } });
    const post = await json(postJson(app, "/api/kb/status", {}));
    expectError(post, 405, "METHOD_NOT_ALLOWED");
  });
});

describe("health, readiness, OpenAPI and /", () => {
  it("answers /healthz and /readyz, and readiness fails while draining", async () => {
    expect((await json(app.request("/healthz"))).body).toEqual({ status: "ok" });
    expect((await app.request("/readyz")).status).toBe(200);
    const draining = testApp({ isDraining: () => true });
    const r = await json<{ status: string }>(draining.request("/readyz"));
    expect(r.status).toBe(503);
    expect(r.body.status).toBe("unavailable");
    expect((await app.request("/healthz", { method: "POST" })).status).toBe(405);
  });
  it("serves an OpenAPI 3.1 document with every route", async () => {
    const r = await json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>(app.request("/api/openapi.json"));
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    const ops = Object.entries(r.body.paths).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops).toEqual(
      expect.arrayContaining([
        "GET /api/technologies",
        "GET /api/technologies/{id}",
        "GET /api/scenarios",
        "GET /api/scenarios/{id}",
        "GET /api/lookup",
        "POST /api/lookup",
        "POST /api/locate",
        "GET /api/path/{scenario}",
        "POST /api/compare",
        "GET /api/validate",
        "GET /api/kb/status",
        "GET /healthz",
        "GET /readyz",
      ]),
    );
    expect(Object.keys(r.body.components.schemas)).toEqual(
      expect.arrayContaining(["Coordinate", "Error", "LookupResult"]),
    );
    expect((await app.request("/api/openapi.json?lang=zz")).status).toBe(200);
  });
  it("serves an honest page at / naming the API when there is no UI build", async () => {
    const r = await app.request("/");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toContain("/api/openapi.json");
    expect(html).toContain("/api/lookup");
    expect(html).toMatch(/no web UI/);
    expect(html).not.toMatch(/<script/);
  });
  it("answers 404 for unknown routes and 405 for known ones with another method", async () => {
    expectError(await json(app.request("/api/nothing-here")), 404, "NOT_FOUND");
    const r = await app.request("/api/lookup", { method: "DELETE" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(
      (
        await app.request("/api/technologies/k3s", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(405);
  });
});
