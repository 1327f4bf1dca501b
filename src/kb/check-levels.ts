/** @module kb/check-levels — positions, orderings, graphs and rules name levels their dimension has. */
import type { Level } from "../model/level.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue, IssuePath } from "./issue.js";
import { parseOrderingChain } from "./partial-order.js";

/**
 * UNKNOWN_DIMENSION (a position on a dimension that is not declared), UNKNOWN_LEVEL (a position,
 * ordering chain, graph edge, rule or stack rule naming a level its dimension lacks) and UNKNOWN_SCENARIO (a
 * position on the dimension whose values are the scenarios), UNKNOWN_ORDERING (a `distanceBy` that
 * names no ordering of its dimension). Skipped when dimensions.yaml is invalid.
 * @example const issues = checkLevels(ctx);
 */
export function checkLevels(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const dims = ctx.dimensions;
  if (dims === undefined) return issues;
  const kb = ctx.kb;

  for (const t of kb.technologies) {
    for (const [key, value] of Object.entries(t.data.position)) {
      if (value === undefined) continue;
      const d = dims.get(key);
      if (d === undefined) {
        issues.push(ctx.unknown("UNKNOWN_DIMENSION", t.file, ["position", key], "dimension", key, [...dims.keys()]));
        continue;
      }
      const list = typeof value === "string" ? [value] : value;
      list.forEach((v, i) => {
        const path: IssuePath = typeof value === "string" ? ["position", key] : ["position", key, i];
        if (d.valuesFrom === "scenarios") {
          if (!ctx.knownScenario(v))
            issues.push(ctx.unknown("UNKNOWN_SCENARIO", t.file, path, "scenario", v, ctx.scenarioCandidates));
        } else if (!ctx.levels.get(d.key)?.has(v)) {
          issues.push(
            ctx.unknown(
              "UNKNOWN_LEVEL",
              t.file,
              path,
              `level of ${d.key} (${d.names.en})`,
              v,
              levelCandidates(d.levels),
              `levels of ${d.key}: ${(d.levels ?? []).map((l) => l.code).join(", ")}`,
            ),
          );
        }
      });
    }
  }

  const f = kb.dimensions!.file;
  kb.dimensions!.data.dimensions.forEach((d, i) => {
    const codes = ctx.levels.get(d.key) ?? new Map<string, Level>();
    const level = (path: IssuePath, code: string) => {
      if (!codes.has(code))
        issues.push(ctx.unknown("UNKNOWN_LEVEL", f, path, `level of ${d.key}`, code, levelCandidates(d.levels)));
    };
    (d.orderings ?? []).forEach((o, j) => {
      o.chains.forEach((chain, k) => {
        for (const code of new Set(parseOrderingChain(chain).elements))
          level(["dimensions", i, "orderings", j, "chains", k], code);
      });
    });
    d.graph?.edges.forEach((edge, j) => {
      edge.forEach((code, k) => {
        level(["dimensions", i, "graph", "edges", j, k], code);
      });
    });
    if (d.distanceBy !== undefined && !(d.orderings ?? []).some((o) => o.id === d.distanceBy)) {
      const ids = (d.orderings ?? []).map((o) => o.id);
      issues.push(
        ctx.unknown("UNKNOWN_ORDERING", f, ["dimensions", i, "distanceBy"], `ordering of ${d.key}`, d.distanceBy, ids),
      );
    }
    const sr = d.stackRule;
    if (sr.from === "slot" && sr.whenAbsent !== undefined)
      level(["dimensions", i, "stackRule", "whenAbsent"], sr.whenAbsent);
    if (sr.from === "view") level(["dimensions", i, "stackRule", "default"], sr.default);
    (d.rules ?? []).forEach((r, j) => {
      r.levels.forEach((code, k) => {
        level(["dimensions", i, "rules", j, "levels", k], code);
      });
    });
  });
  return issues;
}

function levelCandidates(levels: readonly Level[] | undefined): { label: string; value: string }[] {
  return (levels ?? []).flatMap((l) =>
    [l.code, l.names.en, l.names.zh, ...(l.aliases ?? [])].map((label) => ({ label, value: l.code })),
  );
}
