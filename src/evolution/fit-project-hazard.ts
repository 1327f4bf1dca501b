/** @module evolution/fit-project-hazard — a discrete-time hazard model of CNCF projects reaching incubation, graduation or archival. */
import { fitLogistic, type LogisticModel, predictLogistic } from "./fit-logistic.js";
import { checkDate, type ProjectHistory, truncateHistories } from "./project-histories.js";

/** The moves a project can make that the model forecasts. */
export const PROJECT_EVENTS = ["incubation", "graduation", "archival"] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

export type ProjectStage = "sandbox" | "incubating" | "graduated" | "archived";

/** A project's standing at a moment. */
export interface ProjectState {
  readonly stage: ProjectStage;
  /** Years since CNCF acceptance. */
  readonly age: number;
  /** Years in the current stage. */
  readonly timeInStage: number;
  /** The moment, as a fractional year. */
  readonly at: number;
}

/** The fitted model: one yearly-hazard logistic regression per event, and what it was fitted on. */
export interface ProjectHazardModel {
  /** Only data dated on or before this day was used. */
  readonly asOf: string;
  readonly features: readonly string[];
  readonly models: Readonly<Record<ProjectEvent, LogisticModel>>;
  /** Project-years at risk and events seen, per event: the base rate is events / atRisk. */
  readonly training: Readonly<Record<ProjectEvent, { readonly atRisk: number; readonly events: number }>>;
}

/** Centres the acceptance-year feature (any year works; it only scales the intercept). */
const COHORT_CENTRE = 2020;
/** Fewer events than this in training: the event's model is its intercept alone (the base rate), not covariates fitted to noise. */
export const MIN_EVENTS_FOR_COVARIATES = 10;

/**
 * Fits the model on what was known at `asOf`: every project-year (a window of one year, counted back
 * from `asOf`) in which a project was at risk of an event becomes a row — features at the window's
 * start (stage and acceptance cohort), label "the event happened within the window". The landscape
 * category and how crowded the stage was were dropped after an earlier out-of-time window
 * (2020-12-31 → 2022-12-31) scored better without them (docs/time-forecasts.md).
 * Later dates are cut off first, so the fit cannot see the future. Deterministic.
 * @example const m = fitProjectHazard(histories, "2021-12-31"); m.training.graduation.events
 */
export function fitProjectHazard(histories: readonly ProjectHistory[], asOf: string): ProjectHazardModel {
  checkDate(asOf, "cutoff");
  const known = truncateHistories(histories, asOf);
  const end = yearOf(asOf);
  const rows: Record<ProjectEvent, { x: number[][]; y: number[] }> = {
    incubation: { x: [], y: [] },
    graduation: { x: [], y: [] },
    archival: { x: [], y: [] },
  };
  for (const h of known) {
    const accepted = yearOf(h.accepted);
    for (let k = 0; ; k++) {
      const e = end - k;
      // The first window of a project may be partial: it starts at acceptance (a year of age 0).
      if (e <= accepted) break;
      const s = Math.max(e - 1, accepted);
      const state = projectState(h, s);
      for (const event of PROJECT_EVENTS) {
        if (!atRisk(state.stage, event)) continue;
        const at = eventYear(h, event);
        rows[event].x.push(features(state));
        rows[event].y.push(at !== undefined && at > s && at <= e ? 1 : 0);
      }
    }
  }
  const models = {} as Record<ProjectEvent, LogisticModel>;
  const training = {} as Record<ProjectEvent, { atRisk: number; events: number }>;
  for (const event of PROJECT_EVENTS) {
    const r = rows[event];
    training[event] = { atRisk: r.y.length, events: r.y.reduce((a, b) => a + b, 0) };
    const events = training[event].events;
    // With too few events, covariates fit noise: keep the intercept only (every other weight 0).
    const x = events >= MIN_EVENTS_FOR_COVARIATES ? r.x : r.x.map((row) => row.map((v, i) => (i === 0 ? v : 0)));
    models[event] =
      r.y.length > 0 ? fitLogistic(x, r.y, { l2: 1 }) : { weights: new Array(FEATURES.length).fill(0), iterations: 0 };
  }
  return { asOf, features: FEATURES, models, training };
}

/**
 * The probability that a project reaches `event` within `years` years of `at` (ISO date), by the
 * model's yearly hazards with the project's age and time in stage advancing year by year. Zero
 * when it is not at risk (already past the stage, or archived).
 * @example projectProbability(model, kubernetesHistory, "archival", "2021-12-31", 4)
 */
export function projectProbability(
  model: ProjectHazardModel,
  history: ProjectHistory,
  event: ProjectEvent,
  at: string,
  years: number,
): number {
  const t = yearOf(at);
  const state = projectState(history, t);
  if (!atRisk(state.stage, event) || years <= 0) return 0;
  const m = model.models[event];
  let survive = 1;
  for (let j = 0; j < years; j++) {
    const share = Math.min(1, years - j);
    const s: ProjectState = {
      stage: state.stage,
      age: state.age + j,
      timeInStage: state.timeInStage + j,
      at: state.at + j,
    };
    const h = predictLogistic(m, features(s));
    survive *= (1 - h) ** share;
  }
  return 1 - survive;
}

/** Whether a project in `stage` can still reach `event`. */
export function atRisk(stage: ProjectStage, event: ProjectEvent): boolean {
  if (stage === "archived") return false;
  if (event === "incubation") return stage === "sandbox";
  if (event === "graduation") return stage === "sandbox" || stage === "incubating";
  return true;
}

/** A project's stage, age and time in stage at a moment (fractional year). */
export function projectState(h: ProjectHistory, t: number): ProjectState {
  const accepted = yearOf(h.accepted);
  const at = (d: string | undefined) => (d !== undefined && yearOf(d) <= t ? yearOf(d) : undefined);
  const archived = at(h.archived);
  const graduated = at(h.graduated);
  const incubating = at(h.incubating);
  const [stage, since]: [ProjectStage, number] =
    archived !== undefined
      ? ["archived", archived]
      : graduated !== undefined
        ? ["graduated", graduated]
        : incubating !== undefined
          ? ["incubating", incubating]
          : ["sandbox", accepted];
  return { stage, age: Math.max(0, t - accepted), timeInStage: Math.max(0, t - since), at: t };
}

/** The (fractional) year an event happened, if it has. Reaching graduation counts as passing incubation. */
export function eventYear(h: ProjectHistory, event: ProjectEvent): number | undefined {
  const d = event === "incubation" ? (h.incubating ?? h.graduated) : event === "graduation" ? h.graduated : h.archived;
  return d === undefined ? undefined : yearOf(d);
}

/** An ISO date as a fractional year (2021-07-02 ≈ 2021.5). */
export function yearOf(date: string): number {
  return 1970 + Date.parse(`${date}T00:00:00Z`) / (365.2425 * 86_400_000);
}

/** The covariates, after the intercept: the stage (sandbox is the reference) and the acceptance cohort. */
const FEATURES: readonly string[] = ["intercept", "stage=incubating", "stage=graduated", "(acceptance year-2020)/5"];

function features(s: ProjectState): number[] {
  return [1, s.stage === "incubating" ? 1 : 0, s.stage === "graduated" ? 1 : 0, (s.at - s.age - COHORT_CENTRE) / 5];
}
