// Benchmark: importing the full CNCF landscape.yml (read + parse + map + merge), against its parts.
// Goal (issues 5 and 9): at most 1 s per import and 200 MB RSS on this machine. Run: npx tsx bench/import-landscape.bench.ts
import { existsSync, readFileSync } from "node:fs";
import { Bench } from "tinybench";
import { parse } from "yaml";
import { ensureBuilt } from "../scripts/_serve.js";
import { shippedLandscapePath } from "../src/kb/import/default-landscape-path.js";
import { importLandscape } from "../src/kb/import/import-landscape.js";
import { loadLandscapeMapping } from "../src/kb/import/load-landscape-mapping.js";
import { parseLandscape, readLandscape } from "../src/kb/import/read-landscape.js";
import { loadKb } from "../src/kb/load-kb.js";
import type { BenchOptions, Figure } from "./_figure.js";
import { measured } from "./_spawn.js";

/** The landscape file: STACKATLAS_LANDSCAPE, else the snapshot that ships with the project. */
export function landscapeFile(): string {
  return process.env.STACKATLAS_LANDSCAPE || shippedLandscapePath();
}

/** Runs the import benchmark; returns the mean milliseconds of a full import, of yaml.parse alone and of the merge. */
export async function benchImportLandscape(
  options: { quiet?: boolean; iterations?: number } = {},
): Promise<{ full: number; parse: number; merge: number; items: number } | undefined> {
  const file = landscapeFile();
  if (!existsSync(file)) {
    console.warn(`import-landscape bench skipped: no landscape at ${file} (set STACKATLAS_LANDSCAPE)`);
    return undefined;
  }
  const kb = loadKb();
  const mapping = loadLandscapeMapping();
  const text = readFileSync(file, "utf8");
  const items = parseLandscape(text, file);
  const bench = new Bench({ iterations: options.iterations ?? 5, warmupIterations: 1, time: 0 });
  bench
    .add("import cncf-landscape (read + parse + map + merge)", () => {
      importLandscape(kb, readLandscape(file), mapping, { file });
    })
    .add("baseline: yaml.parse alone (no locations, no checks)", () => {
      parse(text);
    })
    .add("merge only (items already parsed)", () => {
      importLandscape(kb, items, mapping, { file });
    });
  await bench.run();
  if (!options.quiet) console.table(bench.table());
  const mean = (i: number) => {
    const r = bench.tasks[i]?.result;
    return r && "latency" in r ? (r.latency as { mean: number }).mean : Number.NaN;
  };
  const out = { full: mean(0), parse: mean(1), merge: mean(2), items: items.length };
  if (!options.quiet) console.log(`full import: ${out.full.toFixed(0)} ms (goal ≤ 1000 ms)`);
  return out;
}

/** The import as rows of the suite's table (time and peak RSS are both held to goals). */
export async function importLandscapeFigures(options: BenchOptions): Promise<Figure[]> {
  const r = await benchImportLandscape({ quiet: true, iterations: options.quick ? 3 : 5 });
  if (!r)
    return [
      {
        id: "import.landscape",
        name: "import landscape.yml",
        value: null,
        unit: "ms",
        note: `not measured: no landscape at ${landscapeFile()}`,
      },
    ];
  // The user's path, in a process of its own: the bundled CLI importing the file (its peak RSS is the goal's).
  ensureBuilt();
  const cli = ["bin/stackatlas.mjs", "import", "cncf-landscape", landscapeFile(), "--format", "json"];
  const runs = Array.from({ length: options.quick ? 1 : 3 }, () => measured(cli));
  const cliMs = Math.min(...runs.map((x) => x.ms));
  const cliRss = Math.max(...runs.map((x) => x.rssMiB));
  return [
    {
      id: "import.landscape",
      name: `import landscape.yml (${r.items.toLocaleString("en")} items), in process`,
      value: r.full,
      unit: "ms",
      baseline: { name: "yaml.parse of the file alone", value: r.parse, unit: "ms" },
      ratio: r.full / r.parse,
      better: "lower",
      goal: "≤ 1 s",
      pass: r.full <= 1000,
      note: `mean of full imports (read + parse + map + merge); merge alone ${r.merge.toFixed(0)} ms; RSS: the measuring process (tsx, knowledge base, every iteration)`,
    },
    {
      id: "import.landscape-cli",
      name: "import landscape.yml: `stackatlas import cncf-landscape` process",
      value: cliMs,
      unit: "ms",
      baseline: { name: "in-process import", value: r.full, unit: "ms" },
      ratio: cliMs / r.full,
      better: "lower",
      goal: "≤ 200 MB peak RSS",
      pass: cliRss <= 200,
      note: `wall time of the whole command (start, load, import, JSON out), best of ${runs.length}; peak RSS ${cliRss.toFixed(0)} MiB`,
      rssMiB: cliRss,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImportLandscape();
