/** @module evolution/predict-projects — the chance CNCF projects reach incubation, graduation or archival within N years, with a measured confidence. */
import { InvalidArgumentError, NotFoundError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import { normalizeName } from "../kb/normalize-name.js";
import { suggestNames } from "../kb/suggest-names.js";
import { backtestProjects } from "./backtest-projects.js";
import {
  atRisk,
  fitProjectHazard,
  PROJECT_EVENTS,
  type ProjectEvent,
  type ProjectStage,
  projectProbability,
  projectState,
  yearOf,
} from "./fit-project-hazard.js";
import { checkDate, type ProjectHistory } from "./project-histories.js";
import { binOf, type CalibrationBin, type ForecastScores } from "./score-forecasts.js";

export interface ProjectPrediction {
  readonly project: string;
  readonly technology?: string;
  readonly stage: ProjectStage;
  readonly event: ProjectEvent;
  /** The model's probability that the event happens within the years asked. */
  readonly probability: number;
  /**
   * How often forecasts like this one (same calibration bin) were right in the backtest of the same
   * horizon: measured, never assumed.
   */
  readonly confidence: number;
  /** The backtest bin behind the confidence: forecasts in it and how often the event then happened. */
  readonly calibration: {
    readonly from: number;
    readonly to: number;
    readonly count: number;
    readonly observed: number;
  };
}

export interface ProjectPredictions {
  readonly asOf: string;
  readonly years: number;
  /** The backtest the confidences come from: same horizon length, ending at `asOf`. */
  readonly backtest: {
    readonly cutoff: string;
    readonly horizon: string;
    readonly model: ForecastScores;
    readonly baselines: { readonly baseRate: ForecastScores; readonly constant: ForecastScores };
    readonly calibration: readonly CalibrationBin[];
  };
  readonly predictions: readonly ProjectPrediction[];
}

export interface PredictProjectsOptions {
  /** Forecast from this day (default: the latest date in the histories). */
  readonly asOf?: string;
  /** Within this many years (default 2). */
  readonly years?: number;
  /** Only these projects (names, case- and space-insensitive). */
  readonly projects?: readonly string[];
  readonly events?: readonly ProjectEvent[];
  /** The language of the errors (default English). */
  readonly lang?: Lang;
}

/**
 * Fits the hazard model on everything known at `asOf` and gives, for every project at risk, the
 * probability of each event within `years`. Each probability's confidence is the accuracy the
 * model had, in the same probability bin, in a backtest over the same number of years ending at `asOf`.
 * @example predictProjects(histories, { years: 2, projects: ["WasmEdge Runtime"] }).predictions
 */
export function predictProjects(
  histories: readonly ProjectHistory[],
  options: PredictProjectsOptions = {},
): ProjectPredictions {
  const years = options.years ?? 2;
  const lang = options.lang ?? "en";
  if (!Number.isInteger(years) || years < 1 || years > 20)
    throw new InvalidArgumentError(PREDICT.projectYears(lang, { years }));
  const asOf = options.asOf ?? latestDate(histories, lang);
  checkDate(asOf, "as-of", lang);
  const cutoff = shiftYears(asOf, -years);
  const bt = backtestProjects(histories, { cutoff, horizon: asOf, lang });
  const model = fitProjectHazard(histories, asOf);
  const events = options.events ?? PROJECT_EVENTS;
  let chosen = histories.filter((h) => h.accepted <= asOf);
  if (options.projects && options.projects.length > 0) {
    const wanted = new Set(options.projects.map(normalizeName));
    chosen = chosen.filter(
      (h) => wanted.has(normalizeName(h.name)) || (h.technology && wanted.has(normalizeName(h.technology))),
    );
    for (const name of options.projects) {
      if (
        !chosen.some(
          (h) =>
            normalizeName(h.name) === normalizeName(name) ||
            (h.technology && normalizeName(h.technology) === normalizeName(name)),
        )
      )
        throw new NotFoundError(PREDICT.noProject(lang, { name }), {
          suggestions: suggestNames(
            name,
            histories.map((h) => h.name),
          ),
        });
    }
  }
  const t = yearOf(asOf);
  const predictions: ProjectPrediction[] = [];
  for (const h of chosen) {
    const state = projectState(h, t);
    for (const event of events) {
      if (!atRisk(state.stage, event)) continue;
      const p = projectProbability(model, h, event, asOf, years);
      const bin = nearestBin(bt.calibration, p);
      predictions.push({
        project: h.name,
        ...(h.technology ? { technology: h.technology } : {}),
        stage: state.stage,
        event,
        probability: p,
        confidence: bin?.accuracy ?? Number.NaN,
        calibration: bin
          ? { from: bin.from, to: bin.to, count: bin.count, observed: bin.observed }
          : { from: 0, to: 1, count: 0, observed: Number.NaN },
      });
    }
  }
  predictions.sort((a, b) => b.probability - a.probability || a.project.localeCompare(b.project));
  return {
    asOf,
    years,
    backtest: {
      cutoff,
      horizon: asOf,
      model: bt.model,
      baselines: { baseRate: bt.baselines.baseRate, constant: bt.baselines.constant },
      calibration: bt.calibration,
    },
    predictions,
  };
}

/** The calibration bin a probability falls in, else the nearest one that had forecasts. */
function nearestBin(table: readonly CalibrationBin[], p: number): CalibrationBin | undefined {
  const b = binOf(p);
  return [...table].sort((x, y) => Math.abs(binOf(x.from + 1e-9) - b) - Math.abs(binOf(y.from + 1e-9) - b))[0];
}

function latestDate(histories: readonly ProjectHistory[], lang: Lang): string {
  let max = "";
  for (const h of histories)
    for (const d of [h.accepted, h.incubating, h.graduated, h.archived]) if (d !== undefined && d > max) max = d;
  if (max === "") throw new InvalidArgumentError(PREDICT.noDatedProject(lang));
  return max;
}

/** The same day `n` years earlier or later (29 February becomes 28 February). */
export function shiftYears(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) + n;
  const md = date.slice(5) === "02-29" ? "02-28" : date.slice(5);
  return `${String(y).padStart(4, "0")}-${md}`;
}
