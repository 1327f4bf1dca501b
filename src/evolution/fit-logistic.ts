/** @module evolution/fit-logistic — a small, deterministic L2-penalised logistic regression (Newton–Raphson / IRLS). */
import { InvalidArgumentError } from "../errors.js";

/** A fitted logistic model: one weight per feature column (column 0 is usually the intercept). */
export interface LogisticModel {
  readonly weights: readonly number[];
  /** Newton steps taken until the weights stopped moving. */
  readonly iterations: number;
}

export interface FitLogisticOptions {
  /** L2 penalty on every weight but the first (the intercept); default 1. */
  readonly l2?: number;
  readonly maxIterations?: number;
}

/**
 * Fits P(y = 1 | x) = σ(w·x) by Newton–Raphson on the penalised log-likelihood. No randomness: the
 * same rows give the same weights, so backtests are reproducible without a seed. Rows carry their
 * own intercept column.
 * @example const m = fitLogistic([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 0, 1, 1]); predictLogistic(m, [1, 3]) > 0.5 // true
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: FitLogisticOptions = {},
): LogisticModel {
  const n = rows.length;
  if (n === 0 || n !== labels.length)
    throw new InvalidArgumentError("fitLogistic: needs as many labels as rows, and some rows");
  const p = rows[0]!.length;
  const l2 = options.l2 ?? 1;
  const w = new Array<number>(p).fill(0);
  const maxIt = options.maxIterations ?? 50;
  let it = 0;
  for (; it < maxIt; it++) {
    const grad = new Array<number>(p).fill(0);
    const hess = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      const x = rows[i]!;
      const mu = sigmoid(dot(w, x));
      const r = labels[i]! - mu;
      const v = Math.max(mu * (1 - mu), 1e-9);
      for (let a = 0; a < p; a++) {
        const xa = x[a]!;
        grad[a]! += r * xa;
        const row = hess[a]!;
        for (let b = a; b < p; b++) row[b]! += v * xa * x[b]!;
      }
    }
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < a; b++) hess[a]![b] = hess[b]![a]!;
      if (a > 0) {
        grad[a]! -= l2 * w[a]!;
        hess[a]![a]! += l2;
      }
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let a = 0; a < p; a++) {
      w[a]! += step[a]!;
      moved = Math.max(moved, Math.abs(step[a]!));
    }
    if (moved < 1e-8) break;
  }
  return { weights: w, iterations: it + 1 };
}

/** σ(w·x) for one row. */
export function predictLogistic(model: LogisticModel, x: readonly number[]): number {
  return sigmoid(dot(model.weights, x));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * (b[i] ?? 0);
  return s;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}
