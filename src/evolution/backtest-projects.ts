/** @module evolution/backtest-projects — fit on what was known at a cutoff, forecast to a horizon, score against what happened. */
import { InvalidArgumentError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import {
  atRisk,
  eventYear,
  fitProjectHazard,
  MIN_EVENTS_FOR_COVARIATES,
  PROJECT_EVENTS,
  type ProjectEvent,
  projectProbability,
  projectState,
  yearOf,
} from "./fit-project-hazard.js";
import { checkDate, type ProjectHistory, truncateHistories } from "./project-histories.js";
import { type CalibrationBin, calibrationTable, type ForecastScores, scoreForecasts } from "./score-forecasts.js";

/** The seed's `predict_evolution` confidence: the constant baseline every model must beat. */
export const SEED_CONSTANT = 0.7;

/** One forecast of the backtest and what happened. */
export interface ProjectForecast {
  readonly project: string;
  readonly event: ProjectEvent;
  /** The model's probability. */
  readonly p: number;
  /** The base-rate baseline's probability for the same event. */
  readonly baseRate: number;
  readonly outcome: 0 | 1;
}

/** The backtest, in the JSON shape scripts rely on (docs/architecture.md, "Contracts"), plus the detail behind it. */
export interface ProjectBacktest {
  readonly model: ForecastScores;
  readonly baselines: { readonly baseRate: ForecastScores; readonly constant: ForecastScores & { readonly p: number } };
  readonly calibration: readonly CalibrationBin[];
  readonly cutoff: string;
  readonly horizon: string;
  /** Years from cutoff to horizon. */
  readonly years: number;
  /** Forecasts scored, events among them, and projects at risk at the cutoff. */
  readonly counts: { readonly forecasts: number; readonly events: number; readonly projects: number };
  /** The same scores for each event apart. */
  readonly byEvent: Readonly<
    Record<
      ProjectEvent,
      {
        readonly count: number;
        readonly events: number;
        readonly model: ForecastScores;
        readonly baseRate: ForecastScores & { readonly p: number };
      }
    >
  >;
  readonly training: Readonly<Record<ProjectEvent, { readonly atRisk: number; readonly events: number }>>;
  /**
   * The same scores pooled over the events whose training held enough events to fit covariates
   * (the rest are forecast by their base rate alone, so they cannot rank projects).
   */
  readonly learnable: {
    readonly events: readonly ProjectEvent[];
    readonly count: number;
    readonly model: ForecastScores;
    readonly baseRate: ForecastScores;
  };
  readonly forecasts: readonly ProjectForecast[];
}

export interface BacktestOptions {
  /** Fit on data dated on or before this day ('YYYY-MM-DD'). */
  readonly cutoff: string;
  /** Score what happened after the cutoff up to this day. */
  readonly horizon: string;
  /** The language of the errors (default English). */
  readonly lang?: Lang;
}

/**
 * Fits the hazard model on the histories truncated at `cutoff`, forecasts for every project at risk
 * at the cutoff whether each event happens by `horizon`, and scores the forecasts (AUC, Brier,
 * calibration) beside two baselines in the same run: the base rate (the training data's yearly
 * event rate per event, compounded over the horizon) and the seed's constant 0.7. Deterministic.
 * @example backtestProjects(histories, { cutoff: "2021-12-31", horizon: "2025-12-31" }).model.auc
 */
export function backtestProjects(histories: readonly ProjectHistory[], options: BacktestOptions): ProjectBacktest {
  const { cutoff, horizon } = options;
  const lang = options.lang ?? "en";
  checkDate(cutoff, "cutoff", lang);
  checkDate(horizon, "horizon", lang);
  if (horizon <= cutoff) throw new InvalidArgumentError(PREDICT.cutoffAfterHorizon(lang, { cutoff, horizon }));
  const known = truncateHistories(histories, cutoff);
  const model = fitProjectHazard(known, cutoff);
  const years = yearOf(horizon) - yearOf(cutoff);
  const t = yearOf(cutoff);
  const baseP = {} as Record<ProjectEvent, number>;
  for (const e of PROJECT_EVENTS) {
    const tr = model.training[e];
    const h = tr.atRisk > 0 ? tr.events / tr.atRisk : 0;
    baseP[e] = 1 - (1 - h) ** years;
  }
  // Outcomes come from the full histories, but only for projects (and states) known at the cutoff.
  const full = new Map(histories.map((h) => [h.name, h]));
  const forecasts: ProjectForecast[] = [];
  const projects = new Set<string>();
  for (const h of known) {
    const state = projectState(h, t);
    for (const event of PROJECT_EVENTS) {
      if (!atRisk(state.stage, event)) continue;
      const at = eventYear(full.get(h.name) ?? h, event);
      const outcome = at !== undefined && at > t && at <= yearOf(horizon) ? 1 : 0;
      projects.add(h.name);
      forecasts.push({
        project: h.name,
        event,
        p: projectProbability(model, h, event, cutoff, years),
        baseRate: baseP[event],
        outcome,
      });
    }
  }
  const scored = forecasts.map((f) => ({ p: f.p, outcome: f.outcome }));
  const byEvent = {} as Record<ProjectEvent, ProjectBacktest["byEvent"][ProjectEvent]>;
  for (const event of PROJECT_EVENTS) {
    const fs = forecasts.filter((f) => f.event === event);
    byEvent[event] = {
      count: fs.length,
      events: fs.filter((f) => f.outcome === 1).length,
      model: scoreForecasts(fs.map((f) => ({ p: f.p, outcome: f.outcome }))),
      baseRate: { ...scoreForecasts(fs.map((f) => ({ p: f.baseRate, outcome: f.outcome }))), p: baseP[event] },
    };
  }
  const learnableEvents = PROJECT_EVENTS.filter((e) => model.training[e].events >= MIN_EVENTS_FOR_COVARIATES);
  const learnable = forecasts.filter((f) => learnableEvents.includes(f.event));
  return {
    model: scoreForecasts(scored),
    baselines: {
      baseRate: scoreForecasts(forecasts.map((f) => ({ p: f.baseRate, outcome: f.outcome }))),
      constant: {
        ...scoreForecasts(forecasts.map((f) => ({ p: SEED_CONSTANT, outcome: f.outcome }))),
        p: SEED_CONSTANT,
      },
    },
    calibration: calibrationTable(scored, 10),
    cutoff,
    horizon,
    years,
    counts: {
      forecasts: forecasts.length,
      events: scored.filter((f) => f.outcome === 1).length,
      projects: projects.size,
    },
    byEvent,
    training: model.training,
    learnable: {
      events: learnableEvents,
      count: learnable.length,
      model: scoreForecasts(learnable.map((f) => ({ p: f.p, outcome: f.outcome }))),
      baseRate: scoreForecasts(learnable.map((f) => ({ p: f.baseRate, outcome: f.outcome }))),
    },
    forecasts,
  };
}
