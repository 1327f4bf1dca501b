/** @module server/handle-error — the one `onError`: domain errors to HTTP statuses, never a stack trace to the client. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { z } from "zod";
import { AtlasError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { SERVER } from "../i18n/server-phrases.js";
import { DeadlineError, OverloadedError } from "./compute-pool.js";
import { errorResponse } from "./error-response.js";
import { LandscapeUnavailableError } from "./landscape-source.js";
import type { ApiIssue } from "./schemas/error-body.js";
import { apiIssues } from "./validation-hook.js";

/** Codes for failures raised by the HTTP layer itself (not by the engines). */
const HTTP_CODES: Readonly<Record<number, string>> = {
  400: "INVALID_INPUT",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  503: "TIMEOUT",
};

/** A problem's path (`must.include[3]`) as an issue path under the body. */
function issuePath(path: string): (string | number)[] {
  return [
    "body",
    ...path
      .split(/[.[\]]+/)
      .filter((p) => p !== "")
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  ];
}

/** An error's problems (requirements, a system file) as issues, one each; else the error as one issue. */
function problemIssues(err: AtlasError): ApiIssue[] {
  const problems = (err as { problems?: readonly { code: string; path: string; message: string }[] }).problems;
  if (!Array.isArray(problems)) return [{ path: [], code: err.code, message: err.message }];
  return problems.map((p) => ({ path: issuePath(p.path), code: p.code, message: p.message }));
}

/** The answer's language: `?lang=zh`, else English. */
export function queryLang(c: Context): Lang {
  return c.req.query("lang") === "zh" ? "zh" : "en";
}

/**
 * Maps an error to its answer: an {@link AtlasError} with code NOT_FOUND → 404 with the nearest names,
 * INVALID_KB → 503, any other → 400 with the error as an issue; a missing CNCF landscape → 503; HTTP exceptions keep their status; a
 * bug → 500 saying only where to look (the request id), its stack going to the log.
 * @example app.onError(handleError(logger))
 */
export function handleError(logger: Logger) {
  return (err: Error, c: Context): Response => {
    const log: Logger = c.get("log") ?? logger;
    if (err instanceof AtlasError) {
      const status: ContentfulStatusCode = err.code === "NOT_FOUND" ? 404 : err.code === "INVALID_KB" ? 503 : 400;
      return errorResponse(c, status, err.code, err.message, {
        issues: status === 400 ? problemIssues(err) : [],
        suggestions: err.suggestions,
      });
    }
    if (err instanceof OverloadedError || err instanceof DeadlineError) {
      const lang: Lang = c.req.query("lang") === "zh" ? "zh" : "en";
      if (err instanceof DeadlineError) {
        log.warn({ event: "compute.deadline", ms: err.deadlineMs }, err.message);
        return errorResponse(c, 503, "TIMEOUT", SERVER.deadline(lang, { ms: err.deadlineMs }));
      }
      return errorResponse(c, 503, "OVERLOADED", SERVER.overloaded(lang, { retryAfter: err.retryAfterS }), {
        headers: { "Retry-After": String(err.retryAfterS) },
      });
    }
    if (err instanceof LandscapeUnavailableError) {
      log.warn({ err, event: "landscape.unavailable" }, err.message);
      return errorResponse(c, 503, err.code, err.message);
    }
    if (err instanceof HTTPException) {
      const status = (err.status >= 400 ? err.status : 500) as ContentfulStatusCode;
      const code = HTTP_CODES[status] ?? `HTTP_${status}`;
      const own = err.message || err.res?.statusText || code;
      // The framework's one English sentence a client meets (a body that is not JSON), in the language asked for.
      const message = own === SERVER.malformedJson("en") ? SERVER.malformedJson(queryLang(c)) : own;
      return errorResponse(c, status, code, message, {
        issues: status === 400 ? [{ path: ["body"], code: "invalid_json", message }] : [],
      });
    }
    if (err instanceof z.ZodError) {
      const issues = apiIssues(err.issues);
      return errorResponse(c, 400, "INVALID_INPUT", `invalid input: ${issues[0]?.message ?? ""}`, { issues });
    }
    log.error({ err, event: "request.error" }, "internal error");
    return errorResponse(
      c,
      500,
      "INTERNAL",
      `internal error; the server log has the details under request id ${String(c.get("requestId") ?? "")}`,
    );
  };
}
