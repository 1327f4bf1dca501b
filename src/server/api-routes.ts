/** @module server/api-routes — the shape of a route file: one resource, its operations registered on the app. */
import type { AtlasApp } from "./app-env.js";
import type { Compute } from "./compute-pool.js";
import type { KbSource } from "./kb-source.js";
import type { LandscapeSource } from "./landscape-source.js";

/** What a route may need beyond the request: most need nothing (the request's `kb` is in `c.get("kb")`). */
export interface RouteDeps {
  readonly kbSource: KbSource;
  /** True once the server is shutting down (readiness fails, in-flight requests finish). */
  readonly isDraining: () => boolean;
  /** The CNCF landscape, for the operations that need it (project forecasts, the timeline with the landscape). */
  readonly landscape: LandscapeSource;
  /** Runs a CPU-bound operation: in the worker pool when the server has one, else inline. */
  readonly compute: Compute;
  /** False until the worker pool is warm (readiness fails until then). */
  readonly isWarm: () => boolean;
}

/**
 * The routes of one resource. A route file exports one of these; `routes/all-routes.ts` lists them.
 * @example export const lookupRoutes: ApiRoutes = { name: "lookup", register: (app) => { app.openapi(getLookup, handler) } };
 */
export interface ApiRoutes {
  /** The resource, as the OpenAPI tag and the landing page name it. */
  readonly name: string;
  /** Adds the resource's operations with `app.openapi(route, handler)`, so OpenAPI documents them. */
  register(app: AtlasApp, deps: RouteDeps): void;
}
