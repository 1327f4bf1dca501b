/** @module cli/predict-command — `stackatlas predict`: scenario forecasts, project forecasts and their backtest. */
import { Command, Option } from "@commander-js/extra-typings";
import { UsageError } from "../errors.js";
import { backtestProjects } from "../evolution/backtest-projects.js";
import { PROJECT_EVENTS, type ProjectEvent } from "../evolution/fit-project-hazard.js";
import { forecastScenario } from "../evolution/forecast-scenario.js";
import { predictProjects } from "../evolution/predict-projects.js";
import { projectHistories } from "../evolution/project-histories.js";
import type { CliContext } from "./_context.js";
import { openLandscape } from "./_landscape.js";
import { emit, textTable } from "./_output.js";
import { collect, parseYear } from "./_parse.js";

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : "—");
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "—");

function parseYears(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`"${value}" is not a whole number of years`);
  return Number(value);
}

/**
 * `predict <scenario> [--from Y] [--years N]` (the seed's predict_evolution);
 * `predict --projects [--project NAME] [--event E] [--years N]`;
 * `predict --backtest --cutoff 2021-12-31 --horizon 2025-12-31`.
 */
export function predictCommand(context: () => CliContext) {
  return new Command("predict")
    .description(
      "forecasts fitted on dated history, each confidence measured by a backtest (never a constant):\n" +
        "  predict <scenario> [--from Y] [--years N]          each dimension per year, with an interval\n" +
        "  predict --projects [--project NAME] [--years N]     P(incubation / graduation / archival within N years)\n" +
        "  predict --backtest --cutoff DATE --horizon DATE     fit at the cutoff, score at the horizon vs baselines",
    )
    .argument("[scenario]", "serverless, edge, 边缘计算 …")
    .option("--from <year>", "first forecast year (default: the year after the scenario's latest case)", parseYear)
    .option("--years <n>", "scenario: forecast from … from+N; projects: within N years", parseYears)
    .option("--projects", "forecast CNCF projects (from the landscape)")
    .option("--project <name>", "only this project (repeatable)", collect)
    .addOption(new Option("--event <event>", "only this event").choices(PROJECT_EVENTS))
    .option("--as-of <date>", "projects: forecast from this day (default: the landscape's latest date)")
    .option("--backtest", "score the project model: fit at --cutoff, compare with what happened by --horizon")
    .option("--cutoff <date>", "backtest: fit on what was known on this day", "2021-12-31")
    .option("--horizon <date>", "backtest: score what happened up to this day", "2025-12-31")
    .option("--landscape <file>", "the CNCF landscape.yml (default: $STACKATLAS_LANDSCAPE or the shared copy)")
    .action((scenario, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const zh = ctx.lang === "zh";
      if (opts.backtest) {
        if (scenario !== undefined)
          throw new UsageError("predict: --backtest scores the project model; drop the scenario");
        const histories = projectHistories(openLandscape(kb, opts.landscape).items, kb);
        const bt = backtestProjects(histories, { cutoff: opts.cutoff, horizon: opts.horizon });
        const { forecasts: _forecasts, ...result } = bt;
        emit(ctx.io, ctx.format, result, () => {
          const rows = [
            ["model (discrete-time hazard)", num(bt.model.auc), num(bt.model.brier)],
            ["baseline: base rate", num(bt.baselines.baseRate.auc), num(bt.baselines.baseRate.brier)],
            [
              `baseline: constant ${bt.baselines.constant.p}`,
              num(bt.baselines.constant.auc),
              num(bt.baselines.constant.brier),
            ],
          ];
          const ev = PROJECT_EVENTS.map((e) => [
            e,
            String(bt.byEvent[e].count),
            String(bt.byEvent[e].events),
            num(bt.byEvent[e].model.auc),
            num(bt.byEvent[e].model.brier),
            num(bt.byEvent[e].baseRate.brier),
          ]);
          const cal = bt.calibration.map((b) => [
            `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
            String(b.count),
            pct(b.meanPredicted),
            pct(b.observed),
          ]);
          return [
            `backtest: fit on ${bt.cutoff}, scored at ${bt.horizon} (${bt.counts.forecasts} forecasts for ${bt.counts.projects} projects, ${bt.counts.events} events)`,
            textTable(ctx.io, ["", "AUC", "Brier"], rows),
            textTable(ctx.io, ["event", "forecasts", "happened", "AUC", "Brier", "base-rate Brier"], ev),
            "calibration:",
            textTable(ctx.io, ["predicted", "forecasts", "mean predicted", "observed"], cal),
          ].join("\n");
        });
        return;
      }
      if (opts.projects || opts.project !== undefined) {
        if (scenario !== undefined) throw new UsageError("predict: give a scenario or --projects, not both");
        const histories = projectHistories(openLandscape(kb, opts.landscape).items, kb);
        const r = predictProjects(histories, {
          ...(opts.years !== undefined ? { years: opts.years } : {}),
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          ...(opts.project !== undefined ? { projects: opts.project } : {}),
          ...(opts.event !== undefined ? { events: [opts.event as ProjectEvent] } : {}),
        });
        emit(ctx.io, ctx.format, r, () => {
          const rows = r.predictions.map((p) => [
            p.project,
            p.stage,
            p.event,
            pct(p.probability),
            `${pct(p.confidence)} (${p.calibration.count} backtest forecasts in ${p.calibration.from.toFixed(1)}–${p.calibration.to.toFixed(1)}, observed ${pct(p.calibration.observed)})`,
          ]);
          return [
            `as of ${r.asOf}, within ${r.years} year${r.years === 1 ? "" : "s"}; confidence from the backtest ${r.backtest.cutoff} → ${r.backtest.horizon} (AUC ${num(r.backtest.model.auc)}, Brier ${num(r.backtest.model.brier)}; base rate ${num(r.backtest.baselines.baseRate.brier)}, constant 0.7 ${num(r.backtest.baselines.constant.brier)})`,
            textTable(ctx.io, ["project", "stage", "event", "probability", "confidence (measured)"], rows),
          ].join("\n");
        });
        return;
      }
      if (scenario === undefined)
        throw new UsageError("predict: name a scenario, or use --projects or --backtest (see predict --help)");
      const f = forecastScenario(kb, scenario, {
        lang: ctx.lang,
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.years !== undefined ? { years: opts.years } : {}),
      });
      emit(ctx.io, ctx.format, f, () => {
        const keys = Object.keys(f.years[0]?.dimensions ?? {});
        const rows = f.years.map((y) => [
          String(y.year),
          y.coordinate.text,
          ...keys.map((k) => {
            const d = y.dimensions[k]!;
            if (d.method === "fixed") return "";
            const range = Array.isArray(d.low)
              ? `${(d.low as string[]).join("+") || "∅"}…${(d.high as string[]).join("+")}`
              : `${d.low}–${d.high}`;
            return `${range} ${pct(d.confidence)}`;
          }),
          pct(y.confidence),
          y.actual?.text ?? "",
        ]);
        const head = [
          zh ? "年份" : "year",
          zh ? "预测坐标" : "forecast",
          ...keys,
          zh ? "置信度" : "confidence",
          zh ? "记录" : "recorded",
        ];
        return [
          `${f.scenario.names[ctx.lang]}: ${f.from}–${f.to}, ${zh ? "基于" : "fitted on"} ${f.history.from}–${f.history.to} (${f.history.cases} ${zh ? "个案例" : "cases"})`,
          `${f.method}; ${zh ? "置信度 = 回测中区间覆盖率" : "confidence = share of backtest intervals that held the recorded value at that horizon"} (${f.backtest.forecasts} backtest forecasts)`,
          textTable(
            ctx.io,
            head,
            rows.filter((r) => r.length > 0),
          ),
        ].join("\n");
      });
    });
}
