// The server on a real socket, as `stackatlas serve` runs it: hot reload under --watch, and graceful shutdown.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type ClientRequest, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDataDir } from "../src/kb/default-data-dir.js";

const BIN = join(import.meta.dirname, "..", "bin", "stackatlas.mjs");

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly out: string[];
  readonly exited: Promise<number | null>;
}

/** Starts `stackatlas serve --port 0 …` and resolves with its URL once it prints it. */
function serve(...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    env: { ...process.env, STACKATLAS_LOG_LEVEL: "info" },
  });
  const out: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out.join("")}`)), 30_000);
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += String(chunk);
      out.push(String(chunk));
      const m = /stackatlas: serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, out, exited });
      }
    });
    child.stderr.on("data", (chunk: Buffer) => out.push(String(chunk)));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out.join("")}`));
    });
  });
}

/** GET on a new connection of its own (no keep-alive pool): the status, or a rejection if refused. */
function status(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as T };
}

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting; last value ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Status {
  generation: number;
  revision: number;
  current: boolean;
  watching: boolean;
  lastAttempt: { ok: boolean; errors: { code: string; file?: string }[] };
}

describe("serve --watch: hot reload of a copy of data/", () => {
  let dir: string;
  let served: Served;
  let k3sFile: string;
  let original: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "atlas-watch-"));
    cpSync(defaultDataDir(), join(dir, "data"), { recursive: true });
    k3sFile = join(dir, "data", "technologies", "k3s.yaml");
    original = readFileSync(k3sFile, "utf8");
    served = await serve("--watch", "--data", join(dir, "data"));
  });
  afterAll(async () => {
    served?.child.kill("SIGTERM");
    await served?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an invalid edit, keeps serving the last good knowledge base and reports the issues; picks up a valid edit", async () => {
    const status = () => getJson<Status>(`${served.url}/api/kb/status`).then((r) => r.body);
    const k3s = () => getJson<{ names: { en: string } }>(`${served.url}/api/technologies/k3s`);
    expect((await status()).watching).toBe(true);
    expect((await k3s()).body.names.en).toBe("K3s");

    writeFileSync(k3sFile, original.replace("role: orchestrator", "role: 42"));
    const refused = await until(status, (s) => s.revision >= 2 && !s.lastAttempt.ok);
    expect(refused.generation).toBe(1);
    expect(refused.current).toBe(false);
    expect(refused.lastAttempt.errors.some((e) => e.file === "technologies/k3s.yaml")).toBe(true);
    const still = await k3s();
    expect(still.status).toBe(200);
    expect(still.body.names.en).toBe("K3s");
    const report = await getJson<{ valid: boolean; errors: unknown[] }>(`${served.url}/api/validate`);
    expect(report.body.valid).toBe(false);
    expect(report.body.errors.length).toBeGreaterThan(0);
    // Ready once the worker pool is warm (it may still be warming on a busy machine).
    const ready = await until(
      () => fetch(`${served.url}/readyz`).then((r) => r.status),
      (status) => status === 200,
      120_000,
    );
    expect(ready).toBe(200);
    await until(
      async () => served.out.join(""),
      (log) => log.includes("reload refused") && log.includes("technologies/k3s.yaml"),
    );

    writeFileSync(k3sFile, original.replace("names: { en: K3s,", "names: { en: K3s edited,"));
    const reloaded = await until(status, (s) => s.generation >= 2);
    expect(reloaded.current).toBe(true);
    expect(reloaded.lastAttempt.ok).toBe(true);
    expect((await k3s()).body.names.en).toBe("K3s edited");
    expect((await getJson<{ valid: boolean }>(`${served.url}/api/validate`)).body.valid).toBe(true);
  });
});

describe("graceful shutdown", () => {
  it("lets an in-flight request finish after SIGTERM, refuses new connections, exits 0", async () => {
    const served = await serve();
    const body = JSON.stringify({ coordinate: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)", top: 3 });
    const port = Number(new URL(served.url).port);
    let req!: ClientRequest;
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/api/lookup",
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => {
            text += String(c);
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      // Half the body now: the request is in flight when the signal comes.
      req.write(body.slice(0, 10), () => sent());
    });
    let sent!: () => void;
    const written = new Promise<void>((r) => {
      sent = r;
    });
    await written;
    // The server accepts connections in order: once a later connection is answered, the first one is
    // accepted and its request in flight.
    expect(await status(port, "/healthz")).toBe(200);
    const draining = new Promise<void>((r) => {
      const look = () => {
        if (served.out.join("").includes("shutting down")) {
          served.child.stdout.off("data", look);
          r();
        }
      };
      served.child.stdout.on("data", look);
      look();
    });
    served.child.kill("SIGTERM");
    await draining;
    // Draining: a new connection is refused while the request in flight is still open.
    await expect(status(port, "/healthz")).rejects.toThrow();
    req.end(body.slice(10));
    const r = await answer;
    expect(r.status).toBe(200);
    expect((JSON.parse(r.text) as { exact: boolean }).exact).toBe(true);
    expect(await served.exited).toBe(0);
    expect(served.out.join("")).toContain("shutting down");
  });
});
