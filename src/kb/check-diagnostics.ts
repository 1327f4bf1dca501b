/** @module kb/check-diagnostics — diagnostics.yaml names dimensions, levels, rules and technologies that exist. */
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue, IssuePath } from "./issue.js";

/**
 * UNKNOWN_DIMENSION (the layer or signal dimension), UNKNOWN_LEVEL (a layer or signal code the
 * dimension lacks, a symptom's horizontal/vertical rule id that is not declared), UNKNOWN_TECHNOLOGY,
 * UNKNOWN_TRAIT (a reach rule's trait) and DUPLICATE_ID inside the file. Sources are checked with
 * every other file's. Skipped when diagnostics.yaml is absent or dimensions.yaml is invalid.
 * @example const issues = checkDiagnostics(ctx);
 */
export function checkDiagnostics(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const diag = ctx.kb.diagnostics;
  const dims = ctx.dimensions;
  if (diag === undefined || dims === undefined) return issues;
  const { file, data } = diag;

  const dimension = (key: string, path: IssuePath) => {
    const d = dims.get(key);
    if (d === undefined) issues.push(ctx.unknown("UNKNOWN_DIMENSION", file, path, "dimension", key, [...dims.keys()]));
    return d;
  };
  const layerDim = dimension(data.layerDimension, ["layerDimension"]);
  const signalDim = dimension(data.signalDimension, ["signalDimension"]);
  const levelOf = (d: typeof layerDim) => (code: string, path: IssuePath) => {
    if (d === undefined) return;
    const codes = ctx.levels.get(d.key);
    if (!codes?.has(code))
      issues.push(
        ctx.unknown("UNKNOWN_LEVEL", file, path, `level of ${d.key} (${d.names.en})`, code, codes?.keys() ?? []),
      );
  };
  const layer = levelOf(layerDim);
  const signal = levelOf(signalDim);
  const tech = (id: string, path: IssuePath) => {
    if (!ctx.knownTechnology(id))
      issues.push(ctx.unknown("UNKNOWN_TECHNOLOGY", file, path, "technology", id, ctx.technologyCandidates));
  };
  const unique = (list: readonly { id: string }[], key: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id))
        issues.push(
          issueAt("DUPLICATE_ID", file, [key, i, "id"], `${key}[${i}]: the id "${item.id}" is used twice in ${key}`),
        );
      seen.add(item.id);
    });
    return seen;
  };

  const verticalIds = unique(data.vertical, "vertical");
  const horizontalIds = unique(data.horizontal, "horizontal");
  unique(data.symptoms, "symptoms");
  unique(data.tools, "tools");
  unique(data.criteria, "criteria");

  data.vertical.forEach((r, i) => {
    layer(r.level, ["vertical", i, "level"]);
    (r.technologies ?? []).forEach((id, j) => {
      tech(id, ["vertical", i, "technologies", j]);
    });
  });
  data.symptoms.forEach((s, i) => {
    layer(s.level, ["symptoms", i, "level"]);
    if (!horizontalIds.has(s.horizontal))
      issues.push(
        ctx.unknown(
          "UNKNOWN_LEVEL",
          file,
          ["symptoms", i, "horizontal"],
          "horizontal signal",
          s.horizontal,
          horizontalIds,
        ),
      );
    if (!verticalIds.has(s.vertical))
      issues.push(
        ctx.unknown("UNKNOWN_LEVEL", file, ["symptoms", i, "vertical"], "vertical signal", s.vertical, verticalIds),
      );
  });
  data.failureModes.forEach((m, i) => {
    layer(m.level, ["failureModes", i, "level"]);
  });
  data.support.forEach((s, i) => {
    layer(s.level, ["support", i, "level"]);
    signal(s.signal, ["support", i, "signal"]);
  });
  data.reach.forEach((r, i) => {
    signal(r.signal, ["reach", i, "signal"]);
    tech(r.via, ["reach", i, "via"]);
    if (ctx.traits !== undefined && !ctx.traits.has(r.trait))
      issues.push(ctx.unknown("UNKNOWN_TRAIT", file, ["reach", i, "trait"], "trait", r.trait, ctx.traits.keys()));
  });
  data.tools.forEach((t, i) => {
    signal(t.signal, ["tools", i, "signal"]);
    t.levels.forEach((code, j) => {
      layer(code, ["tools", i, "levels", j]);
    });
    if (t.technology !== undefined) tech(t.technology, ["tools", i, "technology"]);
  });
  return issues;
}
