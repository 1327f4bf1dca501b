// `npm run fuzz`: fast-check generates malformed and hostile requests — wrong types, huge strings, deep nesting,
// __proto__, odd unicode, bad methods and paths — against `stackatlas serve` on 127.0.0.1 (a random port).
// Passes when no answer is a 5xx, the process stays up and its memory stays bounded. Bounded in count
// (--runs, default 12000) and time (--seconds, default 240); stops by itself.
import { Agent, request } from "node:http";
import fc from "fast-check";
import { type Child, ensureBuilt, numberArg, startChild } from "./_serve.js";

const RUNS = numberArg("runs", 12_000);
const SECONDS = numberArg("seconds", 240);
const SEED = numberArg("seed", 20_260_701);
/** Fails when the server's RSS grows past this (MiB): bounded memory. */
const RSS_LIMIT_MIB = numberArg("rss-limit", 768);

interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

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
const PARAMS = [
  "coordinate",
  "top",
  "lang",
  "level",
  "role",
  "scenario",
  "since",
  "until",
  "cncf",
  "text",
  "from",
  "to",
  "series",
];
const FIELDS = [
  "coordinate",
  "top",
  "stack",
  "year",
  "scenario",
  "view",
  "a",
  "b",
  "__proto__",
  "constructor",
  "prototype",
];

/** Percent-encodes a string's UTF-8 bytes (lone surrogates become U+FFFD), unlike encodeURIComponent never throwing. */
const pct = (s: string) =>
  [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[\w.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
    )
    .join("");

const oddUnicode = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "\uFEFF",
    "\u202E",
    "\uD800",
    "\uDFFF",
    "𝕜𝟛𝕤",
    "边缘计算",
    "Ｋ３ｓ",
    "k3s\u0301",
    "e\u0301dge",
    "\u200B\u200C\u200D",
    "%00",
    "%E0%A4%A",
    "%",
    "../../etc/passwd",
    "..%2f..%2f",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
    "${7*7}",
    "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
    "(*, *, *, *, *, *, *)",
    "D=4 X=2 S=边缘计算 O=OTLP+eBPF",
  ),
);
const huge = fc
  .record({
    ch: fc.constantFrom("a", "(", "+", "边", "*", ",", "9", "%20"),
    n: fc.integer({ min: 1_000, max: 1_500_000 }),
  })
  .map(({ ch, n }) => ch.repeat(Math.ceil(n / ch.length)));
// Mostly strings past every schema's limit but within Node's 16 KiB for a request line; a few beyond it.
const text = fc.oneof(
  { weight: 12, arbitrary: oddUnicode },
  { weight: 2, arbitrary: huge.map((s) => s.slice(0, 1_500)) },
  { weight: 1, arbitrary: huge.map((s) => s.slice(0, 40_000)) },
);

/** Deeply nested JSON text: arrays or objects, closed or not. */
const deep = fc
  .record({ depth: fc.integer({ min: 100, max: 400_000 }), kind: fc.constantFrom("[", '{"a":'), closed: fc.boolean() })
  .map(({ depth, kind, closed }) => {
    const open = kind.repeat(depth);
    if (!closed) return open;
    return `${open}1${(kind === "[" ? "]" : "}").repeat(depth)}`;
  });

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.constant(-0),
  fc.constant(1e308),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 4 }),
  text,
);

const bodyObject = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), wrongType, {
  maxKeys: 6,
});

const jsonBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: bodyObject.map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deep },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("coordinate", "stack", "a", "b"), huge)
      .map(([k, s]) => JSON.stringify({ [k]: s })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__": {"polluted": true}, "coordinate": "D=4"}',
      '{"constructor": {"prototype": {"polluted": true}}, "stack": "k3s"}',
      '{"coordinate": "D=4", "coordinate": "D=5"}',
      '{"a": "k3s", "b": "k3s", "__proto__": null}',
      "",
      "{",
      "null",
      "[]",
      '"string"',
      "1e999999",
      "{'single': 'quotes'}",
      "\uFEFF{}",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
);

const query = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom(...PARAMS, "__proto__", "constructor"), fc.string({ maxLength: 6 })), text),
    {
      maxLength: 6,
    },
  )
  .map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join("&"));

const rawPathSegment = fc.oneof(
  text.map((s) => pct(s)),
  fc.constantFrom("..", "%2e%2e", "%2E%2E%2F", "%00", "%", "%zz", "//", ".env", "%5c..%5c", ";", "?", "#"),
);

const hostileHeaders = fc.record(
  {
    "x-request-id": fc.oneof(fc.string({ maxLength: 300 }), fc.constant("<script>")),
    "if-none-match": fc.oneof(fc.string({ maxLength: 200 }), fc.constant("*")),
    "accept-language": fc.string({ maxLength: 50 }),
    origin: fc.constantFrom("https://evil.example", "null"),
  },
  { requiredKeys: [] },
);

const safeHeader = (v: string) => v.replace(/[^\t\x20-\x7e]/g, "");

const requestArbitrary = (GET_ROUTES: readonly string[], POST_ROUTES: readonly string[]): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...GET_ROUTES), query, hostileHeaders)
        .map(([path, q, h]) => ({ kind: "GET query", method: "GET", path: q ? `${path}?${q}` : path, headers: h })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom("/api/technologies/", "/api/scenarios/", "/api/path/", "/", "/assets/"),
          fc.array(rawPathSegment, { minLength: 1, maxLength: 4 }),
        )
        .map(([base, segs]) => ({ kind: "GET path", method: "GET", path: base + segs.join("/"), headers: {} })),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...POST_ROUTES),
          jsonBody,
          fc.oneof(
            {
              weight: 6,
              arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8", "application/json;;;"),
            },
            {
              weight: 1,
              arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "", "multipart/form-data"),
            },
          ),
          query,
        )
        .map(([path, body, type, q]) => ({
          kind: "POST body",
          method: "POST",
          path: q ? `${path}?${q}` : path,
          headers: type ? { "content-type": type } : {},
          body,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "PURGE", "LINK", "SEARCH", "HEAD"),
          fc.constantFrom(...GET_ROUTES, ...POST_ROUTES),
          fc.option(jsonBody, { nil: undefined }),
        )
        .map(([method, path, body]) => ({
          kind: "bad method",
          method,
          path,
          headers: { "content-type": "application/json" },
          ...(body !== undefined && method !== "HEAD" && method !== "TRACE" ? { body } : {}),
        })),
    },
  );

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

function send(base: URL, r: FuzzRequest): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) headers[k] = safeHeader(v);
    const body = r.body === undefined ? undefined : Buffer.from(r.body, "utf8");
    if (body) headers["content-length"] = String(body.length);
    const req = request(
      { host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent, timeout: 30_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(-1));
      },
    );
    // A reset (e.g. the server closing a connection after refusing a huge body) is not a 5xx; it is counted apart.
    req.on("error", () => resolve(-1));
    // A socket the server closed while the body was still going out errors after the answer came: expected.
    req.on("socket", (socket) => {
      if (socket.listenerCount("error") < 2) socket.on("error", () => {});
    });
    req.on("timeout", () => {
      req.destroy();
      resolve(-2);
    });
    req.end(body);
  });
}

async function main(): Promise<void> {
  ensureBuilt();
  const server: Child = await startChild(["bin/stackatlas.mjs", "serve", "--port", "0"], {
    STACKATLAS_LOG_LEVEL: "error",
  });
  const base = new URL(server.url);
  // Warm up so the "before" figure is the serving process, not the one still loading.
  for (let i = 0; i < 50; i++)
    await send(base, { kind: "warm", method: "GET", path: "/api/scenarios/edge", headers: {} });
  const documented = await documentedRoutes(base);
  const getRoutes = [...new Set([...BASE_GET_ROUTES, ...documented.get])];
  const postRoutes = [...new Set([...BASE_POST_ROUTES, ...documented.post])];
  const requestArb = requestArbitrary(getRoutes, postRoutes);
  console.log(`routes: ${getRoutes.length} GET, ${postRoutes.length} POST (from the OpenAPI document)`);
  const rssBefore = server.rssMiB();
  let rssPeak = rssBefore;
  const statuses = new Map<string, number>();
  const byKind = new Map<string, number>();
  const fiveXX: FuzzRequest[] = [];
  let tried = 0;
  let smallResets = 0;
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  console.log(`fuzzing ${server.url} (pid ${server.pid}): up to ${RUNS} requests or ${SECONDS} s, seed ${SEED}`);
  const result = await fc.check(
    fc.asyncProperty(requestArb, async (r) => {
      if (Date.now() > deadline) return true;
      const status = await send(base, r);
      tried++;
      const key = status === -1 ? "reset" : status === -2 ? "timeout" : String(status);
      // A reset is expected only where the server refused a request while it was still being sent: a body over
      // 1 MiB (413), or a request line and headers over Node's 16 KiB (431, before the app sees it).
      const oversized = Buffer.byteLength(r.body ?? "") > 1024 * 1024 || r.path.length > 16 * 1024;
      if (status === -1 && !oversized) {
        smallResets++;
        if (smallResets <= 5 && process.env.FUZZ_DEBUG)
          console.log(
            "reset:",
            r.method,
            r.path.length,
            r.path.slice(0, 80),
            r.headers,
            r.body?.length,
            r.body?.slice(0, 60),
          );
      }
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
      if (tried % 500 === 0) {
        rssPeak = Math.max(rssPeak, server.rssMiB());
        process.stdout.write(
          `  ${tried} requests, ${((Date.now() - started) / 1000).toFixed(0)} s, rss ${server.rssMiB().toFixed(0)} MiB\n`,
        );
      }
      if (status >= 500 || status === -2) {
        if (fiveXX.length < 5) fiveXX.push({ ...r, body: r.body?.slice(0, 300) ?? "" });
        return false;
      }
      return server.proc.exitCode === null;
    }),
    {
      numRuns: RUNS,
      seed: SEED,
      endOnFailure: true,
      interruptAfterTimeLimit: SECONDS * 1000,
      markInterruptAsFailure: false,
    },
  );
  const alive = server.proc.exitCode === null;
  const health = alive ? await send(base, { kind: "health", method: "GET", path: "/healthz", headers: {} }) : 0;
  const rssAfter = server.rssMiB();
  rssPeak = Math.max(rssPeak, rssAfter);
  agent.destroy();
  const exitCode = await server.stop();
  const seconds = (Date.now() - started) / 1000;

  const sorted = [...statuses.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  console.log("\nfuzz summary");
  console.log(`  requests tried     ${tried} in ${seconds.toFixed(1)} s (seed ${SEED})`);
  console.log(`  by kind            ${[...byKind.entries()].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`  statuses           ${sorted.map(([s, n]) => `${s}: ${n}`).join(", ")}`);
  console.log(
    `  resets             ${statuses.get("reset") ?? 0} (on requests within the size limits: ${smallResets})`,
  );
  console.log(`  5xx                ${sorted.filter(([s]) => s.startsWith("5")).reduce((a, [, n]) => a + n, 0)}`);
  console.log(`  process            ${alive ? "up" : "DIED"}; /healthz after: ${health}; exit on SIGTERM: ${exitCode}`);
  console.log(
    `  server RSS (MiB)   before ${rssBefore.toFixed(0)}, peak ${rssPeak.toFixed(0)}, after ${rssAfter.toFixed(0)} (limit ${RSS_LIMIT_MIB})`,
  );
  const failures: string[] = [];
  if (result.failed) {
    failures.push(`a request got a 5xx (or hung): ${fc.stringify(result.counterexample).slice(0, 600)}`);
    for (const r of fiveXX) console.log(`  e.g. ${r.method} ${r.path.slice(0, 200)} ${r.body ?? ""}`);
  }
  if (smallResets > 0) failures.push(`${smallResets} connections were reset on requests within the size limits`);
  if (!alive || health !== 200) failures.push("the server did not stay up");
  if (!(rssPeak <= RSS_LIMIT_MIB)) failures.push(`memory grew to ${rssPeak.toFixed(0)} MiB`);
  if (tried < Math.min(RUNS, 10_000) && Date.now() <= deadline) failures.push(`only ${tried} requests were tried`);
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exitCode = 1;
  } else {
    console.log("  result             PASS: no 5xx, the process stayed up, memory bounded");
  }
}

await main();
