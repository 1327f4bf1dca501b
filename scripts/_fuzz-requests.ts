// The requests `npm run fuzz` sends: fast-check arbitraries of malformed and hostile input — wrong types, huge
// strings, deep nesting, __proto__, odd unicode, bad methods, paths and Host headers, slow bodies — and of
// hostile but well-formed requirement values and system files (long lists, distinct ranges and years,
// many-key, duplicate-key and deeply nested YAML, alias bombs), plus valid requests of every route.
import fc from "fast-check";
import { stringify } from "yaml";
import { randomSystem } from "../src/design/_random-system.js";

export interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Send the body in pieces with pauses between them (a slow client). */
  readonly slow?: boolean;
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

export const safeHeader = (v: string) => v.replace(/[^\t\x20-\x7e]/g, "");

const genericRequests = (GET_ROUTES: readonly string[], POST_ROUTES: readonly string[]): fc.Arbitrary<FuzzRequest> =>
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

const post = (kind: string, path: string, body: unknown, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
  kind,
  method: "POST",
  path,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
  ...extra,
});

/** Names the knowledge base has (a few) and names it does not. */
const KNOWN = ["k3s", "kubernetes", "gvisor", "wasmedge", "firecracker", "kata-containers", "runc", "opentelemetry"];
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom("kubernets", "gvisr", "__proto__", "", "k3s ", "K3S", "边缘") },
);
const range = fc.record(
  { min: fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double(), fc.constant(1e308)), max: fc.double() },
  { requiredKeys: [] },
);
const nameList = fc.oneof(
  { weight: 6, arbitrary: fc.array(name, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(name, { minLength: 101, maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: 12_000 }).map((n) => Array.from({ length: n }, (_, i) => `nosuch-${i}`)),
  },
);
const must = fc.record(
  {
    include: nameList,
    exclude: nameList,
    observability: fc.array(fc.constantFrom("O1", "O2", "O3", "logs", "traces", "metrics", "x"), { maxLength: 6 }),
    capabilities: fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }),
    coldStartMs: range,
    memoryMiB: range,
    gpu: fc.oneof(fc.boolean(), fc.constant("yes")),
    untrustedCode: fc.boolean(),
    multiTenant: fc.boolean(),
    offline: fc.boolean(),
    isolation: fc.record({ atLeast: fc.constantFrom("D0", "D2", "D4", "D9", "x") }, { requiredKeys: [] }),
    policy: fc.record({ atLeast: fc.constantFrom("Z1", "Z3", "Z9") }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
/** Requirements: well formed with values drawn to be distinct (years, ranges, lists), or hostile. */
const requirements = fc.record(
  {
    scenario: fc.oneof(
      fc.constantFrom("edge", "serverless", "ai-inference", "iot", "batch-hpc", "microservices", "edgy"),
      fc.string({ maxLength: 20 }),
    ),
    year: fc.oneof(fc.integer({ min: 1960, max: 2100 }), fc.integer(), fc.constant("2025")),
    must,
    soft: must,
    weights: fc.dictionary(fc.constantFrom("startup", "footprint", "isolation", "fit", "x"), fc.double(), {
      maxKeys: 4,
    }),
    raw: fc.oneof(fc.boolean(), fc.constant("yes")),
  },
  { requiredKeys: [] },
);

const keys = (n: number, dup: boolean) =>
  Array.from({ length: n }, (_, i) => (dup ? "name: b" : `k${i}: ${i}`)).join("\n");
/** System files: small random valid ones, and YAML built to be expensive to read. */
const system = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })).map(([s, n]) => stringify(randomSystem(s, n))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 30_000 }), fc.boolean())
      .map(([n, dup]) => `workloads:\n  - name: a\n${keys(n, dup)}\n`),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 65, max: 50_000 }).map((n) => `workloads: ${"[".repeat(n)}${"]".repeat(n)}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
      "workloads:\n  - name: a\n    must: { include: [kubernets] }\n",
      "workloads: !!js/function 'return 1'\n",
      "\t- broken: [\n",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 2_000 }) },
);

/** Valid requests of every POST route, in English or Chinese. */
const validPosts = fc.tuple(fc.constantFrom("", "?lang=zh"), fc.nat({ max: 7 })).map(([lang, i]) => {
  const samples: [string, unknown][] = [
    ["/api/recommend", { scenario: "edge", year: 2025 }],
    ["/api/lookup", { coordinate: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)" }],
    ["/api/locate", { stack: "K3s + WasmEdge" }],
    ["/api/compare", { a: "gvisor", b: "kata-containers" }],
    ["/api/migrate", { from: "K8s + runc", to: "K8s + gVisor" }],
    ["/api/observe", { stack: "K3s + WasmEdge + OpenTelemetry", top: 2 }],
    ["/api/diagnose", { vertical: "OOMKilled", stack: "K3s + WasmEdge" }],
    ["/api/design", { system: "workloads:\n  - name: api\n    must: { linuxCompatibility: full }\n" }],
  ];
  const [path, body] = samples[i % samples.length]!;
  return post("valid POST", path + lang, body);
});

const HOSTS = [
  "evil.example",
  "127.0.0.1.nip.io",
  "localhost.evil.example",
  "",
  "[::1]:1",
  "localhost:99999",
  "x".repeat(300),
  "127.0.0.1",
  "localhost",
];

/** Requests with a hostile Host header; health probes must answer whatever the Host. */
const badHost = (GET_ROUTES: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...GET_ROUTES), fc.constantFrom(...HOSTS))
    .map(([path, host]): FuzzRequest => ({ kind: "bad Host", method: "GET", path, headers: { host } }));

/**
 * Every request the fuzz run draws from: the generic malformed ones on every documented route, hostile
 * requirement values and system files, bad Host headers, slow bodies and valid requests of every route.
 * @example fc.sample(requestArbitrary(["/healthz"], ["/api/lookup"]), 3)
 */
export const requestArbitrary = (
  GET_ROUTES: readonly string[],
  POST_ROUTES: readonly string[],
): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    { weight: 12, arbitrary: genericRequests(GET_ROUTES, POST_ROUTES) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(requirements, fc.constantFrom("", "?lang=zh", "?top=50", "?top=0", "?weights=hand"))
        .map(([r, q]) => post("requirements", `/api/recommend${q}`, r)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(system, fc.constantFrom("", "?lang=zh"), fc.constantFrom(undefined, "auto", "heuristic", "exact", "x"))
        .map(([s, q, solver]) => post("system YAML", `/api/design${q}`, { system: s, ...(solver ? { solver } : {}) })),
    },
    { weight: 1, arbitrary: badHost(GET_ROUTES) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...POST_ROUTES), jsonBody)
        .map(([path, body]) => post("slow body", path, body.slice(0, 20_000), { slow: true })),
    },
    { weight: 2, arbitrary: validPosts },
  );
