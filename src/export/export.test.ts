import { resolve } from "node:path";
import { instance } from "@viz-js/viz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { hostile } from "../../test/fixtures/hostile-labels.js";
import { planMigration } from "../design/migrate.js";
import { loadKb } from "../kb/load-kb.js";
import { type ExportGraph, migrationExportGraph, networkExportGraph, stackExportGraph } from "./export-graph.js";
import { toCsv } from "./to-csv.js";
import { cypherString, toCypher } from "./to-cypher.js";
import { toDot } from "./to-dot.js";
import { toJson } from "./to-json.js";
import { MERMAID_DEFAULT_LIMITS, mermaidText, toMermaid } from "./to-mermaid.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));
const network = networkExportGraph(kb);
const tricky: ExportGraph = {
  title: 'a "quoted", odd\ngraph',
  nodes: [
    {
      id: "a",
      label: 'say "hi", it\'s\nme \\ you',
      kind: "runtime",
      properties: { role: "runtime", D: ["L-3", "L-4"] },
    },
    { id: "b-c", label: "[brackets] {braces} (parens) | pipe; semi", kind: "plugin", properties: { released: 2020 } },
  ],
  edges: [{ from: "a", to: "b-c", type: "depends-on", label: "anyOf", source: "x" }],
};

/** A minimal RFC 4180 reader: fields, quotes and doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

// Graphviz itself, as WebAssembly from an npm package: no system `dot` needed.
const viz = await instance();

describe("exports", () => {
  it("JSON round-trips", () => {
    expect(JSON.parse(toJson(network))).toEqual(JSON.parse(JSON.stringify(network)));
  });

  it("CSV re-reads to the same edges and nodes, quotes included", () => {
    const edges = readCsv(toCsv(network, "edges"));
    expect(edges[0]).toEqual(["from", "to", "type", "label", "source"]);
    expect(edges.length - 1).toBe(network.edges.length);
    expect(edges.slice(1).map((r) => r[0])).toEqual(network.edges.map((e) => e.from));
    const nodes = readCsv(toCsv(tricky, "nodes"));
    expect(nodes[1]?.[1]).toBe(tricky.nodes[0]?.label);
    expect(nodes[0]).toContain("D");
  });

  it("DOT is accepted by Graphviz, which draws every node, tricky labels included", () => {
    for (const g of [network, tricky, hostile, stackExportGraph(kb, "K3s + WasmEdge + Gatekeeper")]) {
      const r = viz.render(toDot(g), { format: "svg" });
      // Warnings are about text widths (no fonts in the WebAssembly build); errors would be DOT's.
      expect(r.errors.filter((e) => e.level === "error")).toEqual([]);
      expect(r.status).toBe("success");
      expect(r.output?.match(/<g id="node\d+" class="node">/g)?.length).toBe(g.nodes.length);
    }
    // The same check refuses DOT that Graphviz cannot read.
    const broken = viz.render(toDot(tricky).replace(/ -> /, " -> ;"), { format: "svg" });
    expect(broken.status).toBe("failure");
  });

  it("Mermaid: a flowchart whose every line is a node, an edge or a subgraph, with safe ids and labels", () => {
    for (const g of [tricky, hostile, network]) {
      const lines = toMermaid(g).trim().split("\n");
      expect(lines[0]).toBe("flowchart LR");
      for (const line of lines.slice(1)) {
        expect(line).toMatch(
          /^\s*(subgraph k_\w*\["[^"]+"\]|end|n_\w*\["[^"]+"\]|n_\w* (-->|-\.-x)(\|"[^"]+"\|)? n_\w*|%% .+)$/,
        );
      }
    }
    expect(toMermaid(tricky)).toContain("#quot;");
    // Checked by Mermaid's own parser and renderer in test/e2e/mermaid-render.test.ts.
  });

  // Each case below is a bug Mermaid's parser or renderer found (test/e2e/mermaid-render.test.ts draws `hostile`).
  it('Mermaid labels: #, ", &, <, >, % and ` become #…; entities, so Mermaid shows them as written', () => {
    // Was: `#fff;` and `#35;` were read as entities (shown as `&fff;` and `#`), `<b>` as HTML, `&lt;` as `<`,
    // `%%{init}%%` removed as a directive, a backticked name read as Markdown.
    expect(mermaidText('say "hi" <b>x</b> & &lt; #35; #fff; 50%%{init}%% `md`')).toBe(
      "say #quot;hi#quot; #lt;b#gt;x#lt;/b#gt; #38; #38;lt; #35;35; #35;fff; 50#37;#37;{init}#37;#37; #96;md#96;",
    );
    // Brackets, pipes, semicolons, `+`, keywords and Chinese are safe inside the quotes and stay as they are.
    expect(mermaidText("[x] {y} (z) | a; b + c end graph style 边缘计算")).toBe(
      "[x] {y} (z) | a; b + c end graph style 边缘计算",
    );
    const decode = (s: string) =>
      s.replace(/#(quot|lt|gt|\d+);/g, (_m, e: string) =>
        e === "quot" ? '"' : e === "lt" ? "<" : e === "gt" ? ">" : String.fromCodePoint(Number(e)),
      );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const t = mermaidText(s);
        // No quote, raw `&`, `<`, `>`, `%`, backtick or line break is left, and every `#` starts one of our entities.
        expect(t).toMatch(/^(?:[^"#&<>%`\r\n\u2028\u2029]|#(?:quot|lt|gt|35|38|37|96);)*$/);
        expect(decode(t)).toBe(s.replace(/\r\n|[\r\n\u2028\u2029]/g, " "));
      }),
    );
  });

  it("Mermaid labels: every line break is a space (a lone CR cut the label short)", () => {
    expect(mermaidText("line\rbreak\r\nand\nmore\u2028end")).toBe("line break and more end");
  });

  it("Mermaid: an empty label, which Mermaid rejects, shows the id; an empty relation type no label", () => {
    const text = toMermaid(hostile);
    expect(text).toContain('  subgraph k_[" "]\n    n_nameless["nameless"]\n  end');
    expect(text).toContain("  n_end --> n_nameless\n");
    expect(text).not.toMatch(/\[""\]|\|""\|/);
  });

  it("Mermaid ids: unique even where two ids sanitise alike or a node is named like a group, never a keyword", () => {
    const text = toMermaid(hostile);
    // Was: a-b, a_b and a.b were all n_a_b (one node), and a node `kind-runtime` was the runtime group's id.
    expect(text).toContain('n_a_b["dash"]');
    expect(text).toContain('n_a_b_2["underscore"]');
    expect(text).toContain('n_a_b_3["dot"]');
    expect(text).toContain("n_a_b -.-x|");
    expect(text).toContain("| n_a_b_2\n");
    expect(text).toContain('subgraph k_runtime["runtime"]');
    expect(text).toContain('n_kind_runtime["a node named like a group"]');
    const ids = [...text.matchAll(/^\s*(?:subgraph )?(\w+)\[/gm)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(hostile.nodes.length + new Set(hostile.nodes.map((n) => n.kind)).size);
    expect(ids).not.toContain("end");
    expect(ids).toContain("n_end");
  });

  it("Mermaid: a diagram over Mermaid's default maxEdges or maxTextSize says so in a %% comment", () => {
    // The whole knowledge base carries the note exactly when it is over a limit (it grows past 500 edges).
    const body = toMermaid(network)
      .split("\n")
      .filter((l) => !l.startsWith("%%"))
      .join("\n");
    const over =
      network.edges.length > MERMAID_DEFAULT_LIMITS.maxEdges || body.length > MERMAID_DEFAULT_LIMITS.maxTextSize;
    expect(toMermaid(network).split("\n")[1]?.startsWith("%% ")).toBe(over);
    const many: ExportGraph = {
      title: "many",
      nodes: [
        { id: "a", label: "A", kind: "runtime", properties: {} },
        { id: "b", label: "B", kind: "runtime", properties: {} },
      ],
      edges: Array.from({ length: MERMAID_DEFAULT_LIMITS.maxEdges + 1 }, () => ({ from: "a", to: "b", type: "x" })),
    };
    expect(toMermaid(many).split("\n")[1]).toMatch(/^%% 501 edges \(maxEdges 500\): .*mermaid\.initialize/);
    expect(toMermaid({ ...many, edges: many.edges.slice(1) })).not.toContain("%%");
    const long: ExportGraph = {
      ...many,
      nodes: [{ id: "a", label: "x".repeat(50_000), kind: "k", properties: {} }],
      edges: [],
    };
    expect(toMermaid(long).split("\n")[1]).toMatch(/^%% \d+ characters \(maxTextSize 50000\)/);
  });

  it("Cypher: every statement is a constraint, a MERGE or a MATCH … MERGE with escaped literals", () => {
    const lit = String.raw`'(?:[^'\\]|\\.)*'`;
    const node = new RegExp(
      `^MERGE \\(n:AtlasNode:\`\\w+\` \\{id: ${lit}\\}\\) SET n\\.label = ${lit}, n\\.kind = ${lit}(, n\\.(\\w+|\`[^\`]+\`) = (${lit}|\\d+|\\[(${lit}(, ${lit})*)?\\]))*;$`,
    );
    const edge = new RegExp(
      `^MATCH \\(a:AtlasNode \\{id: ${lit}\\}\\), \\(b:AtlasNode \\{id: ${lit}\\}\\) MERGE \\(a\\)-\\[r:\`[A-Z_]+\`\\]->\\(b\\)( SET r\\.\\w+ = ${lit}(, r\\.\\w+ = ${lit})*)?;$`,
    );
    for (const g of [network, tricky]) {
      const lines = toCypher(g).trim().split("\n");
      expect(lines[0]).toMatch(/^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:AtlasNode\) REQUIRE n\.id IS UNIQUE;$/);
      for (const l of lines.slice(1)) expect(l).toMatch(l.startsWith("MERGE") ? node : edge);
      expect(lines.length).toBe(1 + g.nodes.length + g.edges.length);
    }
    expect(cypherString("it's \\ ok\n")).toBe(String.raw`'it\'s \\ ok\n'`);
  });

  it("a migration exports as a chain of stacks and steps", () => {
    const g = migrationExportGraph(
      planMigration(kb, ["case:serverless-2020-seed-case-2", "case:serverless-2025-seed-case-2"]),
    );
    expect(g.nodes.filter((n) => n.kind === "step")).toHaveLength(4);
    expect(g.edges).toHaveLength(g.nodes.length - 1);
    expect(parseYaml(JSON.stringify(g))).toEqual(JSON.parse(JSON.stringify(g)));
  });

  it("--lang zh labels technologies with their Chinese names; ids and edges stay the same", () => {
    const en = networkExportGraph(kb, { levels: ["L-4"] });
    const zh = networkExportGraph(kb, { levels: ["L-4"] }, "zh");
    expect(zh.nodes.map((n) => n.id)).toEqual(en.nodes.map((n) => n.id));
    expect(zh.edges).toEqual(en.edges);
    expect(zh.nodes.find((n) => n.id === "wasmedge")?.label).toBe(kb.technologies.get("wasmedge")!.names.zh);
    const stack = stackExportGraph(kb, "K3s + WasmEdge + Gatekeeper", "zh");
    expect(stack.nodes.find((n) => n.id === "k3s")?.label).toBe(kb.technologies.get("k3s")!.names.zh);
  });

  it("a filtered network keeps only what the filter keeps", () => {
    const g = networkExportGraph(kb, { levels: ["L-4"] });
    expect(g.nodes.every((n) => (n.properties.D as readonly string[] | undefined)?.includes("L-4"))).toBe(true);
    expect(g.edges.every((e) => g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to))).toBe(true);
  });
});
