// `npm run load`: autocannon against `stackatlas serve` on 127.0.0.1 beside a plain `node:http` hello-world
// measured in the same run, 50 connections for 10 s per target (--duration N, --connections N). Every
// figure is reported as a ratio to hello-world's: throughput, p50 and p99 latency.
// Targets: lookup of one coordinate (the answer kept per knowledge base), a technology, lookup over 2,000
// coordinates (more than the server keeps), and recommend (edge, 2025) saturated. While recommend is
// saturated: /healthz and the cached lookup at a low rate (their p99), and the latency of the 503 +
// Retry-After answers that shed the excess. Then recommend again on a server with one worker
// (STACKATLAS_WORKERS=1): how throughput scales with the pool. Each server runs in its own process, the
// learned weights evaluated before recommend is measured; this one only drives load.
// Exits 1 on a connection error or timeout, or a non-2xx answer other than recommend's 503 OVERLOADED.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import autocannon, { type RequestSpec, type Result } from "autocannon";
import { type Child, ensureBuilt, numberArg, ROOT, startChild } from "./_serve.js";

const DURATION = numberArg("duration", 10);
const CONNECTIONS = numberArg("connections", 50);
/** `--write`: replace the block between the load markers in docs/performance.md with this run's figures. */
const WRITE = process.argv.includes("--write");
const BEGIN = "<!-- npm run load: begin -->";
const END = "<!-- npm run load: end -->";

const HELLO = `
import { createServer } from "node:http";
const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("Hello World");
});
server.listen(0, "127.0.0.1", () => console.log("hello on http://127.0.0.1:" + server.address().port));
`;

interface Row {
  readonly name: string;
  readonly result: Result;
  /** Answers other than 2xx that are expected here (recommend's 503s when saturated). */
  readonly shed?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function line(name: string, r: Result): string {
  return (
    `  ${name}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
    `${r.requests.total} requests (2xx ${r["2xx"]}), errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`
  );
}

async function measure(name: string, url: string, requests?: RequestSpec[], shed = false): Promise<Row> {
  // A short warm-up so the JIT and the caches are as they would be in service.
  await autocannon({ url, connections: 10, duration: 1, ...(requests ? { requests } : {}) });
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...(requests ? { requests } : {}),
  });
  console.log(line(name, result));
  return { name, result, shed };
}

/** Distinct coordinates (D × X × Z × year), more than the server's answer cache holds. */
function coordinates(n: number): string[] {
  const out: string[] = [];
  for (let year = 2000; out.length < n && year <= 2100; year++)
    for (let d = 0; d <= 4; d++)
      for (let x = 0; x <= 4; x++) for (let z = 0; z <= 4; z++) out.push(`(${d}, ${x}, ${z}, ${year}, *, *, *)`);
  return out.slice(0, n);
}

const RECOMMEND_BODY = JSON.stringify({ scenario: "edge", year: 2025 });
const recommendSpec: RequestSpec[] = [
  { method: "POST", headers: { "content-type": "application/json" }, body: RECOMMEND_BODY },
];

async function readyz(server: Child): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if ((await fetch(`${server.url}/readyz`).catch(() => undefined))?.status === 200) return;
    await sleep(500);
  }
  throw new Error(`${server.url} was not ready within 120 s`);
}

/**
 * Recommends until every worker has its learned weights (each evaluates them in the background after
 * its first scenario query): the figures are of a server in service, not one still learning.
 */
async function learnWeights(server: Child): Promise<string> {
  const started = Date.now();
  let settled = 0;
  while (settled < 8 && Date.now() - started < 120_000) {
    const res = await fetch(`${server.url}/api/recommend`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: RECOMMEND_BODY,
    });
    const body = (await res.json()) as { weights?: { why?: string } };
    settled = res.ok && !body.weights?.why?.includes("still being evaluated") ? settled + 1 : 0;
    if (settled === 0) await sleep(500);
  }
  const s = ((Date.now() - started) / 1000).toFixed(0);
  return settled >= 8 ? `ready after ${s} s` : `still being evaluated after ${s} s (the figures include that work)`;
}

/** Percentile of a sample (nearest rank). */
const pct = (xs: number[], p: number) =>
  xs.length === 0
    ? Number.NaN
    : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** One request at a time, as often as it is answered, until `until` resolves: latency and status of each. */
async function sampler(
  url: string,
  init: RequestInit,
  until: Promise<unknown>,
): Promise<{ ms: number[]; statuses: Map<number, number>; shedMs: number[]; retryAfter: number }> {
  let done = false;
  void until.then(() => {
    done = true;
  });
  const ms: number[] = [];
  const shedMs: number[] = [];
  const statuses = new Map<number, number>();
  let retryAfter = 0;
  while (!done) {
    const t = performance.now();
    const res = await fetch(url, init).catch(() => undefined);
    await res?.arrayBuffer();
    const took = performance.now() - t;
    const status = res?.status ?? -1;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === 503) {
      shedMs.push(took);
      if (res?.headers.get("retry-after")) retryAfter++;
    } else ms.push(took);
    await sleep(20);
  }
  return { ms, statuses, shedMs, retryAfter };
}

async function main(): Promise<void> {
  ensureBuilt();
  const rows: Row[] = [];
  const notes: string[] = [];
  const note = (n: string) => {
    notes.push(n);
    console.log(`  ${n}`);
  };
  let hello: Child | undefined;
  let atlas: Child | undefined;
  let single: Child | undefined;
  const logLevel = process.env.STACKATLAS_LOG_LEVEL ?? "warn";
  let rssAfter = Number.NaN;
  let rssReady = Number.NaN;
  let saturated:
    | { healthz: number[]; cached: number[]; shedMs: number[]; shed: number; retryAfter: number }
    | undefined;
  let pooled2xx = Number.NaN;
  let one2xx = Number.NaN;
  const loadAtStart = loadavg();
  const started = new Date();
  try {
    hello = await startChild(["--input-type=module", "-e", HELLO]);
    atlas = await startChild(["bin/stackatlas.mjs", "serve", "--port", "0"], { STACKATLAS_LOG_LEVEL: logLevel });
    await readyz(atlas);
    rssReady = atlas.rssMiB();
    const learnS = await learnWeights(atlas);
    console.log(
      `load: ${CONNECTIONS} connections × ${DURATION} s per target; hello-world (node:http) ${hello.url}, stackatlas ${atlas.url} ` +
        `(log level ${logLevel}); RSS when ready ${rssReady.toFixed(0)} MiB; learned weights ${learnS}`,
    );
    rows.push(await measure("hello-world (node:http)", `${hello.url}/`));
    const edge = encodeURIComponent("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    const lookupUrl = `${atlas.url}/api/lookup?coordinate=${edge}`;
    rows.push(await measure("lookup, one coordinate", lookupUrl));
    rows.push(await measure("technology (kubernetes)", `${atlas.url}/api/technologies/kubernetes`));
    const paths = coordinates(2000).map((c) => `/api/lookup?coordinate=${encodeURIComponent(c)}`);
    let i = 0;
    rows.push(
      await measure("lookup, 2,000 coordinates", `${atlas.url}/api/lookup`, [
        { method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) },
      ]),
    );

    // Recommend saturated; meanwhile the probes a kubelet and a cached read would make, one at a time.
    await autocannon({ url: `${atlas.url}/api/recommend`, connections: 10, duration: 1, requests: recommendSpec });
    const load = autocannon({
      url: `${atlas.url}/api/recommend`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: recommendSpec,
    });
    const [rec, healthz, cached, extra] = await Promise.all([
      load,
      sampler(`${atlas.url}/healthz`, {}, load),
      sampler(lookupUrl, {}, load),
      sampler(
        `${atlas.url}/api/recommend`,
        { method: "POST", headers: { "content-type": "application/json" }, body: RECOMMEND_BODY },
        load,
      ),
    ]);
    console.log(line("recommend (edge, 2025), saturated", rec));
    rows.push({ name: "recommend (edge, 2025)", result: rec, shed: true });
    const shedAll = [...extra.shedMs];
    saturated = {
      healthz: healthz.ms,
      cached: cached.ms,
      shedMs: shedAll,
      shed: shedAll.length,
      retryAfter: extra.retryAfter,
    };
    note(
      `while recommend was saturated (${CONNECTIONS} connections): /healthz p50 ${pct(healthz.ms, 50).toFixed(1)} ms, p99 ${pct(healthz.ms, 99).toFixed(1)} ms (${healthz.ms.length} probes); ` +
        `cached lookup p50 ${pct(cached.ms, 50).toFixed(1)} ms, p99 ${pct(cached.ms, 99).toFixed(1)} ms (${cached.ms.length}); ` +
        `one more recommend: ${extra.ms.length} answered 200 (p50 ${pct(extra.ms, 50).toFixed(0)} ms), ${shedAll.length} shed with 503 ` +
        `(${extra.retryAfter} with Retry-After; p50 ${pct(shedAll, 50).toFixed(1)} ms, p99 ${pct(shedAll, 99).toFixed(1)} ms)`,
    );
    note(
      `recommend answered 2xx ${(rec["2xx"] / DURATION).toFixed(0)}/s (${rec["2xx"]} in ${DURATION} s), shed ${rec.non2xx} with 503`,
    );
    rssAfter = atlas.rssMiB();
    note(`server RSS: ${rssReady.toFixed(0)} MiB when ready, ${rssAfter.toFixed(0)} MiB after every target`);
    pooled2xx = rec["2xx"] / DURATION;
    await atlas.stop();
    atlas = undefined;

    single = await startChild(["bin/stackatlas.mjs", "serve", "--port", "0"], {
      STACKATLAS_LOG_LEVEL: logLevel,
      STACKATLAS_WORKERS: "1",
    });
    await readyz(single);
    await learnWeights(single);
    const one = await measure("recommend, one worker", `${single.url}/api/recommend`, recommendSpec, true);
    rows.push(one);
    one2xx = one.result["2xx"] / DURATION;
    note(
      `recommend 2xx throughput, pool of the machine's cores ÷ one worker: ${pooled2xx.toFixed(0)} ÷ ${one2xx.toFixed(0)} = ${(pooled2xx / Math.max(1, one2xx)).toFixed(2)}×`,
    );
  } finally {
    await hello?.stop();
    await atlas?.stop();
    await single?.stop();
  }
  const base = rows[0]!.result;
  const ratio = (a: number, b: number) => (a / Math.max(1, b)).toFixed(2);
  console.log("\nload summary (same run, same machine; ratios to hello-world)");
  console.log(
    `  ${"target".padEnd(28)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)} ${"non-2xx".padStart(8)}  req/s ÷ hello  p50 ÷ hello  p99 ÷ hello`,
  );
  for (const { name, result: r } of rows) {
    console.log(
      `  ${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(8)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ` +
        `${String(r.errors + r.timeouts).padStart(7)} ${String(r.non2xx).padStart(8)}  ${(r.requests.average / base.requests.average).toFixed(2).padStart(13)}  ` +
        `${ratio(r.latency.p50, base.latency.p50).padStart(11)}  ${ratio(r.latency.p99, base.latency.p99).padStart(11)}`,
    );
  }
  for (const n of notes) console.log(`  ${n}`);
  const block = goalsBlock({
    rows,
    saturated,
    pooled2xx,
    one2xx,
    rssReady,
    rssAfter,
    loadAtStart,
    loadAtEnd: loadavg(),
    started,
  });
  console.log(
    `\nthe issue's goals, as a block for docs/performance.md (${WRITE ? "written there" : "--write puts it there"}):\n`,
  );
  console.log(block);
  if (WRITE) writeBlock(block);
  const bad = rows.filter((r) => r.result.errors + r.result.timeouts + (r.shed ? 0 : r.result.non2xx) > 0);
  if (bad.length > 0) {
    console.error(`FAIL: errors, timeouts or unexpected non-2xx answers in ${bad.map((b) => b.name).join(", ")}`);
    process.exitCode = 1;
  }
}

interface GoalsInput {
  readonly rows: readonly Row[];
  readonly saturated:
    | { healthz: number[]; cached: number[]; shedMs: number[]; shed: number; retryAfter: number }
    | undefined;
  readonly pooled2xx: number;
  readonly one2xx: number;
  readonly rssReady: number;
  readonly rssAfter: number;
  readonly loadAtStart: readonly number[];
  readonly loadAtEnd: readonly number[];
  readonly started: Date;
}

/** The figures of the load goals (issue 18, point 8) as a Markdown block: each against its goal, with the hello-world of the same run. */
function goalsBlock(g: GoalsInput): string {
  const row = (name: string) => g.rows.find((r) => r.name === name)?.result;
  const hello = row("hello-world (node:http)");
  const verdict = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "**pass**" : "**fail**");
  const n = (x: number | undefined, d = 0) => (x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(d));
  const lines: string[] = [];
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  lines.push(
    `Run of ${g.started.toISOString().slice(0, 16).replace("T", " ")} UTC (\`npm run load\`, ${CONNECTIONS} connections × ${DURATION} s per target): ` +
      `${cpu}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}; ` +
      `load average ${g.loadAtStart.map((x) => x.toFixed(1)).join(" / ")} at the start, ${g.loadAtEnd.map((x) => x.toFixed(1)).join(" / ")} at the end ` +
      `(1 / 5 / 15 min; above the core count the machine was shared and the absolute figures are slower than idle). ` +
      `Server RSS ${n(g.rssReady)} MiB when ready, ${n(g.rssAfter)} MiB after the targets.`,
    "",
    "| goal (issue 18, point 8) | measured | baseline, same run | ratio | verdict |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const [label, name] of [
    ["lookup, one coordinate: ≥ 0.5× hello-world req/s", "lookup, one coordinate"],
    ["technology read: ≥ 0.5× hello-world req/s", "technology (kubernetes)"],
  ] as const) {
    const r = row(name);
    const ratio = r && hello ? r.requests.average / hello.requests.average : undefined;
    lines.push(
      `| ${label} | ${n(r?.requests.average)} req/s, p99 ${n(r?.latency.p99)} ms | hello-world ${n(hello?.requests.average)} req/s, p99 ${n(hello?.latency.p99)} ms | ${n(ratio, 2)}× | ${verdict(ratio === undefined ? undefined : ratio >= 0.5)} |`,
    );
  }
  const sat = g.saturated;
  const hp99 = sat ? pct(sat.healthz, 99) : undefined;
  const cp99 = sat ? pct(sat.cached, 99) : undefined;
  const sp99 = sat && sat.shed > 0 ? pct(sat.shedMs, 99) : undefined;
  const helloP99 = hello?.latency.p99;
  lines.push(
    `| /healthz p99 while recommend is saturated (${CONNECTIONS} connections): ≤ 50 ms | ${n(hp99, 1)} ms (${sat?.healthz.length ?? 0} probes, one at a time) | hello-world p99 ${n(helloP99)} ms (under its own load) | ${n(hp99 !== undefined && helloP99 ? hp99 / helloP99 : undefined, 2)}× | ${verdict(hp99 === undefined || !Number.isFinite(hp99) ? undefined : hp99 <= 50)} |`,
    `| cached lookup p99 while recommend is saturated: ≤ 100 ms | ${n(cp99, 1)} ms (${sat?.cached.length ?? 0} requests) | hello-world p99 ${n(helloP99)} ms | ${n(cp99 !== undefined && helloP99 ? cp99 / helloP99 : undefined, 2)}× | ${verdict(cp99 === undefined || !Number.isFinite(cp99) ? undefined : cp99 <= 100)} |`,
  );
  const scale = g.pooled2xx / g.one2xx;
  lines.push(
    `| recommend throughput, pool of ${availableParallelism()} workers ÷ one worker: ≥ 1.6× | ${n(g.pooled2xx)} answers/s (200) | one worker ${n(g.one2xx)} answers/s (200) | ${n(scale, 2)}× | ${verdict(Number.isFinite(scale) ? scale >= 1.6 : undefined)} |`,
  );
  lines.push(
    `| overload answered 503 + Retry-After within 50 ms (p99) | ${sat ? `${sat.shed} shed, ${sat.retryAfter} with Retry-After; p99 ${n(sp99, 1)} ms` : "—"} | hello-world p99 ${n(helloP99)} ms | ${n(sp99 !== undefined && helloP99 ? sp99 / helloP99 : undefined, 2)}× | ${verdict(sp99 === undefined || !Number.isFinite(sp99) ? undefined : sp99 <= 50 && sat!.retryAfter === sat!.shed)} |`,
  );
  lines.push(
    "",
    "| target | req/s | p50 ms | p99 ms | req/s ÷ hello | p50 ÷ hello | p99 ÷ hello |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const { name, result: r } of g.rows) {
    const b = hello ?? r;
    lines.push(
      `| ${name} | ${n(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${n(r.requests.average / b.requests.average, 2)} | ${n(r.latency.p50 / Math.max(1, b.latency.p50), 1)} | ${n(r.latency.p99 / Math.max(1, b.latency.p99), 1)} |`,
    );
  }
  return `${BEGIN}\n${lines.join("\n")}\n${END}`;
}

/** Replaces the block between the markers in docs/performance.md (or adds it under the load section's heading). */
function writeBlock(block: string): void {
  const file = join(ROOT, "docs", "performance.md");
  const text = readFileSync(file, "utf8");
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${BEGIN} … ${END} block to replace`);
  writeFileSync(file, text.slice(0, a) + block + text.slice(b + END.length));
  console.log("written to docs/performance.md");
}

await main();
