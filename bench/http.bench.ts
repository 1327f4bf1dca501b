// Benchmark: the HTTP API under load. Reuses `npm run load` (scripts/load.ts: autocannon, 100 connections,
// against a plain node:http hello-world in the same run) and reads its summary.
// Goal (issue 9): lookup ≥ 0.5× hello-world throughput, p99 ≤ 20 ms at 100 connections.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { type BenchOptions, type Figure, progress } from "./_figure.js";

const ROOT = resolve(import.meta.dirname, "..");

export interface LoadRow {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** The rows of scripts/load.ts's "load summary" block. */
export function parseLoadSummary(text: string): LoadRow[] {
  const at = text.indexOf("load summary");
  if (at < 0) return [];
  const rows: LoadRow[] = [];
  const re = /^\s{2}(\S.*?)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)(?:\s+[\d.]+){2,3}\s*$/;
  for (const line of text.slice(at).split("\n")) {
    const m = re.exec(line);
    if (m)
      rows.push({
        name: m[1]!.trim(),
        rps: Number(m[2]),
        p50: Number(m[3]),
        p99: Number(m[4]),
        errors: Number(m[5]),
        non2xx: Number(m[6]),
      });
  }
  return rows;
}

export async function benchHttp(options: BenchOptions): Promise<Figure[]> {
  const duration = options.quick ? 3 : 10;
  progress(`HTTP: npm run load -- --duration ${duration} (about ${(duration + 1) * 5} s)`);
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/load.ts", "--duration", String(duration), "--connections", "100"],
    // Request logs would measure the terminal, not the server.
    { cwd: ROOT, env: { ...process.env, STACKATLAS_LOG_LEVEL: "warn" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const rows = parseLoadSummary(`${r.stdout}`);
  const hello = rows.find((x) => x.name.startsWith("hello"));
  // load.ts exits 1 when any request errs or times out: the figures still stand, marked as failing.
  const failed = r.status !== 0 ? `scripts/load.ts exited ${r.status} (errors or non-2xx answers); ` : "";
  if (!hello) {
    return [
      {
        id: "http.lookup",
        name: "HTTP lookup",
        value: null,
        unit: "req/s",
        pass: false,
        note: `scripts/load.ts failed (exit ${r.status}): ${`${r.stderr}${r.stdout}`.trim().split("\n").slice(-3).join(" / ")}`,
      },
    ];
  }
  const baseline = { name: `hello-world (p99 ${hello.p99} ms)`, value: hello.rps, unit: "req/s" };
  const figure = (id: string, row: LoadRow | undefined, name: string, goal?: string): Figure => {
    if (!row)
      return { id, name, value: null, unit: "req/s", note: "not measured: scripts/load.ts has no such target yet" };
    const ratio = row.rps / hello.rps;
    const ok = row.errors + row.non2xx === 0;
    return {
      id,
      name: `${name}: throughput (p99 ${row.p99} ms)`,
      value: row.rps,
      unit: "req/s",
      baseline,
      ratio,
      better: "higher",
      ...(goal ? { goal, pass: ok && ratio >= 0.5 && row.p99 <= 20 } : {}),
      note: `${failed}p50 ${row.p50} ms, p99 ${row.p99} ms, 100 connections × ${duration} s; errors ${row.errors}, non-2xx ${row.non2xx}`,
    };
  };
  return [
    figure(
      "http.lookup",
      rows.find((x) => x.name.startsWith("lookup, one")),
      "HTTP lookup, one coordinate",
      "≥ 0.5× hello-world, p99 ≤ 20 ms",
    ),
    figure(
      "http.lookup-many",
      rows.find((x) => x.name.startsWith("lookup, 2")),
      "HTTP lookup, 2,000 coordinates",
      "≥ 0.5× hello-world, p99 ≤ 20 ms",
    ),
    figure(
      "http.recommend",
      rows.find((x) => x.name.startsWith("recommend")),
      "HTTP recommend (edge, 2025)",
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchHttp({ quick: true }));
