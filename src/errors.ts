/** @module errors — the domain errors and the invariant helpers of stackatlas. */

/** Issue codes for invalid input; tests check codes, never message text. */
export type ErrorCode =
  | "INVALID_ARGUMENT"
  | "NOT_FOUND"
  | "USAGE"
  | "INVALID_KB"
  | "INVALID_COORDINATE"
  | "INVALID_STACK"
  | "INVALID_REQUIREMENTS";

/**
 * The root of every error stackatlas reports to a user: says what was wrong and where.
 * @example throw new InvalidArgumentError("lookup: unknown scenario \"edgy\"", { code: "INVALID_COORDINATE" })
 */
export class AtlasError extends Error {
  override readonly name: string = "AtlasError";
  readonly code: ErrorCode;
  /** Nearest valid names, when the error is about a name that does not exist. */
  readonly suggestions: readonly string[];
  constructor(message: string, options: { code: ErrorCode; cause?: unknown; suggestions?: readonly string[] }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.suggestions = options.suggestions ?? [];
  }
}

/** The input was wrong (exit code 1, HTTP 400). */
export class InvalidArgumentError extends AtlasError {
  override readonly name = "InvalidArgumentError";
  constructor(message: string, options: { code?: ErrorCode; cause?: unknown; suggestions?: readonly string[] } = {}) {
    super(message, { ...options, code: options.code ?? "INVALID_ARGUMENT" });
  }
}

/** A name that does not exist (exit code 1, HTTP 404), with the nearest valid names. */
export class NotFoundError extends AtlasError {
  override readonly name = "NotFoundError";
  constructor(message: string, options: { cause?: unknown; suggestions?: readonly string[] } = {}) {
    super(message, { ...options, code: "NOT_FOUND" });
  }
}

/** The command line was used wrongly (exit code 2). */
export class UsageError extends AtlasError {
  override readonly name = "UsageError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: "USAGE" });
  }
}

/** Throws when a condition that the code guarantees does not hold: a bug, never caught. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant failed: ${message}`);
}
