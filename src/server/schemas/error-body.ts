/** @module server/schemas/error-body — every error answer of the HTTP API: a code, a message, the issues, the nearest names. */
import { z } from "@hono/zod-openapi";

/** One problem with a request: where (`path`, starting with `query`, `json` or `param`), what (`code`), and a message. */
export const ApiIssue = z
  .object({
    path: z.array(z.union([z.string(), z.number()])),
    code: z.string(),
    message: z.string(),
  })
  .openapi("ApiIssue", { example: { path: ["query", "top"], code: "too_big", message: "at most 50" } });
export type ApiIssue = z.infer<typeof ApiIssue>;

/** The body of every 4xx/5xx answer. No stack trace, ever. */
export const ErrorBody = z
  .object({
    error: z.object({
      /** INVALID_INPUT, INVALID_COORDINATE, INVALID_STACK, NOT_FOUND, PAYLOAD_TOO_LARGE, TIMEOUT, … */
      code: z.string(),
      message: z.string(),
      issues: z.array(ApiIssue),
      /** Nearest valid names, for an unknown name. */
      suggestions: z.array(z.string()),
    }),
    requestId: z.string(),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof ErrorBody>;

const content = { "application/json": { schema: ErrorBody } } as const;

/** The error answers an operation documents: bad input and, where it names things, unknown names. */
export const ERROR_RESPONSES = {
  400: { description: "invalid input: every issue with its path, code and message", content },
  404: { description: "an unknown name, with the nearest valid names", content },
  413: { description: "the body is over 1 MiB", content },
  503: { description: "the request took too long, or the server is shutting down", content },
} as const;
