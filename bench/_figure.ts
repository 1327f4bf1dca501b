// The rows of the benchmark table: every figure beside the baseline measured in the same run, the ratio
// between them, the goal it is held to, and the peak RSS of the process that measured it.
import { Bench } from "tinybench";

export interface Figure {
  /** Stable id: what `--check` matches against bench/baseline.json. */
  readonly id: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  /** What the figure is compared with, measured in the same run. */
  readonly baseline?: { readonly name: string; readonly value: number | null; readonly unit: string };
  /** value ÷ baseline, or baseline ÷ value for speed-ups; `atLeast` when the baseline stopped at its cap. */
  readonly ratio?: number | null;
  readonly ratioText?: string;
  readonly atLeast?: boolean;
  /** Which way the ratio improves (for --check). */
  readonly better?: "higher" | "lower";
  readonly goal?: string;
  readonly pass?: boolean | null;
  readonly note?: string;
  /** Peak resident set size of the child process that measured it, MiB. */
  rssMiB?: number;
}

/** Options every benchmark file takes. */
export interface BenchOptions {
  readonly quick: boolean;
}

export const fmtMs = (ms: number | null | undefined): string =>
  ms === null || ms === undefined || !Number.isFinite(ms)
    ? "—"
    : ms < 1
      ? `${(ms * 1000).toFixed(0)} µs`
      : ms < 1000
        ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
        : ms < 600_000
          ? `${(ms / 1000).toFixed(1)} s`
          : ms < 172_800_000
            ? `${(ms / 3_600_000).toFixed(1)} h`
            : `${(ms / 86_400_000).toFixed(0)} days`;

export function fmtValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (unit === "ms") return fmtMs(v);
  if (unit === "MiB") return `${v.toFixed(0)} MiB`;
  if (unit === "req/s") return `${v.toFixed(0)} req/s`;
  if (unit === "×") return `${v.toFixed(2)}×`;
  return `${+v.toPrecision(4)} ${unit}`;
}

export function fmtRatio(f: Figure): string {
  if (f.ratioText) return f.ratioText;
  if (f.ratio === null || f.ratio === undefined) return "—";
  const r = f.ratio >= 100 ? f.ratio.toFixed(0) : f.ratio >= 10 ? f.ratio.toFixed(1) : f.ratio.toFixed(2);
  return `${f.atLeast ? "≥ " : ""}${r}×`;
}

/** p50 and p99 of a function's latency (ms) by tinybench, run for `time` ms after a warm-up. */
export async function latency(
  name: string,
  fn: () => unknown,
  time: number,
  iterations = 10,
): Promise<{ p50: number; p99: number; samples: number }> {
  const bench = new Bench({ time, iterations, warmup: true, warmupTime: Math.min(500, time / 4), warmupIterations: 2 });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0]?.result as unknown as
    | { latency?: { p50?: number; p99?: number; samplesCount?: number }; error?: unknown }
    | undefined;
  if (r?.error) throw r.error;
  return {
    p50: r?.latency?.p50 ?? Number.NaN,
    p99: r?.latency?.p99 ?? Number.NaN,
    samples: r?.latency?.samplesCount ?? 0,
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Progress on stderr, so that stdout stays the table. */
export const progress = (msg: string): void => {
  process.stderr.write(`  · ${msg}\n`);
};
