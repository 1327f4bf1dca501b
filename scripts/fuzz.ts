// `npm run fuzz`: at least 10,000 hostile requests against a real `stackatlas serve --watch` (127.0.0.1, a
// random port) on a copy of data/ that is edited throughout (atomic saves, a vanishing file, a file over the
// budget, an invalid edit) and whose snapshot cache was poisoned before the start. The requests (see
// _fuzz-requests.ts): malformed JSON, huge and deep bodies, unknown fields, hostile requirement values and
// system files, long strings, bad Host headers, slow and stalled bodies, unknown routes and methods, valid
// requests of every route. A liveness probe asks /healthz every 250 ms throughout.
//
// Reports the count per status and per kind, every 5xx other than the intended 503s (OVERLOADED with
// Retry-After, TIMEOUT), the liveness probe's slowest answer, whether the process is up and its RSS at the
// start and the end. Exits 1 when a bound fails: an unintended 5xx, a hung request, a reset on a request
// within the size limits, the process down, RSS at the end over --rss-ratio (1.5) × the start, a probe
// unanswered or slower than --probe-limit-ms (1000), the poisoned name served, or the last edit not seen.
// Options: --runs N (12,000), --seconds N (900), --seed N, --concurrency N (8), --edit-every S (5).
import { Agent, request } from "node:http";
import fc from "fast-check";
import { churn, prepareFolders } from "./_fuzz-churn.js";
import { type FuzzRequest, requestArbitrary, safeHeader } from "./_fuzz-requests.js";
import { type Child, ensureBuilt, numberArg, startChild } from "./_serve.js";

const RUNS = numberArg("runs", 12_000);
const SECONDS = numberArg("seconds", 900);
const SEED = numberArg("seed", 20_260_701);
const CONCURRENCY = numberArg("concurrency", 8);
const RSS_RATIO = numberArg("rss-ratio", 1.5);
const PROBE_LIMIT_MS = numberArg("probe-limit-ms", 1000);
/** Seconds between two edits of the watched folder (each one reloads the knowledge base). */
const EDIT_EVERY_S = numberArg("edit-every", 5);
/** Intended 503s: the queue is full (with Retry-After), or an operation ran past its deadline. */
const INTENDED_503 = new Set(["OVERLOADED", "TIMEOUT"]);

// Routes every run fuzzes; the rest come from the server's OpenAPI document, so a new route is fuzzed
// the day it lands.
const BASE_GET_ROUTES = [
  "/api/technologies",
  "/api/technologies/k3s",
  "/api/scenarios",
  "/api/scenarios/edge",
  "/api/lookup",
  "/api/path/serverless",
  "/api/validate",
  "/api/kb/status",
  "/api/openapi.json",
  "/healthz",
  "/readyz",
  "/",
];
const BASE_POST_ROUTES = ["/api/lookup", "/api/locate", "/api/compare"];

/** Sample values for path parameters, so parameterised routes are reached. */
const PATH_SAMPLES: Readonly<Record<string, string>> = { id: "k3s", scenario: "serverless" };

/** GET and POST paths of the OpenAPI document, parameters filled with samples. */
async function documentedRoutes(base: URL): Promise<{ get: string[]; post: string[] }> {
  const res = await fetch(new URL("/api/openapi.json", base));
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  const get: string[] = [];
  const post: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_SAMPLES[name] ?? "x");
    if ("get" in ops) get.push(concrete);
    if ("post" in ops) post.push(concrete);
  }
  return { get, post };
}

interface Answer {
  /** HTTP status; -1 the connection was reset, -2 no answer within 60 s. */
  readonly status: number;
  readonly code?: string;
  readonly retryAfter?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(base: URL, r: FuzzRequest, via: Agent | false = agent): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) headers[k] = safeHeader(v);
    const body = r.body === undefined ? undefined : Buffer.from(r.body, "utf8");
    if (body) headers["content-length"] = String(body.length);
    // A slow client holds its own connection.
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers,
        agent: r.slow ? false : via,
        timeout: 60_000,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (status >= 500 && size < 64 * 1024) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          let code: string | undefined;
          if (status >= 500) {
            try {
              code = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { error?: { code?: string } }).error?.code;
            } catch {}
          }
          const retryAfter = res.headers["retry-after"];
          resolve({ status, ...(code ? { code } : {}), ...(typeof retryAfter === "string" ? { retryAfter } : {}) });
        });
        res.on("error", () => resolve({ status: -1 }));
      },
    );
    // A reset (the server closing a connection after refusing a huge body) is not a 5xx; it is counted apart.
    req.on("error", () => resolve({ status: -1 }));
    // A socket the server closed while the body was still going out errors after the answer came: expected.
    req.on("socket", (socket) => {
      if (socket.listenerCount("error") < 2) socket.on("error", () => {});
    });
    req.on("timeout", () => {
      req.destroy();
      resolve({ status: -2 });
    });
    if (r.slow && body) {
      // Four pieces, 150 ms apart: the server must keep answering others meanwhile.
      void (async () => {
        const step = Math.ceil(body.length / 4);
        for (let i = 0; i < body.length; i += step) {
          if (req.destroyed) return;
          req.write(body.subarray(i, i + step));
          await sleep(150);
        }
        req.end();
      })();
    } else req.end(body);
  });
}

/** A request whose body never finishes: the server must end it (its deadline, or the socket's timeout). */
function stalled(base: URL): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: "POST",
        path: "/api/recommend",
        headers: { "content-type": "application/json", "content-length": "4096" },
        agent: false,
        timeout: 60_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(-1));
      },
    );
    req.on("error", () => resolve(-1));
    req.on("timeout", () => {
      req.destroy();
      resolve(-2);
    });
    req.write('{"scenario": "ed');
  });
}

interface Liveness {
  readonly answered: number;
  readonly failed: number;
  readonly slowestMs: number;
  readonly over: number;
}

/** Asks /healthz every 250 ms on a connection of its own until stopped. */
function liveness(base: URL): { stop(): Promise<Liveness> } {
  const own = new Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  let answered = 0;
  let failed = 0;
  let slowestMs = 0;
  let over = 0;
  const loop = (async () => {
    while (!stopped) {
      const t = performance.now();
      const a = await send(base, { kind: "probe", method: "GET", path: "/healthz", headers: {} }, own);
      const ms = performance.now() - t;
      if (a.status === 200) answered++;
      else failed++;
      slowestMs = Math.max(slowestMs, ms);
      if (ms > PROBE_LIMIT_MS) over++;
      await sleep(250);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      own.destroy();
      return { answered, failed, slowestMs, over };
    },
  };
}

async function json(base: URL, path: string): Promise<Record<string, unknown>> {
  try {
    const res = await fetch(new URL(path, base));
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The server has neither exited nor been killed by a signal. */
const up = (server: Child) => server.proc.exitCode === null && server.proc.signalCode === null;

async function main(): Promise<void> {
  ensureBuilt();
  const folders = prepareFolders();
  const server: Child = await startChild(
    ["bin/stackatlas.mjs", "serve", "--port", "0", "--watch", "--data", folders.data],
    {
      STACKATLAS_LOG_LEVEL: "error",
      STACKATLAS_CACHE_DIR: folders.cache,
    },
  );
  const base = new URL(server.url);
  const failures: string[] = [];
  try {
    for (
      let i = 0;
      i < 240 && (await send(base, { kind: "ready", method: "GET", path: "/readyz", headers: {} })).status !== 200;
      i++
    )
      await sleep(500);
    const documented = await documentedRoutes(base);
    const getRoutes = [...new Set([...BASE_GET_ROUTES, ...documented.get])];
    const postRoutes = [...new Set([...BASE_POST_ROUTES, ...documented.post])];
    // Warm up: every GET route and every valid POST once, so the start figure is the serving process.
    const warm = fc.sample(
      requestArbitrary(getRoutes, postRoutes).filter((r) => r.kind === "valid POST"),
      {
        numRuns: 40,
        seed: SEED,
      },
    );
    for (const path of getRoutes) await send(base, { kind: "warm", method: "GET", path, headers: {} });
    for (const r of warm) await send(base, r);
    await sleep(2_000);
    const rssStart = server.rssMiB();
    const servedAtStart = JSON.stringify(await json(base, "/api/technologies/k3s"));
    console.log(
      `fuzzing ${server.url} (pid ${server.pid}, --watch on a copy of data/, ${folders.poisonedFiles} cache files poisoned): ` +
        `${RUNS} requests or ${SECONDS} s, ${CONCURRENCY} at a time, seed ${SEED}; ${getRoutes.length} GET and ${postRoutes.length} POST routes`,
    );
    console.log(`  RSS at start ${rssStart.toFixed(0)} MiB (ready, every route answered once)`);

    const probe = liveness(base);
    const edits = churn(folders.data, EDIT_EVERY_S * 1000);
    const stalls: Promise<number>[] = [];
    const statuses = new Map<string, number>();
    const byKind = new Map<string, Map<string, number>>();
    const kindMs = new Map<string, number>();
    const unintended: { r: FuzzRequest; a: Answer }[] = [];
    let intended503 = 0;
    let smallResets = 0;
    const resetExamples: FuzzRequest[] = [];
    let hung = 0;
    let tried = 0;
    let rssPeak = rssStart;
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    const requests = requestArbitrary(getRoutes, postRoutes);
    for (let batch = 0; tried < RUNS && Date.now() < deadline && up(server); batch++) {
      const sample = fc.sample(requests, { numRuns: Math.min(400, RUNS - tried), seed: SEED + batch });
      // Two stalled bodies per batch, left for the server to end.
      stalls.push(stalled(base), stalled(base));
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < sample.length) {
            const r = sample[next++]!;
            const t0 = performance.now();
            const a = await send(base, r);
            kindMs.set(r.kind, (kindMs.get(r.kind) ?? 0) + performance.now() - t0);
            tried++;
            const key = a.status === -1 ? "reset" : a.status === -2 ? "hung" : String(a.status);
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            const kind = byKind.get(r.kind) ?? new Map<string, number>();
            kind.set(key, (kind.get(key) ?? 0) + 1);
            byKind.set(r.kind, kind);
            // A reset is expected only where the server refused a request while it was still being sent: a
            // body over the route's limit (413), or a request line and headers over Node's 16 KiB (431).
            const oversized = Buffer.byteLength(r.body ?? "") > 64 * 1024 || r.path.length > 16 * 1024;
            if (a.status === -1 && !oversized && smallResets++ < 5) resetExamples.push(r);
            if (a.status === -2) hung++;
            if (
              a.status === 503 &&
              a.code !== undefined &&
              INTENDED_503.has(a.code) &&
              (a.code !== "OVERLOADED" || a.retryAfter)
            )
              intended503++;
            else if (a.status >= 500 && unintended.push({ r, a }) > 50) unintended.shift();
          }
        }),
      );
      rssPeak = Math.max(rssPeak, server.rssMiB());
      process.stdout.write(
        `  ${tried} requests, ${((Date.now() - started) / 1000).toFixed(0)} s, rss ${server.rssMiB().toFixed(0)} MiB\n`,
      );
    }
    await edits.stop();
    const stallStatuses = await Promise.all(stalls);
    const live = await probe.stop();
    // The last edit is seen (the watcher or its periodic scan) and the folder is valid again.
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) {
      await sleep(500);
      status = await json(base, "/api/kb/status").catch(() => ({}));
      if (status.current === true && (status.lastAttempt as { ok?: boolean } | undefined)?.ok === true) break;
    }
    const alive = up(server);
    const health = alive
      ? (await send(base, { kind: "health", method: "GET", path: "/healthz", headers: {} })).status
      : 0;
    const served = alive ? JSON.stringify(await json(base, "/api/technologies/k3s")) : "";
    await sleep(3_000);
    const rssEnd = server.rssMiB();
    rssPeak = Math.max(rssPeak, rssEnd);
    const seconds = (Date.now() - started) / 1000;
    const fiveXX = [...statuses.entries()].filter(([s]) => s.startsWith("5")).reduce((a, [, n]) => a + n, 0);
    const fmt = (m: Map<string, number>) =>
      [...m.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([s, n]) => `${s}: ${n}`)
        .join(", ");

    console.log("\nfuzz summary");
    console.log(`  requests           ${tried} in ${seconds.toFixed(0)} s (seed ${SEED}, ${CONCURRENCY} at a time)`);
    console.log(`  statuses           ${fmt(statuses)}`);
    for (const [kind, m] of [...byKind.entries()].sort((a, b) => a[0].localeCompare(b[0])))
      console.log(
        `    ${kind.padEnd(16)} ${fmt(m)} (mean ${((kindMs.get(kind) ?? 0) / [...m.values()].reduce((a, b) => a + b, 0)).toFixed(0)} ms)`,
      );
    const stallCounts = new Map<string, number>();
    for (const s of stallStatuses) stallCounts.set(String(s), (stallCounts.get(String(s)) ?? 0) + 1);
    console.log(`  stalled bodies     ${stallStatuses.length}: ${fmt(stallCounts)}`);
    console.log(`  5xx                ${fiveXX}: intended 503 ${intended503}, other ${unintended.length}`);
    for (const { r, a } of unintended.slice(0, 5))
      console.log(
        `    e.g. ${a.status} ${a.code ?? ""} ${r.kind}: ${r.method} ${r.path.slice(0, 120)} ${(r.body ?? "").slice(0, 200)}`,
      );
    console.log(
      `  resets             ${statuses.get("reset") ?? 0} (on requests within the size limits: ${smallResets}); hung ${hung}`,
    );
    for (const r of resetExamples)
      console.log(
        `    e.g. ${r.kind}: ${r.method} ${r.path.slice(0, 120)} (body ${Buffer.byteLength(r.body ?? "")} bytes${r.slow ? ", slow" : ""})`,
      );
    console.log(
      `  file edits         ${fmt(edits.counts)}; after them /api/kb/status current ${status.current}, generation ${status.generation}`,
    );
    console.log(
      `  poisoned cache     ${folders.poisonedFiles} files; k3s served as ${served.includes(folders.poisonedName) ? "the POISONED name" : `"${folders.k3sName}"`}`,
    );
    console.log(
      `  liveness /healthz  ${live.answered} answered, ${live.failed} failed, slowest ${live.slowestMs.toFixed(0)} ms, ${live.over} over ${PROBE_LIMIT_MS} ms`,
    );
    console.log(
      `  process            ${alive ? "up" : `DIED (exit code ${server.proc.exitCode}, signal ${server.proc.signalCode})`}; /healthz after: ${health}`,
    );
    console.log(
      `  server RSS (MiB)   start ${rssStart.toFixed(0)}, peak ${rssPeak.toFixed(0)}, end ${rssEnd.toFixed(0)}: end ÷ start ${(rssEnd / rssStart).toFixed(2)} (bound ${RSS_RATIO})`,
    );
    if (unintended.length > 0) failures.push(`${fiveXX - intended503} answers were a 5xx other than an intended 503`);
    if (hung > 0) failures.push(`${hung} requests got no answer within 60 s`);
    if (smallResets > 0) failures.push(`${smallResets} connections were reset on requests within the size limits`);
    if (stallStatuses.some((s) => s < 0)) failures.push("a stalled body was never answered");
    if (!alive || health !== 200) {
      failures.push("the server did not stay up");
      process.stderr.write(`the server's last words (stderr):\n${server.stderrTail() || "(nothing)"}\n`);
    }
    if (!(rssEnd <= RSS_RATIO * rssStart)) failures.push(`RSS ended at ${(rssEnd / rssStart).toFixed(2)}× its start`);
    if (live.failed > 0 || live.over > 0)
      failures.push(
        `the liveness probe failed ${live.failed} times and took over ${PROBE_LIMIT_MS} ms ${live.over} times`,
      );
    if (served.includes(folders.poisonedName) || servedAtStart.includes(folders.poisonedName))
      failures.push("the poisoned snapshot was served");
    if (status.current !== true) failures.push("the knowledge base did not reload to the last valid edit");
    if (tried < Math.min(RUNS, 10_000)) failures.push(`only ${tried} requests were sent`);
  } finally {
    agent.destroy();
    await server.stop();
    folders.remove();
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exitCode = 1;
  } else {
    console.log("  result             PASS: no unintended 5xx, the process stayed up and answered, RSS within bounds");
  }
}

await main();
