/** @module server/middleware/request-log — one structured (pino JSON) line per request, with its request id. */
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { AppEnv } from "../app-env.js";

/** Paths are cut to this length in the log: hostile requests must not bloat it. */
const MAX_LOGGED_PATH = 200;

/**
 * Gives the request a child logger bound to its id (`c.get("log")`) and logs method, path, status and
 * duration when it is answered: info, warn for 4xx (debug for 404), error for 5xx.
 * @example app.use(requestId(), requestLog(logger))
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const log = logger.child({ reqId: c.get("requestId") });
    c.set("log", log);
    await next();
    const status = c.res.status;
    const entry = {
      event: "request",
      method: c.req.method,
      path: c.req.path.length > MAX_LOGGED_PATH ? `${c.req.path.slice(0, MAX_LOGGED_PATH)}…` : c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) log.error(entry, "request failed");
    else if (status >= 400) log.warn(entry, "request refused");
    else log.info(entry, "request");
  };
}
