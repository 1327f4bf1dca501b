/** @module kb/check-facts — facts measure a metric of the vocabulary, in a unit of that metric's kind. */
import type { Fact } from "../model/fact.js";
import { issueAt, type Locatable } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import { knownUnits, unitKind } from "./convert-unit.js";
import type { Issue, IssuePath } from "./issue.js";

/**
 * UNKNOWN_METRIC and UNIT_MISMATCH for the facts of technologies and of levels. Skipped when
 * vocabulary.yaml is missing or invalid.
 * @example const issues = checkFacts(ctx);
 */
export function checkFacts(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const metrics = ctx.metrics;
  if (metrics === undefined) return issues;
  const check = (file: Locatable, base: IssuePath, facts: readonly Fact[] | undefined) => {
    (facts ?? []).forEach((fact, i) => {
      const path = [...base, i];
      const metric = metrics.get(fact.metric);
      if (metric === undefined) {
        issues.push(
          ctx.unknown(
            "UNKNOWN_METRIC",
            file,
            [...path, "metric"],
            "metric",
            fact.metric,
            metrics.keys(),
            "use a metric id from vocabulary.yaml",
          ),
        );
        return;
      }
      const kind = unitKind(fact.unit);
      if (kind !== metric.kind) {
        const fitting = knownUnits()
          .filter((u) => u.kind === metric.kind)
          .map((u) => u.unit);
        issues.push(
          issueAt(
            "UNIT_MISMATCH",
            file,
            [...path, "unit"],
            kind === undefined
              ? `unknown unit "${fact.unit}" for metric ${metric.id} (${metric.kind})`
              : `unit "${fact.unit}" measures ${kind}, but metric ${metric.id} is ${metric.kind}`,
            { hint: `units of ${metric.kind}: ${fitting.join(", ")}`, suggestions: fitting },
          ),
        );
      }
    });
  };
  for (const t of ctx.kb.technologies) check(t.file, ["facts"], t.data.facts);
  const dims = ctx.kb.dimensions;
  if (dims !== undefined)
    dims.data.dimensions.forEach((d, i) => {
      (d.levels ?? []).forEach((l, j) => {
        check(dims.file, ["dimensions", i, "levels", j, "facts"], l.facts);
      });
    });
  return issues;
}
