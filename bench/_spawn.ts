// Spawning `node` for the benchmarks that time whole processes: wall time, and peak RSS through a preloaded hook.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** Writes the process's peak RSS (KiB) to a file at exit; preloaded only in the runs that measure memory. */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  `process.on("exit", () => process.getBuiltinModule("node:fs").writeFileSync(process.env.STACKATLAS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));`,
)}`;

/** Runs `node <args>` in the project folder and returns its wall time in ms; throws when it fails. */
export function run(args: readonly string[], env: Record<string, string> = {}): number {
  return runCapture(args, env).ms;
}

/** Runs `node <args>`; its wall time and what it printed on stdout. */
export function runCapture(args: readonly string[], env: Record<string, string> = {}): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${String(r.stderr).slice(-800)}`);
  return { ms, stdout: r.stdout };
}

/** Peak RSS (MiB) and wall time (ms) of one run of `node <args>`. */
export function peakRss(args: readonly string[], env: Record<string, string> = {}): number {
  return measured(args, env).rssMiB;
}

export function measured(
  args: readonly string[],
  env: Record<string, string> = {},
): { ms: number; rssMiB: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), "stackatlas-rss-"));
  const file = join(dir, "rss");
  try {
    const { ms, stdout } = runCapture(["--import", RSS_HOOK, ...args], { ...env, STACKATLAS_BENCH_RSS_FILE: file });
    return { ms, stdout, rssMiB: Number(readFileSync(file, "utf8")) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
