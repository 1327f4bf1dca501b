// Benchmark: importing the full CNCF landscape.yml (read + parse + map + merge), against its parts.
// Goal (issue 5): at most 1 s per import on this machine. Run: npx tsx bench/import-landscape.bench.ts
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Bench } from "tinybench";
import { parse } from "yaml";
import { importLandscape } from "../src/kb/import/import-landscape.js";
import { loadLandscapeMapping } from "../src/kb/import/load-landscape-mapping.js";
import { parseLandscape, readLandscape } from "../src/kb/import/read-landscape.js";
import { loadKb } from "../src/kb/load-kb.js";

/** Runs the import benchmark and prints its table; returns the mean milliseconds of a full import. */
export async function benchImportLandscape(): Promise<number | undefined> {
  const file =
    process.env.STACKATLAS_LANDSCAPE ?? resolve(import.meta.dirname, "../../shared/data/cncf-landscape/landscape.yml");
  if (!existsSync(file)) {
    console.warn(`import-landscape bench skipped: no landscape at ${file} (set STACKATLAS_LANDSCAPE)`);
    return undefined;
  }
  const kb = loadKb();
  const mapping = loadLandscapeMapping();
  const text = readFileSync(file, "utf8");
  const items = parseLandscape(text, file);
  const bench = new Bench({ iterations: 5, warmupIterations: 1 });
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
  console.table(bench.table());
  const full = bench.tasks[0]?.result;
  const mean = full && "latency" in full ? (full.latency as { mean: number }).mean : undefined;
  if (mean !== undefined) console.log(`full import: ${mean.toFixed(0)} ms (goal ≤ 1000 ms)`);
  return mean;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImportLandscape();
