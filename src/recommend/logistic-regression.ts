/** @module recommend/logistic-regression — a small, deterministic logistic regression fitted by gradient descent. */
import { seededRandom } from "../seeded-random.js";

export interface LogisticOptions {
  readonly iterations?: number;
  readonly rate?: number;
  /** L2 penalty on the coefficients. */
  readonly l2?: number;
  /** Seeds the (tiny) initial coefficients; the same seed and data give the same model. */
  readonly seed?: number;
  /** Fit an intercept (default false: pairwise ranking models are symmetric). */
  readonly intercept?: boolean;
  /** Start from these coefficients instead of the seeded ones (warm start). */
  readonly start?: readonly number[];
}

export interface LogisticModel {
  readonly coefficients: readonly number[];
  readonly intercept: number;
  /** Mean log-loss on the training data. */
  readonly loss: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Fits P(y = 1 | x) = σ(w·x + b) by full-batch gradient descent with an L2 penalty.
 * @example fitLogistic([[1], [-1]], [1, 0]).coefficients[0]! > 0 // true
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticModel {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const rnd = seededRandom(options.seed ?? 42);
  const w = options.start ? [...options.start] : Array.from({ length: d }, () => (rnd() - 0.5) * 1e-3);
  // Flat rows: faster than arrays of arrays in the inner loop.
  const flat = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) flat[i * d + j] = x[i]![j]!;
  let b = 0;
  const iterations = options.iterations ?? 400;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 1e-3;
  const grad = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations && n > 0; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * flat[o + j]!;
      const e = sigmoid(z) - y[i]!;
      for (let j = 0; j < d; j++) grad[j] = grad[j]! + e * flat[o + j]!;
      gb += e;
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - rate * (grad[j]! / n + l2 * w[j]!);
    if (options.intercept) b -= (rate * gb) / n;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = b;
    for (let j = 0; j < d; j++) z += w[j]! * x[i]![j]!;
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(z)));
    loss -= y[i]! * Math.log(p) + (1 - y[i]!) * Math.log(1 - p);
  }
  return { coefficients: w, intercept: b, loss: n > 0 ? loss / n : 0 };
}
