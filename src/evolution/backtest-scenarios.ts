/** @module evolution/backtest-scenarios — how well the scenario forecast did, out of time and out of scenario, on every scenario's own history. */
import { tupleDimensions } from "../coordinate/coordinate.js";
import type { Kb } from "../kb/kb.js";
import {
  conformalHalfWidth,
  HORIZON_BUCKETS,
  heldBackOutcomes,
  levelRange,
  MIN_CALIBRATION,
  NOMINAL_COVERAGE,
  type Outcome,
  roleOf,
  signalProbabilities,
  signalShares,
} from "./_forecast-calibration.js";
import { scenarioHistories } from "./_scenario-histories.js";

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
