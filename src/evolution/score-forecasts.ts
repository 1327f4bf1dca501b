/** @module evolution/score-forecasts — how good probability forecasts were: AUC, Brier score and a calibration table. */

/** One probability forecast and what happened (1 = the event occurred). */
export interface ScoredForecast {
  readonly p: number;
  readonly outcome: 0 | 1;
}

/** AUC (area under the ROC curve; 0.5 = no better than chance) and Brier score (mean squared error; lower is better). */
export interface ForecastScores {
  readonly auc: number;
  readonly brier: number;
}

/** One bin of predicted probability: how many forecasts fell in it, their mean, and how often the event happened. */
export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly observed: number;
  /** How often the forecast, read as "yes" at p ≥ 0.5, was right in this bin. */
  readonly accuracy: number;
}

/**
 * AUC by the Mann–Whitney rank statistic (ties count half) and the Brier score. AUC is NaN when
 * every outcome is the same.
 * @example scoreForecasts([{ p: 0.9, outcome: 1 }, { p: 0.2, outcome: 0 }]) // { auc: 1, brier: 0.025 }
 */
export function scoreForecasts(forecasts: readonly ScoredForecast[]): ForecastScores {
  const n = forecasts.length;
  if (n === 0) return { auc: Number.NaN, brier: Number.NaN };
  let brier = 0;
  for (const f of forecasts) brier += (f.p - f.outcome) ** 2;
  const sorted = [...forecasts].sort((a, b) => a.p - b.p);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sorted[j + 1]!.p === sorted[i]!.p) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (sorted[k]!.outcome === 1) {
        rankSumPos += rank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  const auc = pos === 0 || neg === 0 ? Number.NaN : (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
  return { auc, brier: brier / n };
}

/**
 * The calibration table: forecasts binned by predicted probability (`bins` equal-width bins over
 * [0, 1]); empty bins are left out.
 * @example calibrationTable([{ p: 0.05, outcome: 0 }, { p: 0.95, outcome: 1 }], 10).length // 2
 */
export function calibrationTable(forecasts: readonly ScoredForecast[], bins = 10): CalibrationBin[] {
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = forecasts.filter((f) => binOf(f.p, bins) === b);
    if (inBin.length === 0) continue;
    const meanPredicted = inBin.reduce((s, f) => s + f.p, 0) / inBin.length;
    const observed = inBin.reduce((s, f) => s + f.outcome, 0) / inBin.length;
    const right = inBin.filter((f) => (f.p >= 0.5 ? 1 : 0) === f.outcome).length;
    out.push({ from, to, count: inBin.length, meanPredicted, observed, accuracy: right / inBin.length });
  }
  return out;
}

/** The bin a probability falls in (1 goes in the last bin). */
export function binOf(p: number, bins = 10): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
}
