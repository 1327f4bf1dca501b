/** @module web/lib/api-error — an error answer of the HTTP API, kept with its code, issues and suggestions. */

export interface ApiIssue {
  readonly path?: readonly (string | number)[];
  readonly code?: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

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
