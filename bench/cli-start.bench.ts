// Benchmark: start-up of the bundled CLI (`stackatlas lookup …`) against `node -e 0`, spawned alternately,
// the ratio of medians; warm (snapshot of the knowledge base found by file sizes and times), touched (a data
// file's times changed: the data files are hashed again to find the snapshot) and cold (empty cache folder,
// first run). Goal (issue 9): ≤ 2× `node -e 0` warm. Run: npx tsx bench/cli-start.bench.ts
import { cpSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureBuilt } from "../scripts/_serve.js";
import { type BenchOptions, type Figure, fmtMs, median, progress } from "./_figure.js";
import { peakRss, run } from "./_spawn.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "stackatlas.mjs");
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
  // Touched: a copy of data/ whose file's times change before each run (see src/kb/kb-snapshot.ts).
  const nTouched = options.quick ? 3 : 7;
  const touched: number[] = [];
  const bareTouched: number[] = [];
  const copy = mkdtempSync(join(tmpdir(), "stackatlas-data-"));
  try {
    cpSync(join(ROOT, "data"), copy, { recursive: true });
    const copyCli = [BIN, "--data", copy, "lookup", QUERY];
    run(copyCli); // records the copy's manifest; the snapshot is the same as data/'s
    const file = join(copy, "dimensions.yaml");
    for (let i = 0; i < nTouched; i++) {
      const t = Date.now() / 1000 - 3600 - i;
      utimesSync(file, t, t);
      bareTouched.push(run(["-e", "0"]));
      touched.push(run(copyCli));
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
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
  const mTouched = median(touched);
  const mBareTouched = median(bareTouched);
  progress(
    `CLI start: warm ${fmtMs(mWarm)}, touched ${fmtMs(mTouched)}, cold ${fmtMs(mCold)}, node -e 0 ${fmtMs(mBare)}`,
  );
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
      id: "cli.touched",
      name: "CLI start, a data file's times changed (content hashed)",
      value: mTouched,
      unit: "ms",
      baseline: { name: "node -e 0", value: mBareTouched, unit: "ms" },
      ratio: mTouched / mBareTouched,
      better: "lower",
      note: `median of ${nTouched} runs on a copy of data/, one file's mtime set back before each (ctime moves)`,
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
