/** @module kb/invalid-kb-error — the error `loadKb` throws for a knowledge base with errors. */
import { AtlasError } from "../errors.js";
import type { Issue } from "./issue.js";

/**
 * A knowledge base that failed validation, carrying every error (and the warnings) found.
 * @example try { loadKb(dir) } catch (e) { if (e instanceof InvalidKbError) print(e.issues) }
 */
export class InvalidKbError extends AtlasError {
  override readonly name = "InvalidKbError";
  /** Every error, in reading order. */
  readonly issues: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** The folder that was read. */
  readonly dir: string;
  constructor(dir: string, issues: readonly Issue[], warnings: readonly Issue[] = []) {
    super(`the knowledge base in ${dir} has ${issues.length} error${issues.length === 1 ? "" : "s"}`, {
      code: "INVALID_KB",
    });
    this.issues = issues;
    this.warnings = warnings;
    this.dir = dir;
  }
}
