/** @module server/middleware/require-json — a body the API reads must say it is JSON (else 415). */
import type { MiddlewareHandler } from "hono";
import { errorResponse } from "../error-response.js";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Requests with a body (POST, PUT, PATCH) must send `Content-Type: application/json`. */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "POST" || method === "PUT" || method === "PATCH") {
      const type = c.req.header("content-type") ?? "";
      if (!JSON_TYPE.test(type)) {
        return errorResponse(
          c,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "send the body as JSON with Content-Type: application/json",
          {
            issues: [{ path: ["header", "content-type"], code: "invalid_type", message: "expected application/json" }],
          },
        );
      }
    }
    await next();
  };
}
