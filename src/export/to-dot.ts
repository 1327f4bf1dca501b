/** @module export/to-dot — an export graph in Graphviz DOT. */
import { type ExportGraph, type ExportLabels, edgeLabel } from "./export-graph.js";

/** A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`. */
function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

const EDGE_STYLE: Readonly<Record<string, string>> = {
  "depends-on": "solid",
  implements: "dashed",
  "conflicts-with": "bold",
  "compatible-with": "dotted",
};

/**
 * `digraph` with nodes coloured by kind, one edge per relation labelled by type; `labels` words the kinds
 * (tooltips) and edge types (i18n/export-labels.ts: in Chinese), else they are shown as the codes they are.
 * @example toDot(graph).startsWith("digraph") // true
 */
export function toDot(graph: ExportGraph, labels: ExportLabels = {}): string {
  const lines = [`digraph ${quote(graph.title)} {`, "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];'];
  // Kinds as node colours rather than clusters: dot's ranker fails on many cross-cluster edges.
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))].sort();
  for (const n of graph.nodes) {
    const hue = (kinds.indexOf(n.kind) / Math.max(1, kinds.length)).toFixed(3);
    lines.push(
      `  ${quote(n.id)} [label=${quote(n.label)}, tooltip=${quote(labels.kind?.(n.kind) ?? n.kind)}, style=filled, fillcolor=${quote(`${hue} 0.25 1.0`)}];`,
    );
  }
  for (const e of graph.edges) {
    const label = edgeLabel(e, labels);
    lines.push(`  ${quote(e.from)} -> ${quote(e.to)} [label=${quote(label)}, style=${EDGE_STYLE[e.type] ?? "solid"}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
