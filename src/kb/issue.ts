/** @module kb/issue — one problem found in a knowledge base, with where it is and what to do. */
import { formatIssueIn } from "../i18n/kb-phrases.js";

/** What kind of problem an issue is; tests check codes, never message text. */
export type IssueCode =
  | "YAML_SYNTAX"
  | "SCHEMA"
  | "UNKNOWN_KEY"
  | "MISSING_FIELD"
  | "FILE_TOO_LARGE"
  | "FILE_UNREADABLE"
  | "LOAD_FAILED"
  | "ALIAS_BOMB"
  | "FORBIDDEN_KEY"
  | "DUPLICATE_KEY"
  | "DUPLICATE_ID"
  | "DUPLICATE_ALIAS"
  | "ID_FILE_MISMATCH"
  | "UNKNOWN_TECHNOLOGY"
  | "UNKNOWN_SOURCE"
  | "UNKNOWN_SCENARIO"
  | "UNKNOWN_LEVEL"
  | "UNKNOWN_DIMENSION"
  | "UNKNOWN_ORDERING"
  | "UNKNOWN_METRIC"
  | "UNIT_MISMATCH"
  | "UNKNOWN_TRAIT"
  | "UNKNOWN_CLAIM"
  | "BAD_TRAIT_VALUE"
  | "DEPENDENCY_CYCLE"
  | "ORDERING_CYCLE"
  | "NOT_PARTIAL_ORDER"
  | "ORDERING_DISAGREES_WITH_FIGURES"
  | "BAD_CNCF_DATES"
  | "RELEASED_AFTER_CNCF"
  | "CASE_BEFORE_RELEASE"
  | "OVERLAPPING_YEARS"
  | "MISSING_FILE"
  | "UNKNOWN_FILE"
  | "NO_SOURCE"
  | "SELF_RELATION"
  | "BAD_DEFAULT"
  | "SLOT_ROLE_MISMATCH"
  | "STALE_FIGURE"
  | "FIRST_COMMIT_AFTER_RELEASE"
  | "ORDERING_CONTRADICTED_BY_TECHNOLOGIES"
  | "UNRECORDED_FIGURE_DISPUTE"
  | "TRAIT_CONTRADICTS_NOTE"
  | "DEPLOYMENT_IS_CASE"
  | "UNSTATED_REQUIREMENT";

/** Every issue code with its default severity; a warning never makes a knowledge base invalid. */
export const ISSUE_SEVERITY: Readonly<Record<IssueCode, IssueSeverity>> = {
  YAML_SYNTAX: "error",
  SCHEMA: "error",
  UNKNOWN_KEY: "error",
  MISSING_FIELD: "error",
  FILE_TOO_LARGE: "error",
  FILE_UNREADABLE: "error",
  LOAD_FAILED: "error",
  ALIAS_BOMB: "error",
  FORBIDDEN_KEY: "error",
  DUPLICATE_KEY: "error",
  DUPLICATE_ID: "error",
  DUPLICATE_ALIAS: "error",
  ID_FILE_MISMATCH: "error",
  UNKNOWN_TECHNOLOGY: "error",
  UNKNOWN_SOURCE: "error",
  UNKNOWN_SCENARIO: "error",
  UNKNOWN_LEVEL: "error",
  UNKNOWN_DIMENSION: "error",
  UNKNOWN_ORDERING: "error",
  UNKNOWN_METRIC: "error",
  UNIT_MISMATCH: "error",
  UNKNOWN_TRAIT: "error",
  UNKNOWN_CLAIM: "error",
  BAD_TRAIT_VALUE: "error",
  DEPENDENCY_CYCLE: "error",
  ORDERING_CYCLE: "error",
  NOT_PARTIAL_ORDER: "error",
  ORDERING_DISAGREES_WITH_FIGURES: "warning",
  BAD_CNCF_DATES: "error",
  RELEASED_AFTER_CNCF: "warning",
  CASE_BEFORE_RELEASE: "error",
  OVERLAPPING_YEARS: "error",
  MISSING_FILE: "error",
  UNKNOWN_FILE: "warning",
  NO_SOURCE: "error",
  SELF_RELATION: "error",
  BAD_DEFAULT: "error",
  SLOT_ROLE_MISMATCH: "warning",
  STALE_FIGURE: "warning",
  FIRST_COMMIT_AFTER_RELEASE: "error",
  ORDERING_CONTRADICTED_BY_TECHNOLOGIES: "warning",
  UNRECORDED_FIGURE_DISPUTE: "warning",
  TRAIT_CONTRADICTS_NOTE: "warning",
  DEPLOYMENT_IS_CASE: "error",
  UNSTATED_REQUIREMENT: "error",
};

export type IssueSeverity = "error" | "warning";

/** A path inside a data file, e.g. `["relations", 0, "target"]`. */
export type IssuePath = readonly (string | number)[];

/**
 * One problem: what it is (`code`), how bad (`severity`), where (`file` relative to the knowledge-base
 * folder, 1-based `line`/`column`, `path` inside the file) and what to do (`message`, `hint`).
 * @example
 * const i: Issue = { code: "UNKNOWN_SOURCE", severity: "error", file: "technologies/k3s.yaml", line: 12,
 *   column: 13, path: ["facts", 0, "source"], message: 'unknown source "k3s-dcs" in facts[0].source' };
 */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: IssuePath;
  readonly message: string;
  readonly hint?: string;
  /** Nearest valid names, when the issue is about a name that does not exist. */
  readonly suggestions?: readonly string[];
  /** The message's parameters (ids, metrics, dates, counts), for the catalogues to word it in another language. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * Formats an issue path the way people read it: `relations[0].target`.
 * @example formatIssuePath(["relations", 0, "target"]) // "relations[0].target"
 */
export function formatIssuePath(path: IssuePath): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

/**
 * Formats an issue on one line, compiler style: `file:line:col: error CODE: message`.
 * @example formatIssue(issue) // "technologies/k3s.yaml:12:13: error UNKNOWN_SOURCE: unknown source …"
 */
export function formatIssue(issue: Issue): string {
  return formatIssueIn(issue, "en");
}
