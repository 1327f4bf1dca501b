/** @module cli/path-command — `stackatlas path <scenario>`: the seed's get_evolution_path, from dated history. */
import { Command } from "@commander-js/extra-typings";
import { scenarioPath } from "../evolution/scenario-path.js";
import { TIME } from "../i18n/time-phrases.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { parseYear } from "./_parse.js";

/** `path serverless --from 2020 --to 2025 [--series seed-case-2]`. */
export function pathCommand(context: () => CliContext) {
  return new Command("path")
    .description("a scenario's coordinate year by year from its dated history, every change with its cause and source")
    .argument("<scenario>", "serverless, edge, 边缘计算, 微服务, …")
    .option("--from <year>", "first year (default: the scenario's first case)", parseYear)
    .option("--to <year>", "last year (default: its latest case)", parseYear)
    .option(
      "--series <id>",
      "follow one series of cases, or `all` for every case (default: the seed's series, else the longest; its years unless --from/--to)",
    )
    .action((name, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const p = scenarioPath(kb, name, {
        lang: ctx.lang,
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.to !== undefined ? { to: opts.to } : {}),
        ...(opts.series !== undefined ? { series: opts.series } : {}),
      });
      emit(ctx.io, ctx.format, p, () => {
        const head = [...TIME.pathHead(ctx.lang)];
        const rows = p.years.map((y) => [
          String(y.year),
          y.coordinate?.text ?? TIME.noRecordYet(ctx.lang),
          y.stack?.label ?? "",
          y.changes.length
            ? [
                ...y.changes.map((c) => `• ${c.text}`),
                `  ← ${y.changes[0]!.cause} [${kb.sources.get(y.changes[0]!.source)?.title ?? y.changes[0]!.source}]`,
              ].join("\n")
            : y.switched
              ? TIME.switchedCase(ctx.lang)
              : "",
          y.events.map((e) => `· ${e.text}`).join("\n"),
        ]);
        const title = TIME.pathTitle(ctx.lang, {
          scenario: p.scenario.names[ctx.lang],
          from: p.from,
          to: p.to,
          series: p.series ?? undefined,
        });
        const choices =
          p.seriesOptions.length > 0
            ? `\n${TIME.seriesList(ctx.lang, { series: p.seriesOptions.map((x) => x.id) })}`
            : "";
        return `${title}\n${textTable(ctx.io, head, rows)}${choices}`;
      });
    });
}
