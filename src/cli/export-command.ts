/** @module cli/export-command — `stackatlas export --as json|csv|mermaid|dot|cypher`: the network, a subset, a stack or a migration. */
import { Command, Option } from "@commander-js/extra-typings";
import { stringify } from "yaml";
import { UsageError } from "../errors.js";
import type { ExportGraph } from "../export/export-graph.js";
import { EXPORT } from "../i18n/analysis-phrases.js";
import { exportLabels } from "../i18n/export-labels.js";
import type { CliContext } from "./_context.js";
import { technologyFilter } from "./_filter-options.js";
import { collect, parseYear } from "./_parse.js";
import { writeFileAtomic } from "./_write-file-atomic.js";

const AS = ["json", "csv", "mermaid", "dot", "cypher"] as const;

/**
 * `export --as dot [--level L-4 …]`, `export --as mermaid --stack "K3s + WasmEdge"`,
 * `export --as cypher --from A --to B`. The global `--format json|yaml` (no `--as`) gives JSON/YAML.
 */
export function exportCommand(context: () => CliContext) {
  return new Command("export")
    .description(
      "export the network (or the technologies the list filters keep), a stack or a migration as JSON, CSV,\n" +
        "Mermaid, Graphviz DOT or Cypher (Neo4j). The diagram format is --as (the global --format is table|json|yaml)",
    )
    .addOption(new Option("--as <format>", "json, csv, mermaid, dot or cypher").choices(AS))
    .option("--level <level>", "keep technologies holding this level (repeatable, as in list)", collect)
    .option("--role <role>", "keep technologies with this role (repeatable)", collect)
    .option("--scenario <scenario>", "keep technologies that are references for this scenario")
    .option("--since <year>", "released in or after", parseYear)
    .option("--until <year>", "released in or before", parseYear)
    .option("--cncf <maturity>", "CNCF maturity: sandbox, incubating, graduated, archived, any, none")
    .option("--text <text>", "text in the id, names, aliases or summary")
    .option("--stack <stack>", "export this stack (parts or case:ID) instead of the network")
    .option("--from <stack>", "export the migration from this stack (with --to)")
    .option("--to <stack>", "…to this stack")
    .option("--via <stack>", "…through this stack (repeatable)", collect)
    .addOption(
      new Option("--table <table>", "CSV: which table").choices(["nodes", "edges"] as const).default("edges" as const),
    )
    .option("-o, --output <file>", "write to this file instead of standard output")
    .action(async (opts) => {
      // The exporters and the graph library are loaded only when the command runs.
      const [
        { planMigration },
        { migrationExportGraph, networkExportGraph, stackExportGraph },
        { toCsv },
        { toCypher },
        { toDot },
        { toJson },
        { toMermaid },
      ] = await Promise.all([
        import("../design/migrate.js"),
        import("../export/export-graph.js"),
        import("../export/to-csv.js"),
        import("../export/to-cypher.js"),
        import("../export/to-dot.js"),
        import("../export/to-json.js"),
        import("../export/to-mermaid.js"),
      ]);
      const ctx = context();
      const kb = ctx.kb();
      let graph: ExportGraph;
      if (opts.from !== undefined || opts.to !== undefined) {
        if (opts.from === undefined || opts.to === undefined) throw new UsageError(EXPORT.needBoth(ctx.lang));
        graph = migrationExportGraph(planMigration(kb, [opts.from, ...(opts.via ?? []), opts.to], ctx.lang), ctx.lang);
      } else if (opts.stack !== undefined) {
        graph = stackExportGraph(kb, opts.stack, ctx.lang);
      } else {
        graph = networkExportGraph(kb, technologyFilter(opts), ctx.lang);
      }
      const as = opts.as ?? (ctx.format === "table" ? "json" : ctx.format);
      const text =
        as === "csv"
          ? toCsv(graph, opts.table)
          : as === "mermaid"
            ? toMermaid(graph, "LR", exportLabels(ctx.lang))
            : as === "dot"
              ? toDot(graph, exportLabels(ctx.lang))
              : as === "cypher"
                ? toCypher(graph)
                : as === "yaml"
                  ? stringify(graph, { lineWidth: 0 })
                  : toJson(graph);
      write(ctx, opts.output, text);
    });
}

function write(ctx: CliContext, file: string | undefined, text: string): void {
  if (file === undefined) ctx.io.out(text);
  else {
    writeFileAtomic(file, text, ctx.lang);
    ctx.io.err(EXPORT.wrote(ctx.lang, { file }));
  }
}
