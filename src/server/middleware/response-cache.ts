/** @module server/middleware/response-cache — GET answers kept per knowledge-base revision, each with its ETag. */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";

export interface ResponseCacheOptions {
  /** Changes whenever answers may change (every load attempt of the knowledge base). */
  readonly revision: () => number;
  /** Most answers kept (default 500; 0 keeps none, answers still get ETags). */
  readonly maxEntries?: number;
  /** Most bytes kept (default 32 MiB). */
  readonly maxBytes?: number;
}

interface Entry {
  readonly body: string;
  readonly etag: string;
  readonly type: string;
}

/** A strong ETag from the body's hash. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`;
}

/**
 * Keeps successful GET answers (keyed by the URL and the knowledge base's revision) in a bounded
 * least-recently-used map, and gives every GET answer an ETag. The knowledge base is immutable between
 * reloads and every answer a function of it and the URL, so a kept answer is the answer; a reload
 * starts afresh.
 * @example app.use("/api/*", responseCache({ revision: () => source.revision() }))
 */
export function responseCache(options: ResponseCacheOptions): MiddlewareHandler & { size(): number } {
  const maxEntries = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  let revision = options.revision();
  let bytes = 0;
  const entries = new Map<string, Entry>();
  const handler: MiddlewareHandler = async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") return next();
    const now = options.revision();
    if (now !== revision) {
      entries.clear();
      bytes = 0;
      revision = now;
    }
    const key = c.req.url.slice(c.req.url.indexOf("/", 8));
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return c.body(hit.body, 200, { "Content-Type": hit.type, ETag: hit.etag, "Cache-Control": "no-cache" });
    }
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type") ?? "";
    if (res.status !== 200 || !type.startsWith("application/json") || res.headers.has("ETag")) return;
    const body = await res.text();
    const etag = etagOf(body);
    const headers = new Headers(res.headers);
    headers.set("ETag", etag);
    headers.set("Cache-Control", "no-cache");
    c.res = undefined as unknown as Response;
    c.res = new Response(body, { status: 200, headers });
    // Only answers made from this revision are kept: a reload during the request makes it stale.
    if (maxEntries === 0 || options.revision() !== revision || body.length > maxBytes / 8) return;
    entries.set(key, { body, etag, type });
    bytes += body.length;
    while (entries.size > maxEntries || bytes > maxBytes) {
      const oldest = entries.keys().next().value as string;
      bytes -= entries.get(oldest)?.body.length ?? 0;
      entries.delete(oldest);
    }
  };
  // The count is for tests of the bound.
  return Object.assign(handler, { size: () => entries.size });
}
