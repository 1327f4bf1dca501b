// Starts a server as a child process and waits for the URL it prints: for `npm run fuzz` and `npm run load`.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");

export interface Child {
  readonly proc: ChildProcess;
  readonly url: string;
  readonly pid: number;
  readonly exited: Promise<number | null>;
  /** Its resident set size in MiB (Linux /proc), or NaN where that cannot be read. */
  rssMiB(): number;
  /** The last 8 KiB it wrote to stderr: why it died, when it does. */
  stderrTail(): string;
  stop(): Promise<number | null>;
}

/** Builds the bundled CLI when it is missing (the scripts measure what `npm start` runs). */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) {
    execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { stdio: "inherit" });
  }
}

/** Runs `node <args>` and resolves once it prints a line with `http://127.0.0.1:PORT`. */
export function startChild(args: readonly string[], env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  let log = "";
  let tail = "";
  proc.stderr?.on("data", (chunk: Buffer) => {
    tail = (tail + String(chunk)).slice(-8192);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      if (log.length < 100_000) log += String(chunk);
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m && proc.pid !== undefined) {
        clearTimeout(timer);
        proc.stdout?.off("data", onData);
        // Keep draining its output so it never blocks on a full pipe.
        proc.stdout?.resume();
        const pid = proc.pid;
        resolve({
          proc,
          url: m[1]!,
          pid,
          exited,
          stderrTail: () => tail,
          rssMiB: () => {
            try {
              const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
              return kb === undefined ? Number.NaN : Number(kb) / 1024;
            } catch {
              return Number.NaN;
            }
          },
          stop: async () => {
            if (proc.exitCode === null) proc.kill("SIGTERM");
            return exited;
          },
        });
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", (chunk: Buffer) => {
      if (log.length < 100_000) log += String(chunk);
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing its URL:\n${log}`));
    });
  });
}

/** `--name value` from argv, as a number. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  const raw = eq ? eq.slice(name.length + 3) : i >= 0 ? process.argv[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants a positive number, not "${raw}"`);
  return n;
}
