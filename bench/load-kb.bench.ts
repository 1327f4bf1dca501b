// Benchmark: compiling the built-in knowledge base (read + parse + validate + compile), and loading it from
// its snapshot as the bundled CLI does, against reading and parsing the same YAML files alone.
// Run: npx tsx bench/load-kb.bench.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { loadKb } from "../src/kb/load-kb.js";
import { readKbFiles } from "../src/kb/read-kb-files.js";
import { type BenchOptions, type Figure, fmtMs, latency, progress } from "./_figure.js";

const DATA = resolve(import.meta.dirname, "../data");

export async function benchLoadKb(options: BenchOptions): Promise<Figure[]> {
  const time = options.quick ? 1_500 : 4_000;
  const parseOnly = await latency(
    "read + yaml.parse",
    () => {
      for (const f of readKbFiles(DATA).files) parse(f.text);
    },
    time,
  );
  const compile = await latency("loadKb", () => loadKb(DATA), time);
  const cache = mkdtempSync(join(tmpdir(), "stackatlas-bench-cache-"));
  const before = process.env.STACKATLAS_CACHE_DIR;
  process.env.STACKATLAS_CACHE_DIR = cache;
  let snapshot: Awaited<ReturnType<typeof latency>>;
  try {
    loadKb(DATA, { snapshotBuild: "bench" }); // writes the snapshot
    snapshot = await latency("loadKb from snapshot", () => loadKb(DATA, { snapshotBuild: "bench" }), time);
  } finally {
    if (before === undefined) delete process.env.STACKATLAS_CACHE_DIR;
    else process.env.STACKATLAS_CACHE_DIR = before;
    rmSync(cache, { recursive: true, force: true });
  }
  progress(`load: compile ${fmtMs(compile.p50)}, snapshot ${fmtMs(snapshot.p50)}, parse only ${fmtMs(parseOnly.p50)}`);
  const baseline = { name: "read + yaml.parse of the same files", value: parseOnly.p50, unit: "ms" };
  return [
    {
      id: "load.compile",
      name: "load: compile the built-in knowledge base",
      value: compile.p50,
      unit: "ms",
      baseline,
      ratio: compile.p50 / parseOnly.p50,
      better: "lower",
      note: `p50 of ${compile.samples} loads (read, parse, validate, compile); p99 ${fmtMs(compile.p99)}`,
    },
    {
      id: "load.snapshot",
      name: "load: the knowledge base from its snapshot (the CLI's path)",
      value: snapshot.p50,
      unit: "ms",
      baseline,
      ratio: snapshot.p50 / parseOnly.p50,
      better: "lower",
      note: `p50 of ${snapshot.samples} loads; p99 ${fmtMs(snapshot.p99)}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchLoadKb({ quick: true }));
