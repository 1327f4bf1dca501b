/** @module evolution/forecast-scenario — the seed's predict_evolution(scenario, year, n): each dimension per future year, with an interval and a measured confidence. */
import type { Coordinate, CoordinateJson, CoordinateValue } from "../coordinate/coordinate.js";
import { isScenarioDimension, isSetDimension, tupleDimensions } from "../coordinate/coordinate.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import { scenarioPath } from "./scenario-path.js";

/** z for a two-sided 90 % normal interval: the nominal level; the measured coverage is what is reported. */
const Z90 = 1.645;
/** Weight (in years of history) of the all-scenario step variance when shrinking one scenario's. */
const SHRINK_YEARS = 5;

/** One scenario's yearly coordinates (years with a recorded stack only). */
interface History {
  readonly scenario: string;
  readonly years: readonly { readonly year: number; readonly coordinate: Coordinate }[];
}

/** One dimension's forecast for one year. */
export interface DimensionForecast {
  /** The point forecast: a level number, a year, a scenario id or a set of level codes. */
  readonly value: CoordinateValue;
  /** The interval: level numbers for ordinal dimensions; for a set, the signals surely kept and the ones that may be held. */
  readonly low: CoordinateValue;
  readonly high: CoordinateValue;
  /** Half-width before rounding and clamping to the dimension's levels (grows as √horizon). */
  readonly spread: number;
  /** The backtest's measured share of forecasts at this horizon whose interval held the actual value (NaN when never measured). */
  readonly confidence: number;
  /** Whether the value moves (a trend was fitted) or is fixed by definition (year, scenario). */
  readonly method: "trend" | "persistence" | "fixed";
}

export interface YearForecast {
  readonly year: number;
  /** Years since the last year of history. */
  readonly horizon: number;
  readonly coordinate: CoordinateJson;
  readonly dimensions: Readonly<Record<string, DimensionForecast>>;
  /** The mean measured confidence over the dimensions that move. */
  readonly confidence: number;
  /** What the knowledge base records for that year, where a case is dated then. */
  readonly actual?: CoordinateJson;
}

/** Measured performance of the method, by horizon, on every scenario's own history. */
export interface ScenarioBacktest {
  readonly forecasts: number;
  readonly byHorizon: readonly {
    readonly horizon: number;
    readonly count: number;
    /** Share of forecasts whose interval held the actual value. */
    readonly coverage: number;
    /** Share whose point forecast was exactly right. */
    readonly exact: number;
  }[];
  readonly byDimension: Readonly<
    Record<string, readonly { readonly horizon: number; readonly count: number; readonly coverage: number }[]>
  >;
}

export interface ScenarioForecast {
  readonly scenario: { readonly id: string; readonly names: { readonly en: string; readonly zh: string } };
  readonly from: number;
  readonly to: number;
  /** The history the forecast is fitted on: the scenario's path up to the year before `from`. */
  readonly history: { readonly from: number; readonly to: number; readonly cases: number };
  readonly method: string;
  readonly backtest: ScenarioBacktest;
  readonly years: readonly YearForecast[];
}

export interface ForecastScenarioOptions {
  /** First forecast year (default: the year after the scenario's latest case). */
  readonly from?: number;
  /** Forecast `from` … `from + years` (default 5: six yearly coordinates). */
  readonly years?: number;
  readonly lang?: Lang;
}

/**
 * The seed's `predict_evolution(scenario, year, n)`, fitted: each ordinal dimension follows a random
 * walk with drift fitted on the scenario's yearly path before `from` (drift from its first to its last
 * recorded year, step variance shrunk toward all scenarios'), so the interval widens as √horizon;
 * observability persists, the year is the year and the scenario itself. Every confidence is the
 * coverage the same method measured when backtested on every scenario's history at that horizon.
 * @example forecastScenario(kb, "边缘计算", { from: 2025, years: 5 }).years.length // 6
 */
export function forecastScenario(kb: Kb, name: string, options: ForecastScenarioOptions = {}): ScenarioForecast {
  const lang = options.lang ?? "en";
  const s = resolveScenario(kb, name, "predict", lang);
  const n = options.years ?? 5;
  if (!Number.isInteger(n) || n < 0 || n > 50)
    throw new InvalidArgumentError(PREDICT.scenarioYears(lang, { years: n }));
  const histories = allHistories(kb);
  const own = histories.get(s.id);
  if (!own || own.years.length === 0) throw new InvalidArgumentError(PREDICT.noCase(lang, { scenario: s.id }));
  const from = options.from ?? own.years[own.years.length - 1]!.year + 1;
  const known = cut(own, from - 1);
  if (known.years.length === 0)
    throw new InvalidArgumentError(PREDICT.noHistory(lang, { scenario: s.id, from, first: own.years[0]!.year }));
  const backtest = backtestScenarios(kb, histories);
  const pooled = pooledVariance(
    kb,
    [...histories.values()].map((h) => cut(h, from - 1)),
  );
  const last = known.years[known.years.length - 1]!;
  const actualByYear = new Map(own.years.map((y) => [y.year, y.coordinate]));
  const cases = kb.cases.byScenario.get(s.id) ?? [];
  const caseYears = new Set(cases.map((c) => c.year));
  const years: YearForecast[] = [];
  for (let year = from; year <= from + n; year++) {
    const h = year - last.year;
    const dims = forecastDimensions(kb, known, pooled, h, year);
    const coordinate: Record<string, CoordinateValue | null> = {};
    const out: Record<string, DimensionForecast> = {};
    const moving: number[] = [];
    for (const [key, f] of Object.entries(dims)) {
      const coverage = measured(backtest, key, h);
      out[key] = { ...f, confidence: f.method === "fixed" ? Number.NaN : coverage };
      coordinate[key] = f.value;
      if (f.method !== "fixed" && Number.isFinite(coverage)) moving.push(coverage);
    }
    const actual = caseYears.has(year) ? actualByYear.get(year) : undefined;
    years.push({
      year,
      horizon: h,
      coordinate: coordinateJson(kb, coordinate, lang),
      dimensions: out,
      confidence: moving.length > 0 ? moving.reduce((a, b) => a + b, 0) / moving.length : Number.NaN,
      ...(actual ? { actual: coordinateJson(kb, actual, lang) } : {}),
    });
  }
  return {
    scenario: { id: s.id, names: s.names },
    from,
    to: from + n,
    history: { from: known.years[0]!.year, to: last.year, cases: cases.filter((c) => c.year < from).length },
    method: PREDICT.method(lang, { shrinkYears: SHRINK_YEARS }),
    backtest,
    years,
  };
}

/**
 * Backtests the method on every scenario's own history: for every year c of a history, fit on the
 * years up to c (the step variance pooled only from data up to c), forecast the years after c that
 * have a recorded case, and count how often the interval held the recorded value, by horizon.
 * @example backtestScenarios(kb).byHorizon[0]?.coverage
 */
export function backtestScenarios(
  kb: Kb,
  histories: ReadonlyMap<string, History> = allHistories(kb),
): ScenarioBacktest {
  const caseYears = new Map<string, Set<number>>();
  for (const c of kb.cases.all) {
    const set = caseYears.get(c.scenario) ?? new Set<number>();
    set.add(c.year);
    caseYears.set(c.scenario, set);
  }
  const hits = new Map<string, { count: number; covered: number; exact: number }>();
  const add = (key: string, covered: boolean, exact: boolean) => {
    const e = hits.get(key) ?? { count: 0, covered: 0, exact: 0 };
    e.count++;
    if (covered) e.covered++;
    if (exact) e.exact++;
    hits.set(key, e);
  };
  let forecasts = 0;
  for (const h of histories.values()) {
    const observed = caseYears.get(h.scenario) ?? new Set<number>();
    for (const point of h.years) {
      const c = point.year;
      const known = cut(h, c);
      const pooled = pooledVariance(
        kb,
        [...histories.values()].map((x) => cut(x, c)),
      );
      for (const target of h.years) {
        if (target.year <= c || !observed.has(target.year)) continue;
        const horizon = target.year - c;
        const dims = forecastDimensions(kb, known, pooled, horizon, target.year);
        for (const [key, f] of Object.entries(dims)) {
          if (f.method === "fixed") continue;
          const actual = target.coordinate[key];
          if (actual === null || actual === undefined) continue;
          const { covered, exact } = judge(f, actual);
          forecasts++;
          add(`*|${horizon}`, covered, exact);
          add(`${key}|${horizon}`, covered, exact);
        }
      }
    }
  }
  const byHorizon = [...hits.entries()]
    .filter(([k]) => k.startsWith("*|"))
    .map(([k, v]) => ({
      horizon: Number(k.slice(2)),
      count: v.count,
      coverage: v.covered / v.count,
      exact: v.exact / v.count,
    }))
    .sort((a, b) => a.horizon - b.horizon);
  const byDimension: Record<string, { horizon: number; count: number; coverage: number }[]> = {};
  for (const [k, v] of hits) {
    const [key, hz] = k.split("|") as [string, string];
    if (key === "*") continue;
    const list = byDimension[key] ?? [];
    list.push({ horizon: Number(hz), count: v.count, coverage: v.covered / v.count });
    byDimension[key] = list;
  }
  for (const list of Object.values(byDimension)) list.sort((a, b) => a.horizon - b.horizon);
  return { forecasts, byHorizon, byDimension };
}

/** The coverage measured for a dimension at a horizon; beyond the longest horizon measured, the longest one's. */
function measured(bt: ScenarioBacktest, key: string, h: number): number {
  const list = bt.byDimension[key] ?? [];
  const at = [...list].reverse().find((x) => x.horizon <= h) ?? list[0];
  return at ? at.coverage : Number.NaN;
}

function judge(
  f: Omit<DimensionForecast, "confidence">,
  actual: CoordinateValue,
): { covered: boolean; exact: boolean } {
  if (Array.isArray(actual)) {
    const low = new Set(f.low as readonly string[]);
    const high = new Set(f.high as readonly string[]);
    const a = new Set(actual as readonly string[]);
    const covered = [...low].every((x) => a.has(x)) && [...a].every((x) => high.has(x));
    const v = new Set(f.value as readonly string[]);
    return { covered, exact: v.size === a.size && [...a].every((x) => v.has(x)) };
  }
  const x = actual as number;
  return { covered: x >= (f.low as number) && x <= (f.high as number), exact: x === f.value };
}

function forecastDimensions(
  kb: Kb,
  known: History,
  pooled: ReadonlyMap<string, number>,
  h: number,
  year: number,
): Record<string, Omit<DimensionForecast, "confidence">> {
  const out: Record<string, Omit<DimensionForecast, "confidence">> = {};
  const first = known.years[0]!;
  const last = known.years[known.years.length - 1]!;
  for (const dim of tupleDimensions(kb)) {
    const key = dim.key;
    const lastValue = last.coordinate[key];
    if (dim.stackRule.from === "year") {
      out[key] = { value: year, low: year, high: year, spread: 0, method: "fixed" };
    } else if (isScenarioDimension(dim)) {
      const v = lastValue ?? known.scenario;
      out[key] = { value: v, low: v, high: v, spread: 0, method: "fixed" };
    } else if (isSetDimension(dim)) {
      const lastSet = (Array.isArray(lastValue) ? lastValue : []) as readonly string[];
      const seen = new Set<string>();
      for (const y of known.years) for (const c of (y.coordinate[key] ?? []) as readonly string[]) seen.add(c);
      out[key] = { value: lastSet, low: lastSet, high: [...seen].sort(), spread: 0, method: "persistence" };
    } else if (typeof lastValue === "number") {
      const firstValue = typeof first.coordinate[key] === "number" ? (first.coordinate[key] as number) : lastValue;
      const span = last.year - first.year;
      const drift = span > 0 ? (lastValue - firstValue) / span : 0;
      const ownVar = stepVariance(known, key);
      const n = Math.max(0, known.years.length - 1);
      const globalVar = pooled.get(key) ?? 0;
      const variance = (n * ownVar + SHRINK_YEARS * globalVar) / (n + SHRINK_YEARS);
      const spread = Z90 * Math.sqrt(variance * h);
      const [minLevel, maxLevel] = levelRange(dim, lastValue);
      const mean = lastValue + drift * h;
      const clamp = (x: number) => Math.min(maxLevel, Math.max(minLevel, x));
      out[key] = {
        value: Math.round(clamp(mean)),
        low: Math.floor(clamp(mean - spread) + 1e-9),
        high: Math.ceil(clamp(mean + spread) - 1e-9),
        spread,
        method: "trend",
      };
    }
  }
  return out;
}

function levelRange(dim: CompiledDimension, fallback: number): [number, number] {
  const values = dim.levels.map((l) => l.value);
  return values.length > 0 ? [Math.min(...values), Math.max(...values)] : [fallback, fallback];
}

/** Variance of the yearly steps of a dimension in one history (0 with fewer than two years). */
function stepVariance(h: History, key: string): number {
  const steps: number[] = [];
  for (let i = 1; i < h.years.length; i++) {
    const a = h.years[i - 1]!.coordinate[key];
    const b = h.years[i]!.coordinate[key];
    if (typeof a === "number" && typeof b === "number") steps.push(b - a);
  }
  return steps.length === 0 ? 0 : steps.reduce((s, x) => s + x * x, 0) / steps.length;
}

/** The yearly step variance of each ordinal dimension over every history (the shrinkage target). */
function pooledVariance(kb: Kb, histories: readonly History[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const dim of tupleDimensions(kb)) {
    let sum = 0;
    let n = 0;
    for (const h of histories) {
      for (let i = 1; i < h.years.length; i++) {
        const a = h.years[i - 1]!.coordinate[dim.key];
        const b = h.years[i]!.coordinate[dim.key];
        if (typeof a === "number" && typeof b === "number") {
          sum += (b - a) ** 2;
          n++;
        }
      }
    }
    out.set(dim.key, n > 0 ? sum / n : 0);
  }
  return out;
}

function cut(h: History, lastYear: number): History {
  return { scenario: h.scenario, years: h.years.filter((y) => y.year <= lastYear) };
}

const historyCache = new WeakMap<Kb, Map<string, History>>();

/** Every scenario's yearly path, from its first case to its latest, as coordinates. */
function allHistories(kb: Kb): Map<string, History> {
  const hit = historyCache.get(kb);
  if (hit) return hit;
  const out = new Map<string, History>();
  for (const id of kb.scenarios.keys()) {
    const cases = kb.cases.byScenario.get(id) ?? [];
    if (cases.length === 0) continue;
    const path = scenarioPath(kb, id);
    const years = path.years
      .filter((y) => y.coordinate !== null)
      .map((y) => {
        const { text: _text, ...coordinate } = y.coordinate!;
        return { year: y.year, coordinate: coordinate as Coordinate };
      });
    out.set(id, { scenario: id, years });
  }
  historyCache.set(kb, out);
  return out;
}
