/** @module cli/predict-command — `stackatlas predict`: scenario forecasts, project forecasts and their backtest. */
import { Command, Option } from "@commander-js/extra-typings";
import { UsageError } from "../errors.js";
import { backtestProjects } from "../evolution/backtest-projects.js";
import { backtestScenarios } from "../evolution/backtest-scenarios.js";
import { MIN_EVENTS_FOR_COVARIATES, PROJECT_EVENTS, type ProjectEvent } from "../evolution/fit-project-hazard.js";
import { forecastScenario } from "../evolution/forecast-scenario.js";
import { predictProjects } from "../evolution/predict-projects.js";
import { projectHistories } from "../evolution/project-histories.js";
import { maturityWord } from "../i18n/kb-phrases.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT, projectEvent } from "../i18n/time-phrases.js";
import type { CliContext } from "./_context.js";
import { scenarioBacktestText, scenarioForecastText } from "./_forecast-tables.js";
import { openLandscape } from "./_landscape.js";
import { emit, textTable } from "./_output.js";
import { collect, parseYear } from "./_parse.js";

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : "—");
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "—");

/** `--years N`, read in the action (where the language is known) rather than by commander. */
function parseYears(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(PREDICT.notYears(lang, { value }));
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
        "  predict <scenario> [--from Y] [--years N]          each dimension per year from the latest record: most likely value, calibrated interval or no signal, drivers\n" +
        "  predict --projects [--project NAME] [--years N]     P(incubation / graduation / archival within N years)\n" +
        "  predict --backtest --cutoff DATE --horizon DATE     project model: fit at the cutoff, score at the horizon vs baselines;\n" +
        "                                                      scenario forecasts: interval coverage per dimension and horizon",
    )
    .argument("[scenario]", "serverless, edge, 边缘计算 …")
    .option(
      "--from <year>",
      "first forecast year; the forecast starts from the latest record by then (default: the latest record's year)",
      parseYear,
    )
    .option("--years <n>", "scenario: forecast from … from+N; projects: within N years")
    .option("--projects", "forecast CNCF projects (from the landscape)")
    .option("--project <name>", "only this project (repeatable)", collect)
    .addOption(new Option("--event <event>", "only this event").choices(PROJECT_EVENTS))
    .option("--as-of <date>", "projects: forecast from this day (default: the landscape's latest date)")
    .option(
      "--backtest",
      "score the project model (fit at --cutoff, compare with what happened by --horizon) and the scenario forecasts' intervals",
    )
    .option("--cutoff <date>", "backtest: fit on what was known on this day", "2021-12-31")
    .option("--horizon <date>", "backtest: score what happened up to this day", "2025-12-31")
    .option(
      "--landscape <file>",
      "the CNCF landscape.yml (default: $STACKATLAS_LANDSCAPE, else the snapshot in data/landscape/)",
    )
    .action((scenario, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const lang = ctx.lang;
      const years = parseYears(opts.years, lang);
      if (opts.backtest) {
        if (scenario !== undefined) throw new UsageError(PREDICT.backtestWithScenario(lang));
        const histories = projectHistories(openLandscape(kb, opts.landscape, lang).items, kb);
        const bt = backtestProjects(histories, { cutoff: opts.cutoff, horizon: opts.horizon, lang });
        const { forecasts: _forecasts, ...projects } = bt;
        const scenarios = backtestScenarios(kb);
        emit(ctx.io, ctx.format, { ...projects, scenarios }, () => {
          const rows = [
            [PREDICT.model(lang), num(bt.model.auc), num(bt.model.brier)],
            [PREDICT.baseRate(lang), num(bt.baselines.baseRate.auc), num(bt.baselines.baseRate.brier)],
            [
              PREDICT.constant(lang, { p: bt.baselines.constant.p }),
              num(bt.baselines.constant.auc),
              num(bt.baselines.constant.brier),
            ],
          ];
          const ev = PROJECT_EVENTS.map((e) => [
            projectEvent(e, lang),
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
            PREDICT.backtestTitle(lang, {
              cutoff: bt.cutoff,
              horizon: bt.horizon,
              forecasts: bt.counts.forecasts,
              projects: bt.counts.projects,
              events: bt.counts.events,
            }),
            textTable(ctx.io, ["", "AUC", "Brier"], rows),
            PREDICT.learnable(lang, {
              events: bt.learnable.events.map((e) => projectEvent(e, lang)).join(" + "),
              count: bt.learnable.count,
              min: MIN_EVENTS_FOR_COVARIATES,
            }),
            textTable(
              ctx.io,
              ["", "AUC", "Brier"],
              [
                [PREDICT.model(lang), num(bt.learnable.model.auc), num(bt.learnable.model.brier)],
                [PREDICT.baseRate(lang), num(bt.learnable.baseRate.auc), num(bt.learnable.baseRate.brier)],
              ],
            ),
            textTable(ctx.io, PREDICT.eventHead(lang), ev),
            PREDICT.calibration(lang),
            textTable(ctx.io, PREDICT.calibrationHead(lang), cal),
            scenarioBacktestText(ctx.io, scenarios, lang),
          ].join("\n");
        });
        return;
      }
      if (opts.projects || opts.project !== undefined) {
        if (scenario !== undefined) throw new UsageError(PREDICT.scenarioAndProjects(lang));
        const histories = projectHistories(openLandscape(kb, opts.landscape, lang).items, kb);
        const r = predictProjects(histories, {
          lang,
          ...(years !== undefined ? { years } : {}),
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          ...(opts.project !== undefined ? { projects: opts.project } : {}),
          ...(opts.event !== undefined ? { events: [opts.event as ProjectEvent] } : {}),
        });
        emit(ctx.io, ctx.format, r, () => {
          const rows = r.predictions.map((p) => [
            p.project,
            maturityWord(p.stage, lang),
            projectEvent(p.event, lang),
            pct(p.probability),
            PREDICT.projectConfidence(lang, {
              confidence: pct(p.confidence),
              count: p.calibration.count,
              from: p.calibration.from.toFixed(1),
              to: p.calibration.to.toFixed(1),
              observed: pct(p.calibration.observed),
            }),
          ]);
          return [
            PREDICT.projectsTitle(lang, {
              asOf: r.asOf,
              years: r.years,
              cutoff: r.backtest.cutoff,
              horizon: r.backtest.horizon,
              auc: num(r.backtest.model.auc),
              brier: num(r.backtest.model.brier),
              baseRate: num(r.backtest.baselines.baseRate.brier),
              constant: num(r.backtest.baselines.constant.brier),
            }),
            textTable(ctx.io, PREDICT.projectsHead(lang), rows),
          ].join("\n");
        });
        return;
      }
      if (scenario === undefined) throw new UsageError(PREDICT.nothingAsked(lang));
      const f = forecastScenario(kb, scenario, {
        lang: ctx.lang,
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(years !== undefined ? { years } : {}),
      });
      emit(ctx.io, ctx.format, f, () => scenarioForecastText(ctx.io, f, lang));
    });
}
