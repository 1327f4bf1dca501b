/** @module recommend/requirements-error — the error for requirements that cannot be used, with every problem and where it is. */
import { InvalidArgumentError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { REQ } from "../i18n/requirements-phrases.js";

/** Problem codes of a requirements file or flag set; tests check these, never message text. */
export type RequirementProblemCode =
  | "YAML_SYNTAX"
  | "YAML_TOO_LARGE"
  | "UNKNOWN_KEY"
  | "WRONG_TYPE"
  | "BAD_RANGE"
  | "UNKNOWN_SCENARIO"
  | "UNKNOWN_TECHNOLOGY"
  | "UNKNOWN_LEVEL"
  | "UNKNOWN_CAPABILITY"
  | "BAD_COORDINATE"
  | "BAD_FLAG"
  | "MORE_PROBLEMS";

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

/**
 * A located problem as `file:line:column: path: message (did you mean …?)`, or `path: message` for flags:
 * the position and path as they are, so that editors still find them; the words around them in `lang`
 * (the message itself is already in it).
 * @example formatProblemIn({ path: "must.foo", message: "…", line: 4, column: 3 }, "zh") // "第 4 行第 3 列: must.foo: …"
 */
export function formatProblemIn(p: Omit<RequirementProblem, "code">, lang: Lang): string {
  const where =
    p.file !== undefined
      ? `${p.file}:${p.line ?? 1}:${p.column ?? 1}`
      : p.line !== undefined
        ? REQ.lineColumn(lang, { line: p.line, column: p.column ?? 1 })
        : "";
  const hint =
    p.suggestions && p.suggestions.length > 0 ? REQ.didYouMean(lang, { options: p.suggestions.slice(0, 3) }) : "";
  return `${where ? `${where}: ` : ""}${p.path ? `${p.path}: ` : ""}${p.message}${hint}`;
}

/**
 * Requirements that cannot be used: carries every problem found (code INVALID_REQUIREMENTS, exit 1),
 * its message worded in `lang` (the problems' own messages are already in it).
 * @example try { parseRequirements(kb, text) } catch (e) { if (e instanceof RequirementsError) e.problems[0]?.line }
 */
export class RequirementsError extends InvalidArgumentError {
  readonly problems: readonly RequirementProblem[];
  constructor(problems: readonly RequirementProblem[], lang: Lang = "en") {
    const lines = problems.map((p) => formatProblemIn(p, lang));
    super(`${REQ.problems(lang, { count: problems.length })}\n  ${lines.join("\n  ")}`, {
      code: "INVALID_REQUIREMENTS",
      suggestions: problems.flatMap((p) => p.suggestions ?? []),
    });
    this.problems = problems;
  }
}
