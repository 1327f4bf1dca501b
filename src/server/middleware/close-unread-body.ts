/** @module server/middleware/close-unread-body — answering before reading a body closes the connection. */
import type { MiddlewareHandler } from "hono";

/**
 * When a request's body was never read (refused for its size, type, method or route), answers with
 * `Connection: close`: the unread bytes would otherwise sit in front of the next request on a
 * keep-alive connection, and the client would see that next request reset.
 */
export function closeUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return;
    const length = c.req.header("content-length");
    const hasBody = c.req.header("transfer-encoding") !== undefined || (length !== undefined && length !== "0");
    if (hasBody && !c.req.raw.bodyUsed) c.res.headers.set("Connection", "close");
  };
}
