/** @module web/lib/api-error — an error answer of the HTTP API, kept with its code, issues and suggestions. */

import type { ErrorAnswer } from "./api-contract.js";

/** One problem with a request, as the API's error body gives it (where, what, a message). */
export type ApiIssue = ErrorAnswer["error"]["issues"][number];

/** What the API answered when it did not answer 2xx (or when the request never reached it). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    readonly suggestions: readonly string[] = [],
    readonly path = "",
  ) {
    super(message);
  }
}
