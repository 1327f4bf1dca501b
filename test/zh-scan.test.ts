// The zh scan: every CLI command, with realistic arguments and on its error paths, run with `--lang zh`,
// and the HTTP API's error paths with `?lang=zh` (the API's one language switch); what they print must hold no run of English
// words outside what may stay English (see test/_english-runs.ts: the knowledge base's English-only text
// and names, URLs, paths, codes, units, and a short list of product and format names).
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./_cli.js";
import { dataEnglish, englishRuns, landscapeNames, longestFirst } from "./_english-runs.js";
import { testApp } from "./_server.js";

const repo = resolve(import.meta.dirname, "..");
const ex = (name: string) => resolve(repo, "examples", name);
const WARNED_KB = resolve(import.meta.dirname, "fixtures/kb/invalid/ordering-contradicted-by-technologies");
const BROKEN_KB = resolve(import.meta.dirname, "fixtures/kb/invalid/duplicate-id");
const landscape = resolve(repo, "data/landscape/landscape.yml");

let allowed: string[];
let dir: string;
beforeAll(() => {
  allowed = longestFirst([
    ...dataEnglish(resolve(repo, "data")),
    ...dataEnglish(WARNED_KB),
    ...dataEnglish(BROKEN_KB),
    ...landscapeNames(landscape),
  ]);
  dir = mkdtempSync(join(tmpdir(), "zh-scan-"));
  writeFileSync(
    join(dir, "case-1.yaml"),
    "scenario: 边缘计算\nyear: 2025\nmust:\n  coldStartMs: { max: 10 }\n  memoryMiB: { max: 5 }\n  isolation: { atLeast: L-4 }\n  orchestration: { atLeast: X2 }\n  policy: { atLeast: Z3 }\n  observability: [O1, O2]\n",
  );
  writeFileSync(join(dir, "bad.yaml"), "must:\n  coldStartMz: 10\n");
});

const SEED_2020 = "case:serverless-2020-seed-case-2";
const SEED_2025 = "case:serverless-2025-seed-case-2";

/** Every command, with arguments a user would give; the error paths each command has. */
const COMMANDS: readonly (readonly string[])[] = [
  ["--help"],
  ["validate"],
  ["validate", "--data", WARNED_KB],
  ["validate", "--data", BROKEN_KB],
  ["list"],
  ["list", "--cncf", "graduated"],
  ["list", "--role", "nope"],
  ["show", "kubernetes"],
  ["show", "gvisor"],
  ["show", "wasmedge"],
  ["show", "nosuch"],
  ["lookup", "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)"],
  ["lookup", "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)", "--nearest"],
  ["lookup", "(9, 9)"],
  ["locate", "K3s + WasmEdge + Gatekeeper"],
  ["locate", "bpftrace + runc"],
  ["scenario", "边缘计算"],
  ["scenario", "nope"],
  ["path", "serverless"],
  ["compare", "gvisor", "runc"],
  ["compare", SEED_2020, SEED_2025],
  ["compare", "(4, 2, 3, 2025, 1, edge, *)", "(3, 1, 2, 2020, 1, serverless, *)"],
  ["recommend", "--requirements", "CASE1", "--explain"],
  ["recommend", "--scenario", "nope"],
  ["recommend", "--requirements", "BAD"],
  ["timeline", "--from", "2015", "--to", "2020"],
  ["predict", "边缘计算", "--from", "2025", "--years", "3"],
  ["predict", "--projects", "--project", "k3s", "--landscape", landscape],
  ["design", ex("multi-tenant-saas.yaml")],
  ["design", ex("retail-edge-chain.yaml")],
  ["design", ex("ai-inference-platform.yaml")],
  ["design", ex("saas-cluster-export.json")],
  ["migrate", "--from", SEED_2020, "--to", SEED_2025],
  ["migrate", "--from", "K8s + runc", "--to", "K3s + WasmEdge + Gatekeeper"],
  ["observe", "K3s + WasmEdge + Gatekeeper + OpenTelemetry"],
  ["diagnose", "--vertical", "OOMKilled", "--horizontal", "span duration"],
  ["diagnose", "--matrix"],
  ["analyze"],
  ["analyze", "--coverage"],
  ["export", "--as", "json", "--stack", "K3s + WasmEdge + Gatekeeper"],
  ["export", "--as", "csv", "--table", "nodes", "--level", "L-4"],
  ["export", "--as", "csv", "--table", "edges", "--level", "L-4"],
  ["export", "--as", "mermaid", "--stack", "K3s + WasmEdge + Gatekeeper"],
  ["export", "--as", "mermaid", "--from", "K8s + runc", "--to", "K3s + WasmEdge"],
  ["export", "--as", "dot", "--level", "L-4"],
  ["export", "--as", "dot", "--from", "K8s + runc", "--to", "K3s + WasmEdge"],
  ["export", "--as", "cypher", "--level", "L-4"],
  ["import", "cncf-landscape", landscape, "--dry-run"],
];

/**
 * The text of an output a person reads: a diagram's or an export's labels and titles (not the format's
 * own syntax, keys and codes), a design's prose and manifest comments (not the manifests' YAML keys), and
 * everything else whole.
 */
function readable(argv: readonly string[], out: string): string {
  const as = argv.includes("--as") ? argv[argv.indexOf("--as") + 1] : undefined;
  const quoted = (re: RegExp) => [...out.matchAll(re)].map((m) => m[1]).join("\n");
  if (as === "mermaid") return quoted(/(?:\["|\|")(.*?)"[\]|]/g);
  if (as === "dot") return quoted(/(?:digraph |label=|tooltip=)"((?:[^"\\]|\\.)*)"/g);
  if (as === "cypher") return quoted(/(?:label|title): '((?:[^'\\]|\\.)*)'/g);
  if (as === "json") {
    const g = JSON.parse(out) as { title: string; nodes: { label: string }[] };
    return [g.title, ...g.nodes.map((n) => n.label)].join("\n");
  }
  if (as === "csv") {
    // The nodes' labels (an edge's label is a code: anyOf).
    if (argv.includes("edges")) return "";
    const [head = "", ...rows] = out.trim().split("\n");
    const at = head.split(",").indexOf("label");
    return at < 0 ? "" : rows.map((r) => r.split(",")[at]).join("\n");
  }
  if (argv[0] === "design") {
    // RuntimeClass handlers and names are Kubernetes identifiers, in the table as in the manifests.
    const ids = new Set([...out.matchAll(/^ *(?:handler|name): (\S+)$/gm)].map((m) => m[1]));
    const prose = out.replace(/^ *[A-Za-z][\w./-]*:( [^\s：]*)?$/gm, "");
    return prose.replace(/[A-Za-z][\w.-]*/g, (w) => (ids.has(w) ? " " : w));
  }
  return out;
}

/** The words of the files a command reads (a system's workload names are the user's own). */
function typedInFiles(argv: readonly string[]): string[] {
  return argv
    .filter((a) => /\.(ya?ml|json)$/.test(a) && !a.endsWith("landscape.yml"))
    .flatMap((f) => readFileSync(f, "utf8").match(/[A-Za-z][\w.-]*/g) ?? []);
}

const argvOf = (argv: readonly string[]) =>
  argv.map((a) => (a === "CASE1" ? join(dir, "case-1.yaml") : a === "BAD" ? join(dir, "bad.yaml") : a));

/**
 * Gaps still open, each with why: their commands must still show English (the check fails once one is
 * fixed, so its entry is removed and the command is held to the full scan from then on).
 */
const OPEN_GAPS: Readonly<Record<string, string>> = {
  "--help": "commander's help and every command's description are English only",
  [`validate --data ${WARNED_KB}`]:
    "issue messages other than STALE_FIGURE carry no parameters to word them in Chinese",
  [`validate --data ${BROKEN_KB}`]:
    "issue messages other than STALE_FIGURE carry no parameters to word them in Chinese",
  "path serverless": "the series one may choose (`all`) is listed as typed",
  "recommend --requirements CASE1 --explain":
    "the dimension analysis names an ordering by id (`strength`), from src/recommend",
};

describe("every command in Chinese", () => {
  it.each(COMMANDS.map((argv) => [argv.join(" "), argv] as const))("%s", { timeout: 300_000 }, async (_name, argv) => {
    const r = await runCli(...argvOf(argv), "--lang", "zh");
    // What the user typed may come back as it was typed.
    const typed = argv.flatMap((a) => [a, ...a.split(/[\s+]+/)]).filter((a) => /[A-Za-z]/.test(a));
    const files = typedInFiles(argvOf(argv));
    const left = englishRuns(`${readable(argv, r.out)}\n${r.err}`, [...typed, ...files, ...allowed]);
    if (process.env.ZH_SCAN_DUMP)
      appendFileSync(process.env.ZH_SCAN_DUMP, `## ${argv.join(" ")}\n${[...new Set(left)].join("\n")}\n`);
    const gap = OPEN_GAPS[argv.join(" ")];
    if (gap !== undefined) expect(left.length, `fixed? remove it from OPEN_GAPS: ${gap}`).toBeGreaterThan(0);
    else expect(left, `${r.out}\n${r.err}`.slice(0, 4000)).toEqual([]);
  });
});

describe("the HTTP API's errors with ?lang=zh", () => {
  const REQUESTS: readonly (readonly [string, RequestInit?, string[]?] | readonly [string, undefined, string[]])[] = [
    ["/api/technologies/nosuch"],
    ["/api/technologies?level=zz"],
    ["/api/scenarios/nope"],
    ["/api/lookup?coordinate=(9,9)"],
    ["/api/timeline?from=2020&to=2010"],
    // The message names the parameter missing, `to`, as it is written in a query.
    ["/api/export?from=K8s", undefined, ["to"]],
    ["/api/nowhere"],
    ["/api/locate", { method: "POST", body: JSON.stringify({ stack: "K3s + Foo" }) }],
    ["/api/locate", { method: "POST", body: "{not json" }],
    ["/api/compare", { method: "POST", body: JSON.stringify({ a: "case:nope", b: "runc" }) }],
    ["/api/recommend", { method: "POST", body: JSON.stringify({ requirements: { must: { coldStartMs: "x" } } }) }],
    ["/api/design", { method: "POST", body: JSON.stringify({ system: "workloads:\n  - name: a\n    colour: red\n" }) }],
    ["/api/migrate", { method: "POST", body: JSON.stringify({ from: "case:nope", to: "K3s" }) }],
    ["/api/observe", { method: "POST", body: JSON.stringify({ stack: "K3s + Foo" }) }],
    ["/api/diagnose", { method: "POST", body: JSON.stringify({ vertical: "zzzz" }) }],
  ];
  it.each(REQUESTS.map(([path, init, names]) => [`${init?.method ?? "GET"} ${path}`, path, init, names] as const))(
    "%s",
    async (_name, path, init, names) => {
      const url = `${path}${path.includes("?") ? "&" : "?"}lang=zh`;
      const res = await testApp().request(url, { ...init, headers: { "content-type": "application/json" } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      const body = (await res.json()) as { error: { message: string; issues?: { message: string }[] } };
      const text = [body.error.message, ...(body.error.issues ?? []).map((i) => i.message)].join("\n");
      const typed = [path, String(init?.body ?? ""), ...(names ?? [])].flatMap(
        (t) => t.match(/[A-Za-z][\w.-]*/g) ?? [],
      );
      expect(englishRuns(text, [...typed, ...allowed]), text).toEqual([]);
    },
  );
});

describe("the scan itself", () => {
  it("finds English runs and lets names, data text, codes, units and URLs pass", () => {
    const data = ["Running gVisor in Production at Scale in Ant", "Kubernetes"];
    expect(englishRuns("角色：runtime；排序 by strength", data)).toEqual(["runtime", "by strength"]);
    expect(englishRuns("来源：Running gVisor in Production at Scale in Ant [B]", data)).toEqual([]);
    expect(
      englishRuns("Kubernetes 冷启动 81–280 ms，L-4，STALE_FIGURE，https://example.com/a left over", data),
    ).toEqual(["left over"]);
    expect(englishRuns("没有记录栈 case:nope；未知技术 Foo", [...data, "Foo"])).toEqual([]);
    expect(englishRuns("见 data/technologies/k3s.yaml:3:5 与 --lang 选项", data)).toEqual([]);
  });
});
