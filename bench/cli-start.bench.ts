// Benchmark: start-up of the bundled CLI (`stackatlas lookup …`) against `node -e 0`, spawned alternately,
// the ratio of medians; warm (snapshot of the knowledge base reused) and cold (empty cache folder, first run).
// Goal (issue 9): ≤ 2× `node -e 0`. Run: npx tsx bench/cli-start.bench.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureBuilt } from "../scripts/_serve.js";
import { type BenchOptions, type Figure, fmtMs, median, progress } from "./_figure.js";
import { peakRss, run } from "./_spawn.js";

const BIN = join(resolve(import.meta.dirname, ".."), "bin", "stackatlas.mjs");
const QUERY = "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)";
export async function benchCliStart(options: BenchOptions): Promise<Figure[]> {
  ensureBuilt();
  const n = options.quick ? 10 : 30;
  const cli = [BIN, "lookup", QUERY];
  run(cli); // warms the snapshot of the knowledge base (and the OS's file cache)
  run(["-e", "0"]);
  const warm: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < n; i++) {
    // Alternate, so that a slow moment of the machine hits both.
    bare.push(run(["-e", "0"]));
    warm.push(run(cli));
  }
  const nCold = options.quick ? 3 : 7;
  const cold: number[] = [];
  const bareCold: number[] = [];
  for (let i = 0; i < nCold; i++) {
    const dir = mkdtempSync(join(tmpdir(), "stackatlas-cache-"));
    try {
      bareCold.push(run(["-e", "0"]));
      cold.push(run(cli, { STACKATLAS_CACHE_DIR: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const mWarm = median(warm);
  const mBare = median(bare);
  const mCold = median(cold);
  const mBareCold = median(bareCold);
  const rssWarm = peakRss(cli);
  const coldDir = mkdtempSync(join(tmpdir(), "stackatlas-cache-"));
  const rssCold = peakRss(cli, { STACKATLAS_CACHE_DIR: coldDir });
  rmSync(coldDir, { recursive: true, force: true });
  const rssBare = peakRss(["-e", "0"]);
  progress(`CLI start: warm ${fmtMs(mWarm)}, cold ${fmtMs(mCold)}, node -e 0 ${fmtMs(mBare)}`);
  const ratio = mWarm / mBare;
  return [
    {
      id: "cli.warm",
      name: "CLI start: `stackatlas lookup …` (snapshot warm)",
      value: mWarm,
      unit: "ms",
      baseline: { name: "node -e 0", value: mBare, unit: "ms" },
      ratio,
      better: "lower",
      goal: "≤ 2× node -e 0",
      pass: ratio <= 2,
      note: `median of ${n} runs each, spawned alternately; node -e 0 peak RSS ${rssBare.toFixed(0)} MiB`,
      rssMiB: rssWarm,
    },
    {
      id: "cli.cold",
      name: "CLI start, first run (empty STACKATLAS_CACHE_DIR)",
      value: mCold,
      unit: "ms",
      baseline: { name: "node -e 0", value: mBareCold, unit: "ms" },
      ratio: mCold / mBareCold,
      better: "lower",
      note: `median of ${nCold} runs, each with a new empty cache folder (compiles and writes the snapshot)`,
      rssMiB: rssCold,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchCliStart({ quick: true }));
