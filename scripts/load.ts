// `npm run load`: autocannon against `stackatlas serve` on 127.0.0.1, 100 connections for 30 s per target
// (--duration N to shorten, --connections N), beside a bare Hono hello-world measured in the same run.
// Targets: lookup (one coordinate: the answer kept per knowledge base), lookup over 2,000 coordinates (more
// than the server keeps: the engine computes nearly every answer), and recommend once that route exists.
// Fails on any error or non-2xx answer. Each server runs in its own process; this one only drives load.
import autocannon, { type RequestSpec, type Result } from "autocannon";
import { type Child, ensureBuilt, numberArg, startChild } from "./_serve.js";

const DURATION = numberArg("duration", 30);
const CONNECTIONS = numberArg("connections", 100);

const HELLO = `
import { Hono } from "hono";
import { serve } from "@hono/node-server";
const app = new Hono();
app.get("/", (c) => c.text("Hello Hono!"));
serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => console.log("hello on http://127.0.0.1:" + info.port));
`;

interface Row {
  readonly name: string;
  readonly result: Result;
}

async function measure(name: string, url: string, requests?: RequestSpec[]): Promise<Row> {
  // A short warm-up so the JIT and the caches are as they would be in service.
  await autocannon({ url, connections: 10, duration: 1, ...(requests ? { requests } : {}) });
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...(requests ? { requests } : {}),
  });
  console.log(
    `  ${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result.requests.total} requests, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
  );
  return { name, result };
}

/** Distinct coordinates (D × X × Z × year), more than the server's answer cache holds. */
function coordinates(n: number): string[] {
  const out: string[] = [];
  for (let year = 2000; out.length < n && year <= 2100; year++)
    for (let d = 0; d <= 4; d++)
      for (let x = 0; x <= 4; x++) for (let z = 0; z <= 4; z++) out.push(`(${d}, ${x}, ${z}, ${year}, *, *, *)`);
  return out.slice(0, n);
}

async function main(): Promise<void> {
  ensureBuilt();
  const rows: Row[] = [];
  let hello: Child | undefined;
  let atlas: Child | undefined;
  try {
    hello = await startChild(["--input-type=module", "-e", HELLO]);
    atlas = await startChild(["bin/stackatlas.mjs", "serve", "--port", "0"], {
      STACKATLAS_LOG_LEVEL: process.env.STACKATLAS_LOG_LEVEL ?? "info",
    });
    console.log(
      `load: ${CONNECTIONS} connections × ${DURATION} s per target; hello-world ${hello.url}, stackatlas ${atlas.url} (log level ${process.env.STACKATLAS_LOG_LEVEL ?? "info"})`,
    );
    rows.push(await measure("hello-world (bare Hono)", `${hello.url}/`));
    const edge = encodeURIComponent("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    rows.push(await measure("lookup, one coordinate", `${atlas.url}/api/lookup?coordinate=${edge}`));
    const paths = coordinates(2000).map((c) => `/api/lookup?coordinate=${encodeURIComponent(c)}`);
    let i = 0;
    rows.push(
      await measure("lookup, 2,000 coordinates", `${atlas.url}/api/lookup`, [
        { method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) },
      ]),
    );
    const doc = (await (await fetch(`${atlas.url}/api/openapi.json`)).json()) as {
      paths?: Record<string, Record<string, unknown>>;
    };
    const recommend = doc.paths?.["/api/recommend"];
    if (recommend?.post) {
      const body = JSON.stringify({ scenario: "edge", year: 2025 });
      const probe = await fetch(`${atlas.url}/api/recommend`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      if (probe.ok) {
        rows.push(
          await measure("recommend (edge, 2025)", `${atlas.url}/api/recommend`, [
            { method: "POST", headers: { "content-type": "application/json" }, body },
          ]),
        );
      } else console.log(`  recommend: skipped, the probe request answered ${probe.status}`);
    } else if (recommend?.get) {
      rows.push(await measure("recommend (edge, 2025)", `${atlas.url}/api/recommend?scenario=edge&year=2025`));
    } else {
      console.log("  recommend: not measured, the server has no /api/recommend route yet");
    }
  } finally {
    await hello?.stop();
    await atlas?.stop();
  }
  const base = rows[0]!.result;
  console.log("\nload summary (same run, same machine)");
  console.log(
    `  ${"target".padEnd(28)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)} ${"non-2xx".padStart(8)}  req/s ÷ hello  p99 ÷ hello`,
  );
  for (const { name, result: r } of rows) {
    console.log(
      `  ${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(8)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ` +
        `${String(r.errors + r.timeouts).padStart(7)} ${String(r.non2xx).padStart(8)}  ${(r.requests.average / base.requests.average).toFixed(2).padStart(13)}  ${(r.latency.p99 / Math.max(1, base.latency.p99)).toFixed(2).padStart(11)}`,
    );
  }
  const bad = rows.filter((r) => r.result.errors + r.result.timeouts + r.result.non2xx > 0);
  if (bad.length > 0) {
    console.error(`FAIL: errors or non-2xx answers in ${bad.map((b) => b.name).join(", ")}`);
    process.exitCode = 1;
  }
}

await main();
