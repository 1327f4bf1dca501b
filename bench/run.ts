// `npm run bench`: every hot path beside its baseline measured in the same run, one table, and
// bench/results/latest.json with the machine's description. Each group of figures runs in its own child
// process, so that the peak RSS reported beside a figure is that of the process that measured it.
//   --quick            shorter runs (fewer samples, scans capped at 5 s, no 100k knowledge base)
//   --check            compare the ratios with bench/baseline.json; exit 1 when one regresses by more than 25 %
//   --no-run           with --check: compare bench/results/latest.json instead of measuring again
//   --write-baseline   write bench/baseline.json from this run
//   --only a,b         only these groups (see GROUPS)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import Table from "cli-table3";
import { type BenchOptions, type Figure, fmtRatio, fmtValue } from "./_figure.js";

const ROOT = resolve(import.meta.dirname, "..");
const RESULTS = join(ROOT, "bench", "results");
const BASELINE = join(ROOT, "bench", "baseline.json");
/** A ratio that moves this much the wrong way against the committed baseline fails --check. */
const TOLERANCE = 1.25;

type Group = (o: BenchOptions) => Promise<Figure[]>;

const lookup =
  (size: "real" | number): Group =>
  async (o) =>
    (await import("./lookup-nearest.bench.js")).benchLookupNearest(size, o);

/** The groups, in the order they run and print; each runs in its own child process. */
const GROUPS: Record<string, { run: Group; full?: boolean }> = {
  idle: { run: async () => [] },
  recommend: { run: async (o) => (await import("./recommend-figures.js")).recommendFigures(o) },
  "lookup-real": { run: lookup("real") },
  "lookup-100": { run: lookup(100) },
  "lookup-1k": { run: lookup(1_000) },
  "lookup-10k": { run: lookup(10_000) },
  "lookup-100k": { run: lookup(100_000), full: true },
  cli: { run: async (o) => (await import("./cli-start.bench.js")).benchCliStart(o) },
  load: { run: async (o) => (await import("./load-kb.bench.js")).benchLoadKb(o) },
  import: { run: async (o) => (await import("./import-landscape.bench.js")).importLandscapeFigures(o) },
  http: { run: async (o) => (await import("./http.bench.js")).benchHttp(o) },
};

interface Results {
  readonly date: string;
  readonly quick: boolean;
  readonly seconds: number;
  readonly machine: Record<string, unknown>;
  readonly figures: readonly Figure[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

/** In a child: run one group, add this process's peak RSS to its figures, write them to `--out`. */
async function child(group: string, out: string, options: BenchOptions): Promise<void> {
  const g = GROUPS[group];
  if (!g) throw new Error(`bench: unknown group "${group}"`);
  const figures = await g.run(options);
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  for (const f of figures) f.rssMiB ??= rssMiB;
  writeFileSync(out, JSON.stringify({ figures, rssMiB }));
}

function runGroups(options: BenchOptions): Results {
  const started = performance.now();
  const only = arg("only")?.split(",");
  const names = Object.entries(GROUPS)
    .filter(([name, g]) => (only ? only.includes(name) || name === "idle" : !(g.full && options.quick)))
    .map(([name]) => name);
  mkdirSync(RESULTS, { recursive: true });
  const figures: Figure[] = [];
  for (const name of names) {
    const out = join(RESULTS, `.${name}.json`);
    rmSync(out, { force: true });
    process.stderr.write(`bench: ${name}\n`);
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--group", name, "--out", out, ...(options.quick ? ["--quick"] : [])],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
    );
    if (r.status !== 0 || !existsSync(out)) {
      figures.push({
        id: `${name}.failed`,
        name: `${name}: the group failed (exit ${r.status})`,
        value: null,
        unit: "",
        pass: false,
      });
      continue;
    }
    const { figures: fs, rssMiB } = JSON.parse(readFileSync(out, "utf8")) as { figures: Figure[]; rssMiB: number };
    rmSync(out, { force: true });
    if (name === "idle")
      figures.push({
        id: "memory.idle",
        name: "memory baseline: a measuring child doing nothing (node + tsx)",
        value: rssMiB,
        unit: "MiB",
        rssMiB,
      });
    figures.push(...fs);
    process.stderr.write(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  }
  return {
    date: new Date().toISOString(),
    quick: options.quick,
    seconds: Math.round((performance.now() - started) / 1000),
    machine: machine(),
    figures,
  };
}

function printTable(r: Results): void {
  const tty = process.stdout.isTTY;
  const table = new Table({
    head: ["figure", "value", "baseline (same run)", "ratio", "goal", "pass", "peak RSS"],
    ...(tty ? {} : { style: { head: [], border: [] } }),
    colWidths: [44, 12, 34, 10, 22, 6, 10],
    wordWrap: true,
  });
  for (const f of r.figures) {
    table.push([
      f.name,
      fmtValue(f.value, f.unit),
      f.baseline ? `${f.baseline.name}: ${fmtValue(f.baseline.value, f.baseline.unit)}` : "—",
      fmtRatio(f),
      f.goal ?? "—",
      f.pass === undefined || f.pass === null ? "—" : f.pass ? "pass" : "FAIL",
      f.rssMiB === undefined ? "—" : `${f.rssMiB.toFixed(0)} MiB`,
    ]);
  }
  const m = r.machine;
  console.log(
    `stackatlas bench${r.quick ? " (quick)" : ""} — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${r.date}, ${r.seconds} s`,
  );
  console.log(table.toString());
  for (const f of r.figures) if (f.note) console.log(`  ${f.id}: ${f.note}`);
}

/** Ratios that moved the wrong way by more than the tolerance against the committed baseline. */
function check(r: Results): string[] {
  if (!existsSync(BASELINE)) return [`no ${BASELINE}: write one with --write-baseline`];
  const base = JSON.parse(readFileSync(BASELINE, "utf8")) as Results;
  const before = new Map(base.figures.map((f) => [f.id, f]));
  const bad: string[] = [];
  for (const f of r.figures) {
    const b = before.get(f.id);
    if (!b || !f.better || typeof f.ratio !== "number" || typeof b.ratio !== "number") continue;
    if (f.atLeast || b.atLeast) {
      // A speed-up over a capped baseline is a lower bound set by the cap, not a figure to hold.
      console.log(`  skipped   ${f.id}: ratio ${fmtRatio(f)} is a lower bound (the baseline did not finish)`);
      continue;
    }
    const worse = f.better === "lower" ? f.ratio > b.ratio * TOLERANCE : f.ratio < b.ratio / TOLERANCE;
    const line = `${f.id}: ratio ${fmtRatio(f)} vs baseline ${fmtRatio(b)} (${f.better} is better)`;
    console.log(`  ${worse ? "REGRESSED" : "ok       "} ${line}`);
    if (worse) bad.push(line);
  }
  for (const f of r.figures) if (f.pass === false && f.id.endsWith(".failed")) bad.push(`${f.id}: the group failed`);
  return bad;
}

async function main(): Promise<void> {
  const options: BenchOptions = { quick: flag("quick") };
  const group = arg("group");
  if (group) {
    await child(group, arg("out") ?? join(RESULTS, `.${group}.json`), options);
    return;
  }
  let results: Results;
  if (flag("no-run")) {
    results = JSON.parse(readFileSync(join(RESULTS, "latest.json"), "utf8")) as Results;
  } else {
    results = runGroups(options);
    writeFileSync(join(RESULTS, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  }
  printTable(results);
  if (flag("write-baseline")) {
    writeFileSync(BASELINE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`wrote ${BASELINE}`);
  }
  if (flag("check")) {
    console.log(`\ncheck against ${BASELINE} (a ratio more than ${Math.round((TOLERANCE - 1) * 100)} % worse fails):`);
    const bad = check(results);
    if (bad.length > 0) {
      console.error(`bench --check: ${bad.length} regression(s)`);
      process.exitCode = 1;
    } else console.log("bench --check: no regression");
  }
}

await main();
