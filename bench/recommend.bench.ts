// Benchmarks of `recommend`'s search: the fast branch and bound against the brute-force reference, on the
// real knowledge base and on seeded synthetic ones (1k, 10k). Run: npx tsx bench/recommend.bench.ts
import { resolve } from "node:path";
import { Bench } from "tinybench";
import type { Kb } from "../src/kb/kb.js";
import { loadKb } from "../src/kb/load-kb.js";
import type { Requirements } from "../src/model/requirements.js";
import { buildQueryContext } from "../src/recommend/query-context.js";
import { recommend } from "../src/recommend/recommend.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";
import { bruteForceSearch } from "../src/recommend/search-brute.js";
import { fastSearch } from "../src/recommend/search-fast.js";
import { syntheticKb } from "../src/recommend/synthetic-kb.js";

const K = 5;
const CASE_1: Requirements = {
  scenario: "edge",
  must: { coldStartMs: { max: 10 }, memoryMiB: { max: 5 }, policy: { atLeast: "Z3" }, observability: ["O1", "O2"] },
};
const SYNTHETIC: Requirements = {
  must: { coldStartMs: { max: 1000 }, observability: ["O1", "O2"] },
  prefer: { startup: 3, isolation: 2, footprint: 1, maturity: 1 },
};
/** One term weighed: thousands of stacks tie on score and the key decides (the search's worst case for ties). */
const TIES: Requirements = { must: { observability: ["O1", "O2", "O3"] }, prefer: { isolation: 3 } };

/** One query end to end: resolve, precompute the candidates, search. */
function fast(kb: Kb, req: Requirements) {
  return fastSearch(buildQueryContext(kb, resolveRequirements(kb, req)), K);
}
function brute(kb: Kb, req: Requirements) {
  return bruteForceSearch(buildQueryContext(kb, resolveRequirements(kb, req)), K);
}
function timeOnce(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

const real = loadKb(resolve(import.meta.dirname, "../data"));
const kb1k = syntheticKb({ size: 1_000, seed: 7 });
const kb10k = syntheticKb({ size: 10_000, seed: 7 });

const bench = new Bench({ time: 2000, warmup: true });
bench
  .add("real KB · seed case 1 (edge) · fast", () => fast(real, CASE_1))
  .add("real KB · serverless · fast", () => fast(real, { scenario: "serverless" }))
  .add("real KB · microservices · fast", () => fast(real, { scenario: "microservices" }))
  .add("real KB · seed case 1 · recommend() with explanations", () => recommend(real, CASE_1, { weights: "hand" }))
  .add("synthetic 1k · fast", () => fast(kb1k, SYNTHETIC))
  .add("synthetic 10k · fast", () => fast(kb10k, SYNTHETIC))
  .add("synthetic 10k · isolation only, O1–O3 (ties) · fast", () => fast(kb10k, TIES));
await bench.run();

console.log("\nfast search (resolve + per-query precompute + branch and bound), k = 5");
const rows: Record<string, { p50: string; p99: string; runs: number }> = {};
for (const t of bench.tasks) {
  const r = t.result as unknown as { latency?: { p50?: number; p99?: number; samplesCount?: number } } | undefined;
  const lat = r?.latency;
  rows[t.name] = { p50: fmt(lat?.p50 ?? Number.NaN), p99: fmt(lat?.p99 ?? Number.NaN), runs: lat?.samplesCount ?? 0 };
}
console.table(rows);

// Brute force, once per size, growing until one run takes more than 30 s; the speed-up is measured at
// the largest size that finished within 30 s (fast p50 over 50 runs at that size, same query).
console.log("\nbrute force vs fast (same query, same answer checked)");
const table: Record<string, { brute: string; fastP50: string; speedup: string; same: boolean }> = {};
let largest: { size: string; speedup: number } | undefined;
const p50 = (fn: () => unknown, n = 50) => {
  const xs = Array.from({ length: n }, () => timeOnce(fn)).sort((a, b) => a - b);
  return xs[Math.floor(n / 2)]!;
};
const sizes: [string, Kb, Requirements][] = [
  ["real KB · seed case 1", real, CASE_1],
  ["real KB · microservices", real, { scenario: "microservices" }],
  ...[50, 100, 200, 400, 800].map(
    (n) => [`synthetic ${n}`, syntheticKb({ size: n, seed: 7 }), SYNTHETIC] as [string, Kb, Requirements],
  ),
];
for (const [name, kb, req] of sizes) {
  let b: ReturnType<typeof brute> | undefined;
  const tb = timeOnce(() => {
    b = brute(kb, req);
  });
  const f = fast(kb, req);
  const same =
    JSON.stringify(f.stacks.map((s) => [s.key, s.score])) === JSON.stringify(b!.stacks.map((s) => [s.key, s.score]));
  const tf = p50(() => fast(kb, req));
  table[name] = { brute: fmt(tb), fastP50: fmt(tf), speedup: `${(tb / tf).toFixed(0)}×`, same };
  if (name.startsWith("synthetic")) {
    if (tb <= 30_000) largest = { size: name, speedup: tb / tf };
    else break;
  }
}
console.table(table);
if (largest)
  console.log(
    `largest size brute force finished within 30 s: ${largest.size}; speed-up ${largest.speedup.toFixed(0)}×`,
  );
