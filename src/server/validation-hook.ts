/** @module server/validation-hook — a request that fails its schema gets 400 with every issue: path, code, message. */
import type { Context } from "hono";
import type { z } from "zod";
import { errorResponse } from "./error-response.js";
import type { ApiIssue } from "./schemas/error-body.js";

/** Zod issues as API issues, their path led by where the input was (`query`, `json`, `param`). */
export function apiIssues(issues: readonly z.core.$ZodIssue[], where?: string): ApiIssue[] {
  return issues.map((i) => ({
    path: [...(where === undefined ? [] : [where]), ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    code: i.code,
    message: i.message,
  }));
}

/**
 * The `defaultHook` of the app: every route's validation failure answers the same way.
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const where = result.target === "json" ? "body" : result.target;
  const issues = apiIssues(result.error.issues, where);
  const first = issues[0];
  const message =
    first === undefined
      ? "invalid request"
      : `invalid request: ${first.path.join(".")}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`;
  return errorResponse(c, 400, "INVALID_INPUT", message, { issues });
}
