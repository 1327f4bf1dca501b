/** @module evolution/forecast-scenario — the seed's predict_evolution(scenario, year, n): each dimension per future year, anchored on the latest record, with an interval as narrow as the backtest allows. */
import type { CoordinateJson, CoordinateValue } from "../coordinate/coordinate.js";
import { isScenarioDimension, isSetDimension, tupleDimensions } from "../coordinate/coordinate.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import { cutHistory, type ScenarioHistory, scenarioHistories } from "./_scenario-histories.js";
import { type ScenarioDriver, scenarioDrivers } from "./scenario-drivers.js";

/** The coverage every interval aims at: a nominal 80 % interval should hold 80 % of held-back outcomes. */
export const NOMINAL_COVERAGE = 0.8;
/** Fewer held-back outcomes than this at a horizon: the history says nothing there ("no signal"). */
export const MIN_CALIBRATION = 10;
/** Weight, in held-back outcomes, of the all-signal adoption rate when estimating one signal's. */
const SIGNAL_PRIOR = 5;
/** Horizons pooled when calibrating: outcomes this far ahead are judged together. */
export const HORIZON_BUCKETS: readonly { readonly from: number; readonly to: number }[] = [
  { from: 1, to: 1 },
  { from: 2, to: 2 },
  { from: 3, to: 4 },
  { from: 5, to: 7 },
  { from: 8, to: 100 },
];

/** How a dimension is forecast: by the year and the scenario (fixed), a trend on levels, the level kept (categorical), or per-signal probabilities (set). */
type DimensionRole = "fixed" | "ordinal" | "categorical" | "set";

/** One signal of a set dimension (observability) and its probability of being part of the stack that year. */
export interface SignalForecast {
  readonly code: string;
  readonly probability: number;
  /** In the latest record. */
  readonly recorded: boolean;
}

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

/** Coverage of the nominal intervals on one dimension, at one horizon bucket. */
export interface CoverageRow {
  readonly horizon: { readonly from: number; readonly to: number };
  /** Held-back outcomes at these horizons. */
  readonly count: number;
  /** Of them, forecasts that had an interval (the rest said "no signal"). */
  readonly withSignal: number;
  /** Share of the intervals that held the recorded value (NaN when none). */
  readonly coverage: number;
  /** Share of point forecasts exactly right (every outcome). */
  readonly exact: number;
  /** Mean interval width in levels (high − low), over the intervals. */
  readonly width: number;
}

/** Scores of the per-signal probabilities of a set dimension, at one horizon bucket. */
export interface SignalScoreRow {
  readonly horizon: { readonly from: number; readonly to: number };
  /** Signal-outcomes scored (one per signal per held-back outcome). */
  readonly count: number;
  readonly brier: number;
  /** Brier of persistence (probability 1 for a recorded signal, 0 otherwise). */
  readonly persistence: number;
  /** Brier of the base rate (every signal's share of all records so far). */
  readonly baseRate: number;
}

/** Measured performance of the method, out of time and out of scenario, on every scenario's own history. */
export interface ScenarioBacktest {
  readonly nominal: number;
  readonly minCalibration: number;
  /** Held-back outcomes scored over every dimension. */
  readonly forecasts: number;
  readonly byDimension: Readonly<Record<string, readonly CoverageRow[]>>;
  readonly signals: Readonly<Record<string, readonly SignalScoreRow[]>>;
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

/** One recorded value held back: forecast from `origin` (what was known then) for the case year `target`. */
interface Outcome {
  readonly scenario: string;
  readonly origin: number;
  readonly target: number;
  readonly horizon: number;
  readonly key: string;
  /** Ordinal: |actual − point|; categorical: 0 when the level held, else Infinity. */
  readonly error: number;
  /** The point forecast was exactly right. */
  readonly exact: boolean;
  /** Level dimensions: the point forecast (the interval is centred on it). */
  readonly point?: number;
  /** Set dimensions: each signal, whether it was in the stack at the origin and at the target. */
  readonly signals?: readonly { readonly code: string; readonly was: boolean; readonly is: boolean }[];
}

function roleOf(dim: CompiledDimension): DimensionRole {
  if (dim.stackRule.from === "year" || isScenarioDimension(dim)) return "fixed";
  if (isSetDimension(dim)) return "set";
  return dim.kind === "ordinal" ? "ordinal" : "categorical";
}

function bucketOf(h: number): { from: number; to: number } | undefined {
  return HORIZON_BUCKETS.find((b) => h >= b.from && h <= b.to);
}

/**
 * The point forecast of a level dimension: the latest recorded level. A drift fitted on the scenario's
 * own history was tried and backtested worse (X exact 29 % vs 47 % at 3–4 years), so it is not used.
 */
function pointForecast(dim: CompiledDimension, known: ScenarioHistory): number | undefined {
  const v = known.years[known.years.length - 1]?.coordinate[dim.key];
  return typeof v === "number" ? v : undefined;
}

/**
 * Every recorded value a forecast could have been scored against: from every year of every scenario's
 * path, each later case year of the same path. Computed once per knowledge base.
 */
const outcomeCache = new WeakMap<Kb, Outcome[]>();
function heldBackOutcomes(kb: Kb, histories: ReadonlyMap<string, ScenarioHistory>): Outcome[] {
  const hit = outcomeCache.get(kb);
  if (hit) return hit;
  const out: Outcome[] = [];
  const dims = tupleDimensions(kb);
  for (const h of histories.values()) {
    for (const point of h.years) {
      const known = cutHistory(h, point.year);
      for (const target of h.years) {
        if (target.year <= point.year || !h.observed.has(target.year)) continue;
        const horizon = target.year - point.year;
        for (const dim of dims) {
          const role = roleOf(dim);
          if (role === "fixed") continue;
          const actual = target.coordinate[dim.key];
          const was = point.coordinate[dim.key];
          if (actual === null || actual === undefined || was === null || was === undefined) continue;
          const base = { scenario: h.scenario, origin: point.year, target: target.year, horizon, key: dim.key };
          if (role === "set") {
            const a = new Set(actual as readonly string[]);
            const w = new Set(was as readonly string[]);
            const signals = dim.levels.map((l) => ({ code: l.code, was: w.has(l.code), is: a.has(l.code) }));
            out.push({ ...base, error: 0, exact: signals.every((x) => x.was === x.is), signals });
          } else if (role === "categorical") {
            out.push({
              ...base,
              error: actual === was ? 0 : Number.POSITIVE_INFINITY,
              exact: actual === was,
              ...(typeof was === "number" ? { point: was } : {}),
            });
          } else {
            const p = pointForecast(dim, known);
            if (p === undefined || typeof actual !== "number") continue;
            out.push({ ...base, error: Math.abs(actual - p), exact: actual === p, point: p });
          }
        }
      }
    }
  }
  outcomeCache.set(kb, out);
  return out;
}

/**
 * The half-width (in levels) that held at least the nominal share of `errors`, with the split-conformal
 * finite-sample correction; null when there are too few errors or no finite width holds enough.
 */
function conformalHalfWidth(errors: readonly number[]): number | null {
  if (errors.length < MIN_CALIBRATION) return null;
  const sorted = [...errors].sort((a, b) => a - b);
  const rank = Math.ceil((errors.length + 1) * NOMINAL_COVERAGE);
  if (rank > sorted.length) return null;
  const k = sorted[rank - 1]!;
  return Number.isFinite(k) ? k : null;
}

/** The outcomes of one dimension in the horizon bucket of `h`. */
function inBucket(outcomes: readonly Outcome[], key: string, h: number): Outcome[] {
  const b = bucketOf(h);
  if (!b) return [];
  return outcomes.filter((o) => o.key === key && o.horizon >= b.from && o.horizon <= b.to);
}

/** Each signal's probability of being in the stack h years on, from held-back outcomes of the same bucket. */
function signalProbabilities(
  dim: CompiledDimension,
  lastSet: ReadonlySet<string>,
  calibration: readonly Outcome[],
): SignalForecast[] {
  let kept = 0;
  let held = 0;
  let adopted = 0;
  let absent = 0;
  const bySignal = new Map<string, { adopted: number; absent: number }>();
  for (const o of calibration)
    for (const s of o.signals ?? []) {
      if (s.was) {
        held++;
        if (s.is) kept++;
      } else {
        absent++;
        if (s.is) adopted++;
        const e = bySignal.get(s.code) ?? { adopted: 0, absent: 0 };
        e.absent++;
        if (s.is) e.adopted++;
        bySignal.set(s.code, e);
      }
    }
  // Laplace-smoothed pooled rates; a signal's own adoption rate is shrunk toward the pooled one.
  const keep = (kept + 1) / (held + 2);
  const adopt = (adopted + 1) / (absent + 2);
  return dim.levels.map((l) => {
    const recorded = lastSet.has(l.code);
    const own = bySignal.get(l.code) ?? { adopted: 0, absent: 0 };
    const probability = recorded ? keep : (own.adopted + SIGNAL_PRIOR * adopt) / (own.absent + SIGNAL_PRIOR);
    return { code: l.code, probability, recorded };
  });
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

function levelRange(dim: CompiledDimension, fallback: number): [number, number] {
  const values = dim.levels.map((l) => l.value);
  return values.length > 0 ? [Math.min(...values), Math.max(...values)] : [fallback, fallback];
}

const backtestCache = new WeakMap<Kb, ScenarioBacktest>();

/**
 * Backtests the method out of time and out of scenario: every held-back outcome (a case year of a
 * scenario's path, forecast from an earlier year of it) is judged with an interval calibrated only on
 * other scenarios' outcomes known by the forecast's origin — the same rule a forecast uses, never
 * seeing the outcome or its own scenario. Reports, per dimension and horizon, how often the nominal
 * interval held the record (and how often it said "no signal"), and for set dimensions the Brier score
 * of the per-signal probabilities beside persistence and the base rate.
 * @example backtestScenarios(kb).byDimension.D?.[0]?.coverage
 */
export function backtestScenarios(kb: Kb): ScenarioBacktest {
  const hit = backtestCache.get(kb);
  if (hit) return hit;
  const histories = scenarioHistories(kb);
  const outcomes = heldBackOutcomes(kb, histories);
  const byDimension: Record<string, CoverageRow[]> = {};
  const signals: Record<string, SignalScoreRow[]> = {};
  let forecasts = 0;
  for (const dim of tupleDimensions(kb)) {
    const role = roleOf(dim);
    if (role === "fixed") continue;
    const mine = outcomes.filter((o) => o.key === dim.key);
    const rows: CoverageRow[] = [];
    const scores: SignalScoreRow[] = [];
    for (const b of HORIZON_BUCKETS) {
      const here = mine.filter((o) => o.horizon >= b.from && o.horizon <= b.to);
      if (here.length === 0) continue;
      forecasts += here.length;
      const pool = (o: Outcome) => here.filter((x) => x.scenario !== o.scenario && x.target <= o.origin);
      if (role === "set") {
        let brier = 0;
        let persistence = 0;
        let base = 0;
        let count = 0;
        for (const o of here) {
          const p = pool(o);
          const lastSet = new Set((o.signals ?? []).filter((s) => s.was).map((s) => s.code));
          const probs =
            p.length >= MIN_CALIBRATION
              ? new Map(signalProbabilities(dim, lastSet, p).map((x) => [x.code, x.probability]))
              : undefined;
          const shares = signalShares(p);
          for (const s of o.signals ?? []) {
            const y = s.is ? 1 : 0;
            const q = probs?.get(s.code) ?? (s.was ? 1 : 0);
            brier += (q - y) ** 2;
            persistence += ((s.was ? 1 : 0) - y) ** 2;
            base += ((shares.get(s.code) ?? 0) - y) ** 2;
            count++;
          }
        }
        scores.push({
          horizon: b,
          count,
          brier: brier / count,
          persistence: persistence / count,
          baseRate: base / count,
        });
        continue;
      }
      let withSignal = 0;
      let covered = 0;
      let exact = 0;
      let width = 0;
      const [lo, hi] = levelRange(dim, 0);
      for (const o of here) {
        if (o.exact) exact++;
        const k = conformalHalfWidth(pool(o).map((x) => x.error));
        if (k === null) continue;
        // The interval is centred on the point forecast and clamped to the scale, as a forecast prints it.
        const point = o.point ?? lo;
        const low = Math.max(lo, point - k);
        const high = Math.min(hi, point + k);
        if (lo < hi && low === lo && high === hi) continue;
        const w = high - low;
        withSignal++;
        width += w;
        if (o.error <= k) covered++;
      }
      rows.push({
        horizon: b,
        count: here.length,
        withSignal,
        coverage: withSignal > 0 ? covered / withSignal : Number.NaN,
        exact: exact / here.length,
        width: withSignal > 0 ? width / withSignal : Number.NaN,
      });
    }
    if (role === "set") signals[dim.key] = scores;
    else byDimension[dim.key] = rows;
  }
  const bt = { nominal: NOMINAL_COVERAGE, minCalibration: MIN_CALIBRATION, forecasts, byDimension, signals };
  backtestCache.set(kb, bt);
  return bt;
}

/** Each signal's share of the targets of `outcomes` (the base rate a set forecast must beat). */
function signalShares(outcomes: readonly Outcome[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of outcomes)
    for (const s of o.signals ?? []) if (s.is) counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
  return new Map([...counts].map(([k, v]) => [k, v / Math.max(1, outcomes.length)]));
}
