// Every route the API documents answers what its schema says: the routes are read from the app's own OpenAPI
// registry (a new route without samples here fails the first test), each is called with real requests on the
// built-in knowledge base, in English and Chinese, and each 200 answer is checked against the zod schema the
// route declares for it — the schema the web UI's types are inferred from.
import type { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { postJson, testApp } from "./_server.js";

const app = testApp();

interface RouteDefinition {
  readonly method: string;
  readonly path: string;
  readonly responses: Readonly<
    Record<string, { readonly content?: Readonly<Record<string, { readonly schema: unknown }>> } | undefined>
  >;
}

/** The documented routes, as `"GET /api/x/{id}"` → the route's definition. */
const ROUTES = new Map<string, RouteDefinition>(
  (app.openAPIRegistry.definitions as readonly { type: string; route?: RouteDefinition }[])
    .filter((d) => d.type === "route" && d.route !== undefined)
    .map((d) => [`${d.route!.method.toUpperCase()} ${d.route!.path}`, d.route!] as const),
);

interface Sample {
  readonly url: string;
  readonly body?: unknown;
}

const CASE_2 = {
  from: "case:serverless-2020-seed-case-2",
  via: ["case:serverless-2023-seed-case-2"],
  to: "case:serverless-2025-seed-case-2",
};

/** Real requests of each route (`lang=zh` is added to each for a second call). */
const SAMPLES: Readonly<Record<string, readonly Sample[]>> = {
  "GET /api/technologies": [{ url: "/api/technologies" }, { url: "/api/technologies?level=L-4&role=runtime" }],
  "GET /api/technologies/{id}": [{ url: "/api/technologies/wasmedge" }, { url: "/api/technologies/kubernetes" }],
  "GET /api/dimensions": [{ url: "/api/dimensions" }],
  "GET /api/graph": [{ url: "/api/graph" }],
  "GET /api/scenarios": [{ url: "/api/scenarios" }],
  "GET /api/scenarios/{id}": [{ url: "/api/scenarios/edge" }, { url: "/api/scenarios/serverless?year=2021" }],
  "GET /api/lookup": [
    { url: `/api/lookup?coordinate=${encodeURIComponent("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)")}` },
    { url: `/api/lookup?coordinate=${encodeURIComponent("(4, 2, 3, 2021, 1, edge, *)")}` },
  ],
  "POST /api/lookup": [{ url: "/api/lookup", body: { coordinate: "D=4 X=2 S=edge" } }],
  "POST /api/locate": [
    { url: "/api/locate", body: { stack: "K3s + WasmEdge + Gatekeeper" } },
    { url: "/api/locate", body: { stack: "gVisor + WasmEdge + Kata" } },
  ],
  "GET /api/path/{scenario}": [{ url: "/api/path/serverless" }, { url: "/api/path/edge?from=2019&to=2025" }],
  "POST /api/compare": [
    { url: "/api/compare", body: { a: "gvisor", b: "runc" } },
    { url: "/api/compare", body: { a: CASE_2.from, b: CASE_2.to } },
  ],
  "POST /api/recommend": [
    {
      url: "/api/recommend?top=3&weights=hand&pareto=true",
      body: {
        scenario: "edge",
        year: 2025,
        must: { coldStartMs: { max: 10 }, memoryMiB: { max: 5 }, policy: { atLeast: "Z3" } },
      },
    },
  ],
  "GET /api/timeline": [{ url: "/api/timeline" }],
  "GET /api/predict/scenarios/{scenario}": [{ url: "/api/predict/scenarios/edge" }],
  "GET /api/predict/projects": [{ url: "/api/predict/projects" }],
  "GET /api/predict/backtest": [{ url: "/api/predict/backtest" }],
  "POST /api/design": [
    {
      url: "/api/design",
      body: {
        system:
          "workloads:\n  - name: inference\n    must: { gpu: true }\n  - name: plugins\n    must: { untrustedCode: true }\n",
      },
    },
  ],
  "POST /api/migrate": [{ url: "/api/migrate", body: CASE_2 }],
  "POST /api/observe": [{ url: "/api/observe", body: { stack: "K3s + WasmEdge + OpenTelemetry" } }],
  "POST /api/diagnose": [{ url: "/api/diagnose", body: { vertical: "OOMKilled", horizontal: "span duration 2s" } }],
  "GET /api/diagnose/matrix": [{ url: "/api/diagnose/matrix" }],
  "GET /api/analyze": [{ url: "/api/analyze" }, { url: "/api/analyze?matrixDimension=X" }],
  "GET /api/export": [
    { url: "/api/export" },
    { url: `/api/export?stack=${encodeURIComponent("K3s + WasmEdge + Gatekeeper")}` },
    { url: "/api/export?as=csv&table=nodes&level=L-4" },
    { url: `/api/export?as=mermaid&from=${CASE_2.from}&to=${CASE_2.to}` },
    { url: "/api/export?as=dot&role=runtime" },
    { url: "/api/export?as=cypher&scenario=edge" },
  ],
  "GET /api/sources/{id}": [{ url: "/api/sources/seed-30-6" }],
  "GET /api/validate": [{ url: "/api/validate" }],
  "GET /api/kb/status": [{ url: "/api/kb/status" }],
  "GET /healthz": [{ url: "/healthz" }],
  "GET /readyz": [{ url: "/readyz" }],
};

const withZh = (url: string) => `${url}${url.includes("?") ? "&" : "?"}lang=zh`;

async function call(sample: Sample, url: string): Promise<Response> {
  return sample.body === undefined ? await app.request(url) : await postJson(app, url, sample.body);
}

/** The schema of a route's 200 answer in a media type. */
function schemaOf(route: RouteDefinition, type: string): z.ZodType | undefined {
  return route.responses["200"]?.content?.[type]?.schema as z.ZodType | undefined;
}

describe("every route's answer matches its declared response schema", () => {
  it("every documented route has sample requests here, and every sample is a documented route", () => {
    expect([...ROUTES.keys()].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const [key, samples] of Object.entries(SAMPLES)) {
    it(`${key}: each answer, in English and Chinese`, async () => {
      const route = ROUTES.get(key);
      expect(route, `${key} is documented`).toBeDefined();
      for (const sample of samples) {
        for (const url of [sample.url, withZh(sample.url)]) {
          const res = await call(sample, url);
          expect(res.status, url).toBe(200);
          const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
          const schema = schemaOf(route!, type);
          expect(
            route!.responses["200"]?.content?.[type],
            `${url} answers ${type}, which ${key} documents`,
          ).toBeDefined();
          if (type !== "application/json") {
            // A text export: its media type is documented (above), and it has content.
            expect((await res.text()).length, url).toBeGreaterThan(0);
            continue;
          }
          expect(schema, `${key} declares a schema for its JSON answer`).toBeDefined();
          const parsed = schema!.safeParse(await res.json());
          expect(parsed.success ? [] : parsed.error.issues.slice(0, 5), url).toEqual([]);
        }
      }
    }, 240_000);
  }

  // Negative control: the check can fail — an answer that breaks a route's schema is caught.
  it("a broken answer fails its route's schema", async () => {
    const schema = schemaOf(ROUTES.get("POST /api/migrate")!, "application/json")!;
    const res = await postJson(app, "/api/migrate", CASE_2);
    const good = (await res.json()) as { legs: { steps: { n: unknown }[] }[] };
    expect(schema.safeParse(good).success).toBe(true);
    good.legs[0]!.steps[0]!.n = "one";
    expect(schema.safeParse(good).success).toBe(false);
  });

  // The recommend answer is declared to its leaves: a stack's term, a requirement in force and a step-1
  // reason each break the schema when their shape does.
  it("a recommend answer with a broken term, requirement in force or dimension reason fails its schema", async () => {
    const schema = schemaOf(ROUTES.get("POST /api/recommend")!, "application/json")!;
    const res = await postJson(app, "/api/recommend?top=2&weights=hand", {
      scenario: "edge",
      must: { policy: { atLeast: "Z3" } },
    });
    const good = await res.json();
    expect(schema.safeParse(good).success).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: the answer is broken on purpose, past its type
    const breaks: ((a: any) => void)[] = [
      (a) => (a.stacks[0].terms[0].weight = "0.3"),
      (a) => (a.requirements.inForce[0].origin = "guess"),
      (a) => (a.analysis.dimensions[0].because = [{ requirement: "x" }]),
      (a) => delete a.stacks[0].figures.instance,
    ];
    for (const b of breaks) {
      const copy = structuredClone(good);
      b(copy);
      expect(schema.safeParse(copy).success, String(b)).toBe(false);
    }
  });
});
