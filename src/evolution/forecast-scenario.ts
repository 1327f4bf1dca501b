/** @module evolution/forecast-scenario — the seed's predict_evolution(scenario, year, n): each dimension per future year, anchored on the latest record, with an interval as narrow as the backtest allows. */
import type { CoordinateJson, CoordinateValue } from "../coordinate/coordinate.js";
import { tupleDimensions } from "../coordinate/coordinate.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import {
  bucketOf,
  conformalHalfWidth,
  heldBackOutcomes,
  inBucket,
  levelRange,
  MIN_CALIBRATION,
  NOMINAL_COVERAGE,
  type Outcome,
  roleOf,
  type SignalForecast,
  signalProbabilities,
} from "./_forecast-calibration.js";
import { cutHistory, type ScenarioHistory, scenarioHistories } from "./_scenario-histories.js";
import { backtestScenarios, type ScenarioBacktest } from "./backtest-scenarios.js";
import { type ScenarioDriver, scenarioDrivers } from "./scenario-drivers.js";

/** One dimension's forecast for one year. */
export interface DimensionForecast {
  /** The most likely value: a level number, a year, a scenario id, or the signals more likely than not. */
  readonly value: CoordinateValue;
  /** The interval at the nominal coverage (level numbers); null where the history says nothing ("no signal") or for sets. */
  readonly low: number | null;
  readonly high: number | null;
  /** The interval would span the dimension's whole scale, or too few held-back outcomes exist at this horizon. */
  readonly noSignal: boolean;
  /** The backtest's measured coverage of such intervals at this horizon (NaN when never measured or for sets). */
  readonly confidence: number;
  /** Held-back outcomes the interval was calibrated on. */
  readonly calibration: number;
  /** `recorded`: the year of the latest record (the forecast is that record). */
  readonly method: "recorded" | "persistence" | "signals" | "fixed";
  /** Set dimensions: every signal with its probability. */
  readonly signals?: readonly SignalForecast[];
}

export interface YearForecast {
  readonly year: number;
  /** Years since the latest record. */
  readonly horizon: number;
  readonly coordinate: CoordinateJson;
  readonly dimensions: Readonly<Record<string, DimensionForecast>>;
  /** The mean measured coverage over the dimensions with an interval. */
  readonly confidence: number;
  /** What the knowledge base records for that year, where a case is dated then. */
  readonly actual?: CoordinateJson;
}

export interface ScenarioForecast {
  readonly scenario: { readonly id: string; readonly names: { readonly en: string; readonly zh: string } };
  readonly from: number;
  readonly to: number;
  /** The history the forecast starts from: the scenario's path up to `from`, ending at its latest record. */
  readonly history: { readonly from: number; readonly to: number; readonly cases: number };
  /** The latest record the forecast is anchored on. */
  readonly anchor: { readonly year: number; readonly coordinate: CoordinateJson };
  readonly nominal: number;
  readonly backtest: ScenarioBacktest;
  readonly years: readonly YearForecast[];
  /** What moves each dimension and what to watch: technologies with their dated evidence. */
  readonly drivers: readonly ScenarioDriver[];
}

export interface ForecastScenarioOptions {
  /** First forecast year (default: the year of the scenario's latest record). */
  readonly from?: number;
  /** Forecast `from` … `from + years` (default 5: six yearly coordinates). */
  readonly years?: number;
  readonly lang?: Lang;
}

/**
 * The seed's `predict_evolution(scenario, year, n)`, anchored and calibrated: it starts from the
 * scenario's latest record up to `from` (so the year of that record is the record itself); each level
 * dimension's most likely value is that record's, inside the narrowest interval that held at least the
 * nominal share of held-back outcomes at that horizon (split-conformal, on every scenario's outcomes
 * known by `from`); a categorical dimension keeps its level only when that held often enough; each
 * observability signal gets its own probability. Where too few outcomes exist, or
 * the interval would span the whole scale, the dimension says "no signal".
 * @example forecastScenario(kb, "边缘计算", { from: 2025, years: 5 }).years[0]?.coordinate.text
 */
export function forecastScenario(kb: Kb, name: string, options: ForecastScenarioOptions = {}): ScenarioForecast {
  const lang = options.lang ?? "en";
  const s = resolveScenario(kb, name, "predict", lang);
  const n = options.years ?? 5;
  if (!Number.isInteger(n) || n < 0 || n > 50)
    throw new InvalidArgumentError(PREDICT.scenarioYears(lang, { years: n }));
  const histories = scenarioHistories(kb);
  const own = histories.get(s.id);
  if (!own || own.years.length === 0) throw new InvalidArgumentError(PREDICT.noCase(lang, { scenario: s.id }));
  const latestRecord = Math.max(...own.observed);
  const from = options.from ?? latestRecord;
  const known = cutHistory(own, from);
  if (known.years.length === 0)
    throw new InvalidArgumentError(PREDICT.noHistory(lang, { scenario: s.id, from, first: own.years[0]!.year }));
  // The anchor is the latest record by `from` (the path's years after it only repeat it).
  const anchorYear = Math.max(...known.observed);
  const anchored = cutHistory(own, anchorYear);
  const last = anchored.years[anchored.years.length - 1]!;
  const outcomes = heldBackOutcomes(kb, histories);
  const usable = outcomes.filter((o) => o.target <= from);
  const backtest = backtestScenarios(kb);
  const dims = tupleDimensions(kb);
  const actualByYear = new Map(own.years.map((y) => [y.year, y.coordinate]));
  const years: YearForecast[] = [];
  for (let year = from; year <= from + n; year++) {
    const h = year - last.year;
    const coordinate: Record<string, CoordinateValue | null> = {};
    const out: Record<string, DimensionForecast> = {};
    const covered: number[] = [];
    for (const dim of dims) {
      const f = forecastDimension(dim, anchored, usable, h, year, backtest);
      out[dim.key] = f;
      coordinate[dim.key] = f.value;
      if (f.low !== null && Number.isFinite(f.confidence) && f.method !== "recorded") covered.push(f.confidence);
    }
    const actual = own.observed.has(year) ? actualByYear.get(year) : undefined;
    years.push({
      year,
      horizon: h,
      coordinate: coordinateJson(kb, coordinate, lang),
      dimensions: out,
      confidence: covered.length > 0 ? covered.reduce((a, b) => a + b, 0) / covered.length : Number.NaN,
      ...(actual ? { actual: coordinateJson(kb, actual, lang) } : {}),
    });
  }
  const cases = kb.cases.byScenario.get(s.id) ?? [];
  return {
    scenario: { id: s.id, names: s.names },
    from,
    to: from + n,
    history: { from: known.years[0]!.year, to: last.year, cases: cases.filter((c) => c.year <= from).length },
    anchor: { year: last.year, coordinate: coordinateJson(kb, last.coordinate, lang) },
    nominal: NOMINAL_COVERAGE,
    backtest,
    years,
    drivers: scenarioDrivers(kb, s.id, from, reachable(dims, years)),
  };
}

/**
 * The levels each level dimension's intervals reach over the forecast years (a dimension with no
 * signal, or a set, is left out: any level may come).
 */
function reachable(dims: readonly CompiledDimension[], years: readonly YearForecast[]): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const dim of dims) {
    const role = roleOf(dim);
    if (role !== "ordinal" && role !== "categorical") continue;
    const fs = years.map((y) => y.dimensions[dim.key]!);
    if (fs.some((f) => f.noSignal)) continue;
    const set = new Set<string>();
    for (const f of fs)
      for (const l of dim.levels)
        if (f.low !== null && f.high !== null && l.value >= f.low && l.value <= f.high) set.add(l.code);
    out[dim.key] = set;
  }
  return out;
}

function forecastDimension(
  dim: CompiledDimension,
  known: ScenarioHistory,
  outcomes: readonly Outcome[],
  h: number,
  year: number,
  backtest: ScenarioBacktest,
): DimensionForecast {
  const role = roleOf(dim);
  const last = known.years[known.years.length - 1]!;
  const lastValue = last.coordinate[dim.key];
  const none = { low: null, high: null, noSignal: false, confidence: Number.NaN, calibration: 0 };
  if (role === "fixed") {
    const value = dim.stackRule.from === "year" ? year : (lastValue ?? known.scenario);
    return { value, ...none, method: "fixed" };
  }
  if (role === "set") {
    const lastSet = new Set((Array.isArray(lastValue) ? lastValue : []) as readonly string[]);
    if (h === 0) {
      const signals = dim.levels.map((l) => ({
        code: l.code,
        probability: lastSet.has(l.code) ? 1 : 0,
        recorded: lastSet.has(l.code),
      }));
      return { value: [...lastSet].sort(), ...none, method: "recorded", signals };
    }
    const calibration = inBucket(outcomes, dim.key, h);
    if (calibration.length < MIN_CALIBRATION)
      return {
        value: [...lastSet].sort(),
        ...none,
        noSignal: true,
        calibration: calibration.length,
        method: "persistence",
      };
    const signals = signalProbabilities(dim, lastSet, calibration);
    const value = signals.filter((x) => x.probability >= 0.5).map((x) => x.code);
    return { value, ...none, calibration: calibration.length, method: "signals", signals };
  }
  if (typeof lastValue !== "number") return { value: lastValue ?? "", ...none, noSignal: true, method: "persistence" };
  if (h === 0) return { value: lastValue, ...none, low: lastValue, high: lastValue, method: "recorded" };
  const value = lastValue;
  const calibration = inBucket(outcomes, dim.key, h);
  const k = conformalHalfWidth(calibration.map((o) => o.error));
  const [lo, hi] = levelRange(dim, lastValue);
  const confidence = measuredCoverage(backtest, dim.key, h);
  const method = "persistence";
  if (k === null) return { value, ...none, noSignal: true, confidence, calibration: calibration.length, method };
  const low = Math.max(lo, value - k);
  const high = Math.min(hi, value + k);
  const noSignal = lo < hi && low === lo && high === hi;
  return noSignal
    ? { value, ...none, noSignal, confidence, calibration: calibration.length, method }
    : { value, low, high, noSignal, confidence, calibration: calibration.length, method };
}

/** The coverage the backtest measured for a dimension in the horizon bucket of h. */
function measuredCoverage(bt: ScenarioBacktest, key: string, h: number): number {
  const b = bucketOf(h);
  const row = (bt.byDimension[key] ?? []).find((r) => b !== undefined && r.horizon.from === b.from);
  return row ? row.coverage : Number.NaN;
}
