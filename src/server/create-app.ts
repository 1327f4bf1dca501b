/** @module server/create-app — the HTTP API as a Hono app: middleware, every route, OpenAPI, the UI or the landing page. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";
import type { Logger } from "pino";
import { SERVER } from "../i18n/server-phrases.js";
import { allowedMethods } from "./allowed-methods.js";
import type { ApiRoutes } from "./api-routes.js";
import type { AppEnv, AtlasApp } from "./app-env.js";
import { bodyLimitFor } from "./body-limits.js";
import { type ComputePool, computeInline } from "./compute-pool.js";
import { errorResponse } from "./error-response.js";
import { handleError, queryLang } from "./handle-error.js";
import type { KbSource } from "./kb-source.js";
import { landingPage } from "./landing-page.js";
import { createLandscapeSource, type LandscapeSource } from "./landscape-source.js";
import { closeUnreadBody } from "./middleware/close-unread-body.js";
import { conditionalGet } from "./middleware/conditional-get.js";
import { hostAllowlist } from "./middleware/host-allowlist.js";
import { kbSnapshot } from "./middleware/kb-snapshot.js";
import { requestLog } from "./middleware/request-log.js";
import { requireJson } from "./middleware/require-json.js";
import { etagOf, responseCache } from "./middleware/response-cache.js";
import { packageVersion } from "./package-version.js";
import { ALL_ROUTES } from "./routes/all-routes.js";
import { serveWeb } from "./serve-web.js";
import { validationHook } from "./validation-hook.js";

/** The largest request body read by any route: 1 MiB (each route's own limit is in body-limits.ts). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a request may take before it is answered 503 (default). */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CreateAppOptions {
  /** The knowledge base to answer from (reloadable). */
  readonly kbSource: KbSource;
  readonly logger: Logger;
  /** The built web UI (web/dist); without it, `/` is a page listing the API. */
  readonly webRoot?: string;
  /** Origins allowed to call the API from a browser; none (no CORS headers) by default; `*` allows any. */
  readonly corsOrigins?: readonly string[];
  /**
   * Host names the server answers to (Host header; exact, `.suffix` or `*`), against DNS rebinding;
   * every name when absent. `serve` passes the loopback names, its `--host` and `--allowed-host`.
   */
  readonly allowedHosts?: readonly string[];
  readonly timeoutMs?: number;
  readonly bodyLimitBytes?: number;
  /** True once the server is shutting down: `/readyz` fails. */
  readonly isDraining?: () => boolean;
  /** The resources to serve (default: every one in routes/all-routes.ts). */
  readonly routes?: readonly ApiRoutes[];
  /** Extra middleware run first for every request (e.g. tracing). */
  readonly middleware?: readonly MiddlewareHandler[];
  /** Keep GET answers per knowledge-base revision (default on); off, GET answers still get ETags. */
  readonly cache?: boolean;
  /**
   * The CNCF landscape.yml the project forecasts and `timeline?landscape=true` read (default
   * `$STACKATLAS_LANDSCAPE`, else the snapshot that ships with the package); without one they answer 503.
   */
  readonly landscapeFile?: string;
  /** The landscape as a source (tests share one so the model is fitted once); overrides `landscapeFile`. */
  readonly landscape?: LandscapeSource;
  /** Worker threads for the CPU-bound operations; without it they run on the event loop. */
  readonly pool?: ComputePool;
}

/**
 * The Content-Security-Policy of everything served: the UI's own files only, no inline script, no framing.
 * Inline styles are allowed: Mermaid's SVG carries its own `<style>` (styles cannot run code).
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Builds the HTTP API. Test it with `app.request()` (no socket); serve it with `startServer`.
 * @example
 * const app = createApp({ kbSource: createKbSource({ dir: defaultDataDir() }), logger: pino() });
 * const res = await app.request("/api/lookup?coordinate=D=4%20X=2");
 */
export function createApp(options: CreateAppOptions): AtlasApp {
  const { kbSource, logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBody = options.bodyLimitBytes ?? MAX_BODY_BYTES;
  const isDraining = options.isDraining ?? (() => false);
  const version = packageVersion();
  const app: AtlasApp = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestId(), requestLog(logger), closeUnreadBody());
  if (options.allowedHosts) app.use(hostAllowlist(options.allowedHosts));
  for (const m of options.middleware ?? []) app.use(m);
  app.use(
    secureHeaders({
      contentSecurityPolicy: CSP,
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      "/api/*",
      cors({
        // `*` as one of several origins would match no Origin header: it means any origin.
        origin: options.corsOrigins.includes("*") ? "*" : [...options.corsOrigins],
        allowMethods: ["GET", "HEAD", "POST", "OPTIONS"],
        allowHeaders: ["Content-Type", "If-None-Match", "X-Request-Id"],
        exposeHeaders: ["ETag", "X-Request-Id"],
        maxAge: 600,
      }),
    );
  }
  app.use(conditionalGet());
  // The timeout comes before the body limit, which reads the body: a body that never ends must time out too.
  app.use(
    "/api/*",
    timeout(
      timeoutMs,
      () => new HTTPException(503, { message: `the request took longer than ${timeoutMs} ms and was stopped` }),
    ),
  );
  const limiters = new Map<number, MiddlewareHandler>();
  const limitBody = (bytes: number): MiddlewareHandler => {
    let m = limiters.get(bytes);
    if (!m) {
      m = bodyLimit({
        maxSize: bytes,
        onError: () => {
          throw new HTTPException(413, { message: `the body is over ${bytes} bytes, the limit of this route` });
        },
      });
      limiters.set(bytes, m);
    }
    return m;
  };
  // GET and HEAD skip the check: asking a request for its body makes the adapter build a full Request, which is slow.
  app.use((c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(bodyLimitFor(c.req.path, maxBody))(c, next),
  );
  app.use("/api/*", requireJson(), kbSnapshot(kbSource));
  app.use(
    "/api/*",
    responseCache({ revision: () => kbSource.revision(), ...(options.cache === false ? { maxEntries: 0 } : {}) }),
  );

  const landscape =
    options.landscape ??
    createLandscapeSource(options.landscapeFile === undefined ? {} : { file: options.landscapeFile });
  const pool = options.pool;
  const deps = {
    kbSource,
    isDraining,
    landscape,
    compute: pool ? pool.run : computeInline,
    isWarm: () => pool === undefined || pool.ready(),
  };
  for (const r of options.routes ?? ALL_ROUTES) r.register(app, deps);

  let doc: unknown;
  const openApi = () => {
    doc ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "stackatlas",
        version,
        description:
          "A knowledge graph of cloud-native infrastructure on seven dimensions. Answers have the shapes of the CLI's `--format json`; `?lang=zh` answers in Chinese.",
      },
    });
    return doc;
  };
  app.get("/api/openapi.json", (c) => c.json(openApi() as Record<string, unknown>));

  const methodsFor = allowedMethods(app.routes);
  const web =
    options.webRoot !== undefined && existsSync(join(options.webRoot, "index.html"))
      ? serveWeb(options.webRoot)
      : undefined;
  let landing: { html: string; etag: string } | undefined;
  if (!web) {
    app.get("/", (c) => {
      if (!landing) {
        const paths = (openApi() as { paths?: Record<string, Record<string, { summary?: string }>> }).paths ?? {};
        const routes = Object.entries(paths).flatMap(([path, ops]) =>
          Object.entries(ops).map(([method, op]) => ({
            method: method.toUpperCase(),
            path,
            summary: op.summary ?? "",
          })),
        );
        routes.push({ method: "GET", path: "/api/openapi.json", summary: "this API's OpenAPI 3.1 description" });
        const html = landingPage(routes, version);
        landing = { html, etag: etagOf(html) };
      }
      return c.html(landing.html, 200, { ETag: landing.etag, "Cache-Control": "no-cache" });
    });
  }
  app.notFound((c) => {
    const path = c.req.path;
    if (web && (c.req.method === "GET" || c.req.method === "HEAD") && !path.startsWith("/api/")) {
      const res = web(c);
      if (res) return res;
    }
    const allowed = methodsFor(path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      return errorResponse(
        c,
        405,
        "METHOD_NOT_ALLOWED",
        SERVER.methodNotAllowed(queryLang(c), { method: c.req.method, allowed }),
        {
          headers: { Allow: allowed.join(", ") },
        },
      );
    }
    return errorResponse(c, 404, "NOT_FOUND", SERVER.noRoute(queryLang(c)));
  });
  app.onError(handleError(logger));
  return app;
}
