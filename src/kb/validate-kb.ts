/** @module kb/validate-kb — every cross-file check over a parsed knowledge base, all issues collected. */
import { buildValidationContext } from "./_validation-context.js";
import { checkDates } from "./check-dates.js";
import { checkDependencyCycles } from "./check-dependency-cycles.js";
import { checkDeployments } from "./check-deployments.js";
import { checkDiagnostics } from "./check-diagnostics.js";
import { checkFacts } from "./check-facts.js";
import { checkFigureDisputes } from "./check-figure-disputes.js";
import { checkIds } from "./check-ids.js";
import { checkLevels } from "./check-levels.js";
import { checkOrderings } from "./check-orderings.js";
import { checkReferences } from "./check-references.js";
import { checkScenarioRequirements } from "./check-scenario-requirements.js";
import { checkStackSlots } from "./check-stack-slots.js";
import { checkTechnologyOrderings } from "./check-technology-orderings.js";
import { checkTraitMeanings } from "./check-trait-meanings.js";
import { checkTraits } from "./check-traits.js";
import type { ParsedKb } from "./group-parsed-files.js";
import type { Issue } from "./issue.js";

/** The check groups, in the order their issues are reported. */
export const KB_CHECKS = [
  checkIds,
  checkReferences,
  checkLevels,
  checkFacts,
  checkFigureDisputes,
  checkTraits,
  checkTraitMeanings,
  checkDependencyCycles,
  checkOrderings,
  checkTechnologyOrderings,
  checkDates,
  checkScenarioRequirements,
  checkStackSlots,
  checkDiagnostics,
  checkDeployments,
] as const;

/**
 * Runs every cross-file check and returns all their issues (errors and warnings), sorted by file,
 * line and column. Per-file problems (syntax, schema) are the parser's; a file that failed them is
 * left out here, and references to its id are not reported again.
 * @example const issues = validateKb(groupParsedFiles(dir, files.map(parseDataFile)));
 */
export function validateKb(kb: ParsedKb): Issue[] {
  const ctx = buildValidationContext(kb);
  return sortIssues(KB_CHECKS.flatMap((check) => check(ctx)));
}

/**
 * Issues in reading order: by file, then line, then column (stable for equal places).
 * @example sortIssues(issues)[0].file // the first file with a problem
 */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
