/** @module server/middleware/conditional-get — `If-None-Match` against the answer's ETag: 304 when unchanged. */
import type { MiddlewareHandler } from "hono";

function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  const target = strip(etag);
  return ifNoneMatch.split(",").some((t) => strip(t) === target);
}

/**
 * For GET and HEAD answers that carry an ETag (set by the response cache or the static files), answers
 * 304 Not Modified when the client already holds that version.
 */
export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") return;
    const etag = c.res.headers.get("ETag");
    const ifNoneMatch = c.req.header("If-None-Match");
    if (c.res.status !== 200 || etag === null || ifNoneMatch === undefined) return;
    if (!matches(ifNoneMatch, etag)) return;
    const headers = new Headers(c.res.headers);
    headers.delete("Content-Length");
    headers.delete("Content-Type");
    await c.res.body?.cancel();
    c.res = new Response(null, { status: 304, headers });
  };
}
