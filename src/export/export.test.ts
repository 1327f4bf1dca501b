import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { planMigration } from "../design/migrate.js";
import { loadKb } from "../kb/load-kb.js";
import { type ExportGraph, migrationExportGraph, networkExportGraph, stackExportGraph } from "./export-graph.js";
import { toCsv } from "./to-csv.js";
import { cypherString, toCypher } from "./to-cypher.js";
import { toDot } from "./to-dot.js";
import { toJson } from "./to-json.js";
import { toMermaid } from "./to-mermaid.js";

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

const hasDot = spawnSync("dot", ["-V"]).status === 0;

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

  it.skipIf(!hasDot)("DOT is accepted by Graphviz's dot, tricky labels included", () => {
    for (const g of [network, tricky, stackExportGraph(kb, "K3s + WasmEdge + Gatekeeper")]) {
      const svg = execFileSync("dot", ["-Tsvg"], { input: toDot(g) }).toString();
      expect(svg).toContain("<svg");
    }
  });

  it("Mermaid: a flowchart whose every line is a node, an edge or a subgraph, with safe ids and labels", () => {
    const text = toMermaid(tricky);
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("flowchart LR");
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^\s*(subgraph n_\w+\["[^"]*"\]|end|n_\w+\["[^"]*"\]|n_\w+ (-->|-\.-x)\|"[^"]*"\| n_\w+)$/);
    }
    expect(text).toContain("#quot;");
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

  it("a filtered network keeps only what the filter keeps", () => {
    const g = networkExportGraph(kb, { levels: ["L-4"] });
    expect(g.nodes.every((n) => (n.properties.D as readonly string[] | undefined)?.includes("L-4"))).toBe(true);
    expect(g.edges.every((e) => g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to))).toBe(true);
  });
});
