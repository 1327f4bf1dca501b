/** @module server/validation-hook — a request that fails its schema gets 400 with every issue: path, code, message. */
import type { Context } from "hono";
import type { z } from "zod";
import { zhCN } from "zod/locales";
import type { Lang } from "../i18n/lang.js";
import { schemaMessage } from "../i18n/requirements-phrases.js";
import { SERVER } from "../i18n/server-phrases.js";
import { errorResponse } from "./error-response.js";
import type { ApiIssue } from "./schemas/error-body.js";

const zhLocale = zhCN().localeError;

/**
 * An issue's message in `lang`: as the schema library gave it in English; in Chinese, the library's
 * own Chinese wording for its code (the received type kept from the English message), the model's own
 * messages translated, anything else as it is.
 * @example issueMessage({ code: "too_small", origin: "number", minimum: 1, inclusive: true, path: [], message: "Too small: expected number to be >=1" } as never, "zh") // "数值过小：期望 number >=1"
 */
export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (lang !== "zh") return issue.message;
  if (issue.code === "custom") return schemaMessage(issue.message, lang);
  if (issue.code === "invalid_type") {
    const received = /received (\S+)$/.exec(issue.message)?.[1];
    if (received !== undefined) return SERVER.invalidType(lang, { expected: String(issue.expected), received });
  }
  const zh = zhLocale(issue as never);
  const text = typeof zh === "string" ? zh : zh?.message;
  return text || issue.message;
}

/** Zod issues as API issues, their path led by where the input was (`query`, `json`, `param`), worded in `lang`. */
export function apiIssues(issues: readonly z.core.$ZodIssue[], where?: string, lang: Lang = "en"): ApiIssue[] {
  return issues.map((i) => ({
    path: [...(where === undefined ? [] : [where]), ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    code: i.code,
    message: issueMessage(i, lang),
  }));
}

/**
 * The `defaultHook` of the app: every route's validation failure answers the same way, in the
 * language the request asks for (`?lang=zh`; English when it asks for none or for one there is not).
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const lang: Lang = c.req.query("lang") === "zh" ? "zh" : "en";
  const where = result.target === "json" ? "body" : result.target;
  const issues = apiIssues(result.error.issues, where, lang);
  const first = issues[0];
  const message =
    first === undefined
      ? SERVER.invalidRequest(lang)
      : SERVER.invalidAt(lang, { path: first.path.join("."), message: first.message, more: issues.length - 1 });
  return errorResponse(c, 400, "INVALID_INPUT", message, { issues });
}
