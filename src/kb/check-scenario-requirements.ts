/** @module kb/check-scenario-requirements — a scenario's typical requirements: one key's year ranges never overlap. */

import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";
import { yearsOverlap } from "./scenario-requirements-at.js";

/**
 * OVERLAPPING_YEARS: two entries of one scenario for the same requirement whose years share a year
 * (then which one holds that year would be a guess). Reported at the later entry's `years`.
 * @example const issues = checkScenarioRequirements(ctx);
 */
export function checkScenarioRequirements(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const f = ctx.kb.scenarios;
  if (f === undefined) return issues;
  f.data.scenarios.forEach((s, i) => {
    s.requirements.forEach((r, j) => {
      const earlier = s.requirements.findIndex(
        (q, k) => k < j && q.requirement === r.requirement && yearsOverlap(q.years, r.years),
      );
      if (earlier < 0) return;
      const q = s.requirements[earlier]!;
      const span = (y: { from: number; to?: number | undefined }) => `${y.from}–${y.to ?? ""}`;
      issues.push(
        issueAt(
          "OVERLAPPING_YEARS",
          f.file,
          ["scenarios", i, "requirements", j, "years"],
          `${s.id}: ${r.requirement} is given for ${span(r.years)} and, in entry ${earlier + 1}, for ${span(q.years)}: the years overlap`,
          { hint: "end one range (`to`) the year before the other begins (`from`)" },
        ),
      );
    });
  });
  return issues;
}
