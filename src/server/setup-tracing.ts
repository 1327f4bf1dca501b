/** @module server/setup-tracing — optional OpenTelemetry traces when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";

/** Tracing that started: a middleware making one span per request, and its shutdown (flushes spans). */
export interface Tracing {
  readonly middleware: MiddlewareHandler;
  shutdown(): Promise<void>;
}

// The few parts of @opentelemetry/api used here; the packages are optional, so they are not typed imports.
interface OtelSpan {
  setAttribute(key: string, value: string | number): void;
  updateName(name: string): void;
  setStatus(status: { code: number; message?: string }): void;
  recordException(error: unknown): void;
  end(): void;
}
interface OtelApi {
  trace: { getTracer(name: string, version?: string): { startSpan(name: string, options?: unknown): OtelSpan } };
}
interface OtelSdk {
  start(): void;
  shutdown(): Promise<void>;
}

/** Imports a module by a name only known at run time, so neither tsc nor the bundler needs it installed. */
async function optionalImport(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Starts tracing if `OTEL_EXPORTER_OTLP_ENDPOINT` is set and the OpenTelemetry packages
 * (@opentelemetry/api, @opentelemetry/sdk-node, @opentelemetry/exporter-trace-otlp-http) are installed;
 * if the endpoint is set but they are not, logs once that tracing is unavailable. Never fails the server.
 * @example const tracing = await setupTracing(logger); createApp({ …, middleware: tracing ? [tracing.middleware] : [] })
 */
export async function setupTracing(logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<Tracing | undefined> {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (endpoint === undefined || endpoint === "") return undefined;
  const [api, sdkNode, exporter] = await Promise.all([
    optionalImport("@opentelemetry/api"),
    optionalImport("@opentelemetry/sdk-node"),
    optionalImport("@opentelemetry/exporter-trace-otlp-http"),
  ]);
  if (!api || !sdkNode || !exporter) {
    logger.warn(
      { event: "tracing", endpoint },
      "OTEL_EXPORTER_OTLP_ENDPOINT is set but tracing is unavailable: install @opentelemetry/api, " +
        "@opentelemetry/sdk-node and @opentelemetry/exporter-trace-otlp-http to export traces",
    );
    return undefined;
  }
  try {
    const NodeSDK = sdkNode.NodeSDK as new (options: unknown) => OtelSdk;
    const Exporter = exporter.OTLPTraceExporter as new () => unknown;
    const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME ?? "stackatlas", traceExporter: new Exporter() });
    sdk.start();
    const tracer = (api as unknown as OtelApi).trace.getTracer("stackatlas");
    logger.info({ event: "tracing", endpoint }, "exporting traces over OTLP");
    const middleware: MiddlewareHandler = async (c, next) => {
      const span = tracer.startSpan(`HTTP ${c.req.method}`, { kind: 1 });
      span.setAttribute("http.request.method", c.req.method);
      span.setAttribute("url.path", c.req.path.slice(0, 200));
      try {
        await next();
      } finally {
        span.setAttribute("http.response.status_code", c.res.status);
        // The route's pattern, not the path, names the span: paths carry ids and would explode cardinality.
        span.updateName(`${c.req.method} ${c.req.routePath}`);
        span.setAttribute("http.route", c.req.routePath);
        if (c.error) span.recordException(c.error);
        span.setStatus({ code: c.res.status >= 500 ? 2 : 1 });
        span.end();
      }
    };
    return { middleware, shutdown: () => sdk.shutdown() };
  } catch (error) {
    logger.warn({ event: "tracing", err: error }, "tracing could not start; serving without it");
    return undefined;
  }
}
