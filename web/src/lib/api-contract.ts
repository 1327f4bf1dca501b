/**
 * @module web/lib/api-contract — every route of the HTTP API with its request and its answer, as TypeScript
 * types inferred from the server's zod schemas (the same schemas that validate requests and make the OpenAPI
 * document). Type imports only: nothing of the server reaches the browser bundle, and a change to a schema is a
 * type error in the UI until the UI follows it.
 */
import type { z } from "@hono/zod-openapi";
import type { AnalyzeQuery, NetworkAnalysis } from "../../../src/server/schemas/analyze.js";
import type { CompareBody, Comparison } from "../../../src/server/schemas/compare.js";
import type { DesignBody, DesignResult } from "../../../src/server/schemas/design.js";
import type { DiagnoseBody, Diagnosis, LocalisationMatrix } from "../../../src/server/schemas/diagnose.js";
import type { DimensionList } from "../../../src/server/schemas/dimensions.js";
import type { ErrorBody } from "../../../src/server/schemas/error-body.js";
import type { ExportGraph, ExportQuery } from "../../../src/server/schemas/export.js";
import type { NetworkGraph } from "../../../src/server/schemas/graph.js";
import type { Health } from "../../../src/server/schemas/health.js";
import type { KbStatus } from "../../../src/server/schemas/kb-status.js";
import type { LocateBody, LocateResult } from "../../../src/server/schemas/locate.js";
import type { LookupBody, LookupQuery, LookupResult } from "../../../src/server/schemas/lookup.js";
import type { MigrateBody, MigrationPlan } from "../../../src/server/schemas/migrate.js";
import type { ObserveBody, ObserveResult } from "../../../src/server/schemas/observe.js";
import type { PathQuery, ScenarioPath } from "../../../src/server/schemas/path.js";
import type {
  BacktestQuery,
  ProjectBacktest,
  ProjectForecastQuery,
  ProjectForecasts,
  ScenarioForecast,
  ScenarioForecastQuery,
} from "../../../src/server/schemas/predict.js";
import type { RecommendBody, RecommendQuery, RecommendResult } from "../../../src/server/schemas/recommend.js";
import type { ScenarioAnalysis, ScenarioList, ScenarioQuery } from "../../../src/server/schemas/scenario.js";
import type { SourceOut } from "../../../src/server/schemas/source.js";
import type { TechnologyDetail, TechnologyList, TechnologyQuery } from "../../../src/server/schemas/technology.js";
import type { Timeline, TimelineQuery } from "../../../src/server/schemas/timeline.js";
import type { ValidateReport } from "../../../src/server/schemas/validate.js";

type Out<S extends z.ZodType> = z.output<S>;
/** A query's keys, each a value the URL can carry (the server parses and checks them). */
type Query<S extends z.ZodType> = { readonly [K in keyof z.input<S>]?: QueryValue };
export type QueryValue = string | number | boolean | readonly string[] | undefined | null;
type NoQuery = Readonly<Record<never, QueryValue>>;

/** `"METHOD /path/{param}"` → what it takes (`query`, `body`) and what it answers (`answer`, status 200). */
export interface ApiRoutes {
  "GET /api/technologies": { query: Query<typeof TechnologyQuery>; answer: Out<typeof TechnologyList> };
  "GET /api/technologies/{id}": { query: NoQuery; answer: Out<typeof TechnologyDetail> };
  "GET /api/dimensions": { query: NoQuery; answer: Out<typeof DimensionList> };
  "GET /api/graph": { query: NoQuery; answer: Out<typeof NetworkGraph> };
  "GET /api/scenarios": { query: NoQuery; answer: Out<typeof ScenarioList> };
  "GET /api/scenarios/{id}": { query: Query<typeof ScenarioQuery>; answer: Out<typeof ScenarioAnalysis> };
  "GET /api/lookup": { query: Query<typeof LookupQuery>; answer: Out<typeof LookupResult> };
  "POST /api/lookup": { query: NoQuery; body: z.input<typeof LookupBody>; answer: Out<typeof LookupResult> };
  "POST /api/locate": { query: NoQuery; body: z.input<typeof LocateBody>; answer: Out<typeof LocateResult> };
  "GET /api/path/{scenario}": { query: Query<typeof PathQuery>; answer: Out<typeof ScenarioPath> };
  "POST /api/compare": { query: NoQuery; body: z.input<typeof CompareBody>; answer: Out<typeof Comparison> };
  "POST /api/recommend": {
    query: Query<typeof RecommendQuery>;
    body: z.input<typeof RecommendBody>;
    answer: Out<typeof RecommendResult>;
  };
  "GET /api/timeline": { query: Query<typeof TimelineQuery>; answer: Out<typeof Timeline> };
  "GET /api/predict/scenarios/{scenario}": {
    query: Query<typeof ScenarioForecastQuery>;
    answer: Out<typeof ScenarioForecast>;
  };
  "GET /api/predict/projects": { query: Query<typeof ProjectForecastQuery>; answer: Out<typeof ProjectForecasts> };
  "GET /api/predict/backtest": { query: Query<typeof BacktestQuery>; answer: Out<typeof ProjectBacktest> };
  "POST /api/design": { query: NoQuery; body: z.input<typeof DesignBody>; answer: Out<typeof DesignResult> };
  "POST /api/migrate": { query: NoQuery; body: z.input<typeof MigrateBody>; answer: Out<typeof MigrationPlan> };
  "POST /api/observe": { query: NoQuery; body: z.input<typeof ObserveBody>; answer: Out<typeof ObserveResult> };
  "POST /api/diagnose": { query: NoQuery; body: z.input<typeof DiagnoseBody>; answer: Out<typeof Diagnosis> };
  "GET /api/diagnose/matrix": { query: NoQuery; answer: Out<typeof LocalisationMatrix> };
  "GET /api/analyze": { query: Query<typeof AnalyzeQuery>; answer: Out<typeof NetworkAnalysis> };
  /** JSON when `as` is json (the default); the other formats are text, read with `apiText`. */
  "GET /api/export": { query: Query<typeof ExportQuery>; answer: Out<typeof ExportGraph> };
  "GET /api/sources/{id}": { query: NoQuery; answer: Out<typeof SourceOut> };
  "GET /api/validate": { query: NoQuery; answer: Out<typeof ValidateReport> };
  "GET /api/kb/status": { query: NoQuery; answer: Out<typeof KbStatus> };
  "GET /healthz": { query: NoQuery; answer: Out<typeof Health> };
  "GET /readyz": { query: NoQuery; answer: Out<typeof Health> };
}

export type Route = keyof ApiRoutes;
/** What a route answers with status 200. */
export type Answer<R extends Route> = ApiRoutes[R]["answer"];
/** What a POST route takes as its JSON body. */
export type Body<R extends Route> = ApiRoutes[R] extends { body: infer B } ? B : never;
/** The error every route answers with a status ≥ 400. */
export type ErrorAnswer = Out<typeof ErrorBody>;

/** `{ id: string }` for `/api/technologies/{id}`; `{}` for a path without parameters. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { readonly [K in Name]: string } & PathParams<Rest>
  : unknown;
