/** @module server/error-response — builds the one error body every failure answers with. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiIssue, ErrorBody } from "./schemas/error-body.js";

/** At most this many issues go back to the client: the rest are counted in the message. */
export const MAX_ISSUES = 50;

export interface ErrorDetails {
  readonly issues?: readonly ApiIssue[];
  readonly suggestions?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A JSON error answer: `{ error: { code, message, issues, suggestions }, requestId }`.
 * @example return errorResponse(c, 404, "NOT_FOUND", 'unknown technology "k9s"', { suggestions: ["k3s"] })
 */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details: ErrorDetails = {},
): Response {
  const issues = details.issues ?? [];
  const body: ErrorBody = {
    error: {
      code,
      message: issues.length > MAX_ISSUES ? `${message} (first ${MAX_ISSUES} of ${issues.length} issues)` : message,
      issues: issues.slice(0, MAX_ISSUES),
      suggestions: (details.suggestions ?? []).slice(0, 20),
    },
    requestId: String(c.get("requestId") ?? ""),
  };
  return c.json(body, status, { "Cache-Control": "no-store", ...details.headers });
}
