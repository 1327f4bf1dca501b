/** @module server/middleware/kb-snapshot — each request answers from one knowledge base, even across a reload. */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import type { KbSource } from "../kb-source.js";

/** Puts the source's current knowledge base in `c.get("kb")` for the request's whole life. */
export function kbSnapshot(source: KbSource): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("kb", source.current());
    await next();
  };
}
