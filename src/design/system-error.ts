/** @module design/system-error — the error for a system file or kubectl export that cannot be designed for, with every problem and where it is. */
import { InvalidArgumentError } from "../errors.js";
import { SYSTEM } from "../i18n/design-phrases.js";
import type { Lang } from "../i18n/lang.js";
import {
  formatProblemIn,
  type RequirementProblem,
  type RequirementProblemCode,
} from "../recommend/requirements-error.js";

/** Problem codes of a system file or kubectl export; tests check these, never message text. */
export type SystemProblemCode =
  | RequirementProblemCode
  | "DUPLICATE_NAME"
  | "WRONG_KIND"
  | "NO_WORKLOADS"
  | "UNKNOWN_RUNTIME_CLASS";

/** One problem: what, and where (the file's line and column, the path inside the document, e.g. `workloads[2].must.coldStartMs`). */
export interface SystemProblem extends Omit<RequirementProblem, "code"> {
  readonly code: SystemProblemCode;
}

/** Where a path is in the document (1-based), for problems. */
export type Locate = (path: readonly (string | number)[], atKey?: boolean) => { line: number; column: number };

/**
 * A system that cannot be read: carries every problem found (code INVALID_REQUIREMENTS, exit 1, HTTP 400),
 * its message worded in `lang` (the problems' own messages are already in it; positions stay as they are).
 * @example try { parseSystem(kb, text, "shop.yaml") } catch (e) { if (e instanceof SystemError) e.problems[0]?.line }
 */
export class SystemError extends InvalidArgumentError {
  readonly problems: readonly SystemProblem[];
  constructor(problems: readonly SystemProblem[], lang: Lang = "en") {
    super(
      `${SYSTEM.problems(lang, { count: problems.length })}\n  ${problems.map((p) => formatProblemIn(p, lang)).join("\n  ")}`,
      { code: "INVALID_REQUIREMENTS", suggestions: problems.flatMap((p) => p.suggestions ?? []) },
    );
    this.problems = problems;
  }
}
