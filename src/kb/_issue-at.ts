/** @module kb/_issue-at — build an issue located at a path of a parsed data file. */
import { ISSUE_SEVERITY, type Issue, type IssueCode, type IssuePath } from "./issue.js";
import type { SourcePosition } from "./locate-path.js";

/** What an issue needs to know about the file it is in. */
export interface Locatable {
  readonly relativePath: string;
  locate(path: IssuePath, options?: { readonly atKey?: boolean }): SourcePosition;
}

export interface IssueExtras {
  readonly hint?: string;
  readonly suggestions?: readonly string[];
  readonly atKey?: boolean;
  readonly severity?: Issue["severity"];
  readonly params?: Issue["params"];
}

/** An issue at `path` inside `file`, with its line and column. */
export function issueAt(
  code: IssueCode,
  file: Locatable,
  path: IssuePath,
  message: string,
  extras: IssueExtras = {},
): Issue {
  const pos = file.locate(path, extras.atKey ? { atKey: true } : {});
  return {
    code,
    severity: extras.severity ?? ISSUE_SEVERITY[code],
    file: file.relativePath,
    line: pos.line,
    column: pos.column,
    path: [...path],
    message,
    ...(extras.hint === undefined ? {} : { hint: extras.hint }),
    ...(extras.suggestions === undefined || extras.suggestions.length === 0 ? {} : { suggestions: extras.suggestions }),
    ...(extras.params === undefined ? {} : { params: extras.params }),
  };
}
