/** @module server/requirements-hook — requirements that fail their schema are checked as the CLI checks them: every problem, unknown names with the nearest ones. */
import type { Context } from "hono";
import type { z } from "zod";
import type { Lang } from "../i18n/lang.js";
import type { Requirements } from "../model/requirements.js";
import { validateRequirements } from "../recommend/_validate-requirements.js";
import { RequirementsError } from "../recommend/requirements-error.js";
import type { AppEnv } from "./app-env.js";
import { validationHook } from "./validation-hook.js";

function langOf(c: Context): Lang {
  return c.req.query("lang") === "zh" ? "zh" : "en";
}

/**
 * Checks requirements against the schema and the knowledge base, as `recommend --file` does; throws a
 * {@link RequirementsError} (400, every problem, did-you-mean) when they cannot be used.
 * @example const req = checkRequirements(c, c.req.valid("json"));
 */
export function checkRequirements(c: Context<AppEnv>, raw: unknown): Requirements {
  const lang = langOf(c);
  const { value, problems } = validateRequirements(c.get("kb"), raw, () => undefined, undefined, lang);
  if (!value) throw new RequirementsError(problems, lang);
  return value;
}

/**
 * The validation hook of a route whose body is requirements: a body that fails the schema is checked
 * as the CLI checks a requirements file (so an over-long list of unknown names is told which are
 * unknown, with the nearest names), other inputs as every route does.
 * @example app.openapi(postRecommend, handler, requirementsHook)
 */
export function requirementsHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string; data?: unknown },
  c: Context<AppEnv>,
): Response | undefined {
  if (!result.success && result.target === "json") checkRequirements(c, result.data);
  return validationHook(result, c);
}
