/** @module recommend/requirements-error — the error for requirements that cannot be used, with every problem and where it is. */
import { InvalidArgumentError } from "../errors.js";

/** Problem codes of a requirements file or flag set; tests check these, never message text. */
export type RequirementProblemCode =
  | "YAML_SYNTAX"
  | "UNKNOWN_KEY"
  | "WRONG_TYPE"
  | "BAD_RANGE"
  | "UNKNOWN_SCENARIO"
  | "UNKNOWN_TECHNOLOGY"
  | "UNKNOWN_LEVEL"
  | "BAD_COORDINATE"
  | "BAD_FLAG";

/** One problem: what, and where (a file's line and column when it came from a file). */
export interface RequirementProblem {
  readonly code: RequirementProblemCode;
  /** The path inside the requirements, e.g. `must.coldStartMs.min`. */
  readonly path: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly suggestions?: readonly string[];
}

/** `file:line:column: path: message (did you mean …?)`, or `path: message` for flags; any located problem. */
export function formatProblem(p: Omit<RequirementProblem, "code">): string {
  const where =
    p.file !== undefined
      ? `${p.file}:${p.line ?? 1}:${p.column ?? 1}`
      : p.line !== undefined
        ? `line ${p.line}, column ${p.column ?? 1}`
        : "";
  const hint =
    p.suggestions && p.suggestions.length > 0 ? ` (did you mean ${p.suggestions.slice(0, 3).join(", ")}?)` : "";
  return `${where ? `${where}: ` : ""}${p.path ? `${p.path}: ` : ""}${p.message}${hint}`;
}

/**
 * Requirements that cannot be used: carries every problem found (code INVALID_REQUIREMENTS, exit 1).
 * @example try { parseRequirements(kb, text) } catch (e) { if (e instanceof RequirementsError) e.problems[0]?.line }
 */
export class RequirementsError extends InvalidArgumentError {
  readonly problems: readonly RequirementProblem[];
  constructor(problems: readonly RequirementProblem[]) {
    const lines = problems.map(formatProblem);
    super(
      `recommend: ${problems.length === 1 ? "the requirements have a problem" : `the requirements have ${problems.length} problems`}:\n  ${lines.join("\n  ")}`,
      { code: "INVALID_REQUIREMENTS", suggestions: problems.flatMap((p) => p.suggestions ?? []) },
    );
    this.problems = problems;
  }
}
