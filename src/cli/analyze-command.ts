/** @module cli/analyze-command — `stackatlas analyze`: centrality, communities, gaps, correlations, consistency, matrices. */

import { Command } from "@commander-js/extra-typings";
import type { FigureCoverage } from "../analysis/figure-coverage.js";
import { figureCoverage } from "../analysis/figure-coverage.js";
import { ANALYZE, findingKind } from "../i18n/analysis-phrases.js";
import { joinList, labelled } from "../i18n/messages.js";
import { roleName } from "../i18n/vocabulary-phrases.js";
import type { CliContext } from "./_context.js";
import { technologyFilter } from "./_filter-options.js";
import { emit, textTable } from "./_output.js";
import { collect, parsePositiveInt, parseYear } from "./_parse.js";

/** `analyze [--top K] [--level L-4 …] [--matrix-dimension D]`. */
export function analyzeCommand(context: () => CliContext) {
  return new Command("analyze")
    .description(
      "analyse the network (or the part the list filters keep): central technologies, communities, gaps (coordinates\n" +
        "no recorded stack reaches), correlations between dimensions, consistency findings and matrix views",
    )
    .option("-k, --top <k>", "how many central technologies", parsePositiveInt, 10)
    .option("--level <level>", "keep technologies holding this level (repeatable)", collect)
    .option("--role <role>", "keep technologies with this role (repeatable)", collect)
    .option("--scenario <scenario>", "keep technologies that are references for this scenario")
    .option("--since <year>", "released in or after", parseYear)
    .option("--until <year>", "released in or before", parseYear)
    .option("--matrix-dimension <key>", "the dimension of the technology × level matrix (default: the layers)")
    .option(
      "--coverage",
      "only the figure coverage: per role and per scenario, how many technologies have own figures of each metric",
    )
    .action(async (opts) => {
      if (opts.coverage) {
        const ctx = context();
        const c = figureCoverage(ctx.kb(), ctx.lang);
        emit(ctx.io, ctx.format, c, () => coverageText(ctx, c));
        return;
      }
      // The graph library is loaded only when the command runs: it is a large part of start-up.
      const { analyzeNetwork } = await import("../analysis/analyze-network.js");
      const ctx = context();
      const kb = ctx.kb();
      const a = analyzeNetwork(kb, {
        top: opts.top,
        lang: ctx.lang,
        ...technologyFilter(opts),
        ...(opts.matrixDimension !== undefined ? { matrixDimension: opts.matrixDimension } : {}),
      });
      const coverage = figureCoverage(kb, ctx.lang);
      emit(ctx.io, ctx.format, { ...a, coverage }, () => {
        const lang = ctx.lang;
        const lines = [ANALYZE.size(lang, { nodes: a.nodes, edges: a.edges })];
        lines.push(
          textTable(
            ctx.io,
            ANALYZE.centralityHead(lang),
            a.centrality.map((c) => [
              c.id,
              String(c.inDegree),
              String(c.outDegree),
              String(c.betweenness),
              String(c.pagerank),
            ]),
          ),
        );
        lines.push(ANALYZE.communities(lang, { modularity: a.communities.modularity }));
        for (const c of a.communities.communities)
          lines.push(
            `  ${c.id}. [${joinList(
              c.roles.slice(0, 3).map((r) => roleName(r, lang)),
              lang,
            )}] ${c.members.join(", ")}`,
          );
        lines.push(ANALYZE.gaps(lang));
        for (const e of a.gaps.emptyLevels) lines.push(ANALYZE.emptyLevel(lang, e));
        for (const p of a.gaps.pairs)
          lines.push(
            ANALYZE.unrecorded(lang, {
              dims: p.dimensions.join(" × "),
              unrecorded: p.unrecorded.length,
              cells: p.cells,
              list: p.unrecorded.map((c) => c.join("/")).join(" "),
            }),
          );
        lines.push(ANALYZE.correlations(lang));
        for (const c of a.correlations) lines.push(`  ${c.a} ~ ${c.b}: r = ${c.r} (n = ${c.n})`);
        lines.push(ANALYZE.consistency(lang, { count: a.findings.length }));
        for (const f of a.findings) lines.push(`  ${labelled(findingKind(f.kind, lang), f.text, lang)}`);
        const m = a.matrices.levels;
        lines.push(
          textTable(
            ctx.io,
            ["", ...m.columns],
            m.rows.map((r) => [r.id, ...m.columns.map((c) => (r.levels.includes(c) ? "●" : ""))]),
          ),
        );
        lines.push(coverageText(ctx, coverage));
        return lines.join("\n");
      });
    });
}

/** How many metric columns the coverage tables show (the JSON has every metric). */
const COVERAGE_COLUMNS = 6;

function coverageText(ctx: CliContext, c: FigureCoverage): string {
  const lang = ctx.lang;
  const shown = c.metrics.slice(0, COVERAGE_COLUMNS);
  const out: string[] = [];
  for (const [by, rows] of [
    ["role", c.byRole],
    ["scenario", c.byScenario],
  ] as const) {
    out.push(ANALYZE.coverageBy(lang, { by }));
    out.push(
      textTable(
        ctx.io,
        ANALYZE.coverageHead(lang, { by, metrics: shown.map((m) => m.name) }),
        rows.map((r) => [
          by === "role" ? roleName(r.key, lang) : `${r.key} (${r.name})`,
          String(r.technologies),
          String(r.withFigures),
          ...shown.map((m) => String(r.metrics[m.id] ?? 0)),
          String(r.undatedFigures),
        ]),
      ),
    );
  }
  return out.join("\n");
}
