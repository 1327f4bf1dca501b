/** @module kb/import/invalid-landscape-error — a landscape.yml that cannot be imported, with every problem and its line. */
import { AtlasError } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { LANDSCAPE } from "../../i18n/time-phrases.js";

/** What is wrong with a landscape file; tests check codes, never message text. */
export type LandscapeProblemCode =
  | "LANDSCAPE_YAML"
  | "LANDSCAPE_LAYOUT"
  | "LANDSCAPE_DATE"
  | "LANDSCAPE_DATE_ORDER"
  | "LANDSCAPE_MATURITY"
  | "LANDSCAPE_DUPLICATE";

/** One problem of a landscape file, where it is (1-based line and column) and what it is. */
export interface LandscapeProblem {
  readonly code: LandscapeProblemCode;
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Where in the layout, e.g. `landscape[2].subcategories[0].items[5].extra.accepted`. */
  readonly path: string;
  readonly message: string;
}

/** Formats a problem as `file:line:column: severity CODE: message`. */
export function formatLandscapeProblem(p: LandscapeProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`;
}

/**
 * A landscape file with errors (exit code 1): carries every error and warning found, each with its location.
 * @example try { readLandscape(f) } catch (e) { if (e instanceof InvalidLandscapeError) e.problems.map(formatLandscapeProblem) }
 */
export class InvalidLandscapeError extends AtlasError {
  override readonly name = "InvalidLandscapeError";
  readonly problems: readonly LandscapeProblem[];
  constructor(file: string, problems: readonly LandscapeProblem[], lang: Lang = "en") {
    const errors = problems.filter((p) => p.severity === "error");
    const shown = errors.slice(0, 20).map(formatLandscapeProblem);
    const more =
      errors.length > shown.length ? `\n  ${LANDSCAPE.more(lang, { count: errors.length - shown.length })}` : "";
    super(`${LANDSCAPE.unusable(lang, { file, errors: errors.length })}\n  ${shown.join("\n  ")}${more}`, {
      code: "INVALID_ARGUMENT",
    });
    this.problems = problems;
  }
}
