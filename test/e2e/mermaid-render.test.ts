// Mermaid's own code checks every kind of Mermaid diagram stackatlas emits: `export --as mermaid` (the whole
// network, filtered subsets, stacks, migrations, in English and Chinese) and `design`'s diagram. The diagrams come
// from the built CLI, run as a user runs it; the mermaid browser bundle (the pinned devDependency, no network)
// parses and renders each in Debian's Chromium, and the SVG must hold exactly the nodes, groups, edges and labels
// of the graph the diagram was made from — counted from that graph, never from the diagram's text.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/_chromium.js";
import { ROOT } from "../../scripts/_serve.js";
import { planMigration } from "../../src/design/migrate.js";
import {
  type ExportGraph,
  type ExportLabels,
  edgeLabel,
  migrationExportGraph,
  networkExportGraph,
  stackExportGraph,
} from "../../src/export/export-graph.js";
import { MERMAID_DEFAULT_LIMITS, toMermaid } from "../../src/export/to-mermaid.js";
import { exportLabels } from "../../src/i18n/export-labels.js";
import type { Lang } from "../../src/i18n/lang.js";
import { loadKb } from "../../src/kb/load-kb.js";
import type { TechnologyFilter } from "../../src/network/filter-technologies.js";
import { hostile } from "../fixtures/hostile-labels.js";

const MERMAID_JS = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
const kb = loadKb(join(ROOT, "data"));

let browser: Browser;
let page: Page;
let renders = 0;

interface Limits {
  readonly maxEdges: number;
  readonly maxTextSize: number;
}

/** What Mermaid drew: each node's, group's and edge label's text (whitespace collapsed), and the edges. */
interface Drawn {
  readonly nodes: string[];
  readonly clusters: string[];
  readonly edges: number;
  readonly edgeLabels: string[];
}

/** The page's `mermaid` global and the one element the test draws into (the test's tsconfig has no DOM types). */
interface PageGlobals {
  mermaid: {
    initialize(config: Record<string, unknown>): void;
    parse(text: string): Promise<unknown>;
    render(id: string, text: string): Promise<{ svg: string }>;
    mermaidAPI: { getConfig(): { maxEdges?: number; maxTextSize?: number } };
  };
  document: { getElementById(id: string): { innerHTML: string } };
}

/** The CLI as a user runs it: `node bin/stackatlas.mjs …` (built by the global setup). */
function cli(...args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, "bin", "stackatlas.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** `mermaid.parse` then `mermaid.render` with `limits` (Mermaid's own defaults if none); throws Mermaid's error. */
async function draw(text: string, limits?: Limits): Promise<Drawn> {
  const id = `diagram${++renders}`;
  const error = await page.evaluate(
    async ({ id, text, limits }) => {
      const g = globalThis as unknown as PageGlobals;
      g.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", ...limits });
      try {
        await g.mermaid.parse(text);
        const { svg } = await g.mermaid.render(id, text);
        g.document.getElementById("out").innerHTML = svg;
        return undefined;
      } catch (e) {
        g.document.getElementById("out").innerHTML = "";
        return String((e as { message?: string }).message ?? e);
      }
    },
    { id, text, limits },
  );
  if (error !== undefined) throw new Error(`mermaid: ${error}`);
  const texts = async (selector: string) =>
    (await page.locator(`#out ${selector}`).allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
  return {
    nodes: await texts("g.node"),
    clusters: await texts("g.cluster-label"),
    edges: await page.locator("#out path.flowchart-link").count(),
    edgeLabels: (await texts("g.edgeLabel")).filter((t) => t !== ""),
  };
}

/** `mermaid.parse` alone, with Mermaid's default limits: resolves to undefined or throws Mermaid's error. */
async function parse(text: string): Promise<undefined> {
  const error = await page.evaluate(async (text) => {
    const m = (globalThis as unknown as PageGlobals).mermaid;
    m.initialize({ startOnLoad: false, securityLevel: "strict" });
    try {
      await m.parse(text);
      return undefined;
    } catch (e) {
      return String((e as { message?: string }).message ?? e);
    }
  }, text);
  if (error !== undefined) throw new Error(`mermaid: ${error}`);
  return undefined;
}

/** Whitespace collapsed as the browser shows it, sorted: the multiset of texts to compare. */
const sorted = (xs: readonly string[]) => xs.map((x) => x.replace(/\s+/g, " ").trim()).sort();

/** The limits a diagram needs: Mermaid's defaults, raised only where the exporter's `%%` note says they are exceeded. */
function limitsFor(g: ExportGraph, text: string): Limits | undefined {
  const over = text.split("\n")[1]?.startsWith("%%") === true;
  expect(over).toBe(
    g.edges.length > MERMAID_DEFAULT_LIMITS.maxEdges || text.length > MERMAID_DEFAULT_LIMITS.maxTextSize,
  );
  return over ? { maxEdges: g.edges.length + 1, maxTextSize: text.length + 1 } : undefined;
}

/** Draws an export and checks it against the graph it was made from: every node, group, edge and label. */
async function drawExport(g: ExportGraph, text: string, labels: ExportLabels = {}): Promise<Drawn> {
  const kind = labels.kind ?? ((k: string) => k);
  const d = await draw(text, limitsFor(g, text));
  expect(d.nodes).toHaveLength(g.nodes.length);
  expect(d.edges).toBe(g.edges.length);
  expect(d.clusters).toHaveLength(new Set(g.nodes.map((n) => n.kind)).size);
  expect(sorted(d.nodes)).toEqual(sorted(g.nodes.map((n) => (n.label.trim() === "" ? n.id : n.label))));
  expect(sorted(d.clusters)).toEqual(sorted([...new Set(g.nodes.map((n) => kind(n.kind)))]));
  expect(sorted(d.edgeLabels)).toEqual(sorted(g.edges.map((e) => edgeLabel(e, labels)).filter((l) => l.trim() !== "")));
  return d;
}

const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  // A blank page with the bundle injected from node_modules: nothing is fetched.
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>',
  );
  await page.addScriptTag({ path: MERMAID_JS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("Mermaid parses and renders every diagram stackatlas emits", () => {
  it("the exporter's limits are the pinned mermaid's defaults", async () => {
    const defaults = await page.evaluate(() => {
      const m = (globalThis as unknown as PageGlobals).mermaid;
      m.initialize({ startOnLoad: false });
      const c = m.mermaidAPI.getConfig();
      return { maxEdges: c.maxEdges, maxTextSize: c.maxTextSize };
    });
    expect(defaults).toEqual(MERMAID_DEFAULT_LIMITS);
  });

  it("negative controls: a broken diagram is rejected, and a mis-escaped label is caught", async () => {
    await expect(draw('flowchart LR\n  n_a["A" --> n_b\n')).rejects.toThrow(/Parse error/);
    await expect(draw("flowchart LR\n  n_a[unbalanced --> n_b\n")).rejects.toThrow(/Parse error/);
    await expect(draw('flowchart LR\n  n_a[""]\n')).rejects.toThrow(/Parse error/);
    // Unescaped, Mermaid reads HTML and `#…;` entities in a label: the text check sees the difference.
    const raw = await draw('flowchart LR\n  n_a["<b>bold</b> #fff;"]\n');
    expect(raw.nodes).toHaveLength(1);
    expect(raw.nodes[0]).not.toBe("<b>bold</b> #fff;");
    // Two ids that sanitised alike merged into one node before ids were made unique.
    const merged = await draw('flowchart LR\n  n_a_b["dash"]\n  n_a_b["underscore"]\n');
    expect(merged.nodes).toHaveLength(1);
  });

  it("the whole built-in network, with Mermaid's default limits unless the export says they are exceeded", async () => {
    const g = networkExportGraph(kb);
    const text = cli("export", "--as", "mermaid");
    expect(text).toBe(toMermaid(g));
    const d = await drawExport(g, text);
    // Counted from the knowledge base itself too: every technology, every relation target among them.
    expect(d.nodes).toHaveLength(kb.technologies.size);
    expect(new Set(d.clusters)).toEqual(new Set([...kb.technologies.values()].map((t) => t.role)));
    const relations = kb.relations.all.reduce(
      (sum, r) => sum + (kb.technologies.has(r.from) ? new Set(r.targets).size : 0),
      0,
    );
    expect(d.edges).toBe(relations);
    expect(d.edges).toBeGreaterThan(100);
  });

  it.each<[string, string[], TechnologyFilter]>([
    ["a role", ["--role", "runtime"], { roles: ["runtime"] }],
    ["a level", ["--level", "L-4"], { levels: ["L-4"] }],
    ["a Chinese scenario name", ["--scenario", "边缘计算"], { scenario: "边缘计算" }],
    ["years and CNCF maturity", ["--since", "2016", "--cncf", "graduated"], { since: 2016, cncf: "graduated" }],
  ])("a subset the list filters keep: %s", async (_what, flags, filter) => {
    const g = networkExportGraph(kb, filter);
    expect(g.nodes.length).toBeGreaterThan(1);
    const text = cli("export", "--as", "mermaid", ...flags);
    expect(text).toBe(toMermaid(g));
    await drawExport(g, text);
  });

  it.each(["K3s + WasmEdge + Gatekeeper", "case:serverless-2025-seed-case-2"])("a stack: %s", async (stack) => {
    const g = stackExportGraph(kb, stack);
    expect(g.nodes.length).toBeGreaterThan(2);
    const text = cli("export", "--as", "mermaid", "--stack", stack);
    expect(text).toBe(toMermaid(g));
    await drawExport(g, text);
  });

  it.each<Lang>(["en", "zh"])("a migration (the seed's case 2), --lang %s", async (lang) => {
    const stacks = ["case:serverless-2020-seed-case-2", "case:serverless-2025-seed-case-2"];
    const plan = planMigration(kb, stacks, lang);
    const g = migrationExportGraph(plan);
    const steps = plan.legs.reduce((sum, leg) => sum + leg.steps.length, 0);
    expect(g.nodes).toHaveLength(plan.legs.length + 1 + steps);
    const text = cli("--lang", lang, "export", "--as", "mermaid", "--from", stacks[0]!, "--to", stacks[1]!);
    // The CLI labels groups and edges in the language asked for.
    expect(text).toBe(toMermaid(g, "LR", exportLabels(lang)));
    const d = await drawExport(g, text, exportLabels(lang));
    expect(d.nodes).toHaveLength(2 + 4); // two stacks, four steps
    expect(d.edges).toBe(5);
    expect(d.nodes.some((n) => HAN.test(n))).toBe(lang === "zh");
  });

  it("the whole network with its Chinese names", async () => {
    const zh = new Map([...kb.technologies.values()].map((t) => [t.id, t.names.zh]));
    const base = networkExportGraph(kb);
    const g: ExportGraph = { ...base, nodes: base.nodes.map((n) => ({ ...n, label: zh.get(n.id) ?? n.label })) };
    const d = await drawExport(g, toMermaid(g));
    expect(d.nodes.filter((n) => HAN.test(n)).length).toBeGreaterThan(kb.technologies.size / 2);
  });

  const designs = readdirSync(join(ROOT, "examples"))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  it.each(designs.flatMap((f) => (["en", "zh"] as const).map((lang) => [f, lang] as const)))(
    "a design: examples/%s, --lang %s",
    async (file, lang) => {
      const result = JSON.parse(cli("--format", "json", "--lang", lang, "design", join(ROOT, "examples", file))) as {
        platform: { label: string };
        workloads: { name: string }[];
        runtimeClasses: { name: string }[];
        diagram: { mermaid: string };
      };
      const d = await draw(result.diagram.mermaid);
      // One node per RuntimeClass and per workload, one arrow per workload, the platform as the one group.
      expect(d.nodes).toHaveLength(result.runtimeClasses.length + result.workloads.length);
      expect(d.edges).toBe(result.workloads.length);
      expect(d.clusters).toEqual([result.platform.label.replace(/\s+/g, " ")]);
      for (const w of result.workloads) expect(d.nodes.some((n) => n.startsWith(`${w.name} ×`))).toBe(true);
      for (const rc of result.runtimeClasses) {
        expect(d.nodes.some((n) => n.startsWith(`RuntimeClass ${rc.name} `))).toBe(true);
      }
      expect(HAN.test(d.clusters[0]!)).toBe(lang === "zh");
    },
  );

  it("hostile names: quotes, brackets, keywords, entities, HTML, directives, Markdown, colliding ids, Chinese", async () => {
    const d = await drawExport(hostile, toMermaid(hostile));
    expect(d.nodes).toContain('say "hi" [x] ]; # end');
    expect(d.nodes).toContain("<b>bold</b> & &lt; #35; #fff; C#; F# + a+b");
    expect(d.nodes).toContain("`**not markdown**`");
    expect(d.nodes).toContain("50% off %%{init: {}}%% line break \\ back");
    expect(d.nodes).toContain("边缘计算 运行时");
  });

  /** A fan of `edges` arrows from one node to twenty others (a small layout, however many edges). */
  const fan = (edges: number): ExportGraph => ({
    title: "fan",
    nodes: Array.from({ length: 21 }, (_, i) => ({ id: `t${i}`, label: `T ${i}`, kind: "runtime", properties: {} })),
    edges: Array.from({ length: edges }, (_, i) => ({ from: "t0", to: `t${1 + (i % 20)}`, type: "depends-on" })),
  });

  it("over Mermaid's default maxEdges: the export says so, the defaults refuse it, raised limits render it", async () => {
    const { maxEdges } = MERMAID_DEFAULT_LIMITS;
    const at = toMermaid(fan(maxEdges));
    expect(at).not.toContain("%%");
    await expect(parse(at)).resolves.toBeUndefined();
    const over = fan(maxEdges + 1);
    const text = toMermaid(over);
    expect(text.split("\n")[1]).toMatch(/^%% 501 edges \(maxEdges 500\): more than Mermaid renders by default/);
    await expect(parse(text)).rejects.toThrow(/Edge limit exceeded/);
    const d = await drawExport(over, text);
    expect(d.edges).toBe(maxEdges + 1);
  }, 180_000);

  it("over Mermaid's default maxTextSize: the export says so, the defaults draw only an error, raised limits render it", async () => {
    const { maxTextSize } = MERMAID_DEFAULT_LIMITS;
    /** Twenty-six nodes, the last one's name padded so that the diagram is `size` characters long. */
    const wordy = (size: number): ExportGraph => {
      const nodes = Array.from({ length: 26 }, (_, i) => ({
        id: `w${i}`,
        label: `${i} ${"长名字 long name ".repeat(120)}`,
        kind: "runtime",
        properties: {},
      }));
      const g = { title: "wordy", nodes, edges: [{ from: "w0", to: "w1", type: "runs-on" }] };
      const pad = size - toMermaid(g).length;
      expect(pad).toBeGreaterThan(0);
      nodes[25]!.label += "x".repeat(pad);
      return g;
    };
    const at = wordy(maxTextSize);
    const atText = toMermaid(at);
    expect(atText).toHaveLength(maxTextSize);
    expect(atText).not.toContain("%%");
    await drawExport(at, atText);
    const over = wordy(maxTextSize + 1);
    const text = toMermaid(over);
    expect(text.split("\n")[1]).toMatch(
      /^%% 50001 characters \(maxTextSize 50000\): more than Mermaid renders by default/,
    );
    expect((await draw(text)).nodes).toEqual(["Maximum text size in diagram exceeded"]);
    const d = await drawExport(over, text);
    expect(d.nodes).toHaveLength(26);
  });
});
