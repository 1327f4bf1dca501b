/** @module export/to-mermaid — an export graph as a Mermaid flowchart. */
import type { ExportGraph } from "./export-graph.js";

/** A Mermaid node id: letters, digits and underscores only. */
export function mermaidId(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** Text inside `["…"]` or `|"…"|`: quotes become the `#quot;` entity, and Mermaid's own brackets are safe inside quotes. */
function text(s: string): string {
  return s.replace(/"/g, "#quot;").replace(/\r?\n/g, " ");
}

/**
 * `flowchart LR` with one node per technology (or step) and one arrow per relation, labelled by type;
 * nodes are grouped in subgraphs by kind.
 * @example toMermaid(graph).startsWith("flowchart LR") // true
 */
export function toMermaid(graph: ExportGraph, direction: "LR" | "TD" = "LR"): string {
  const lines = [`flowchart ${direction}`];
  const byKind = new Map<string, typeof graph.nodes>();
  for (const n of graph.nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  for (const [kind, nodes] of byKind) {
    lines.push(`  subgraph ${mermaidId(`kind_${kind}`)}["${text(kind)}"]`);
    for (const n of nodes) lines.push(`    ${mermaidId(n.id)}["${text(n.label)}"]`);
    lines.push("  end");
  }
  for (const e of graph.edges) {
    const label = e.label ? `${e.type} (${e.label})` : e.type;
    const arrow = e.type === "conflicts-with" ? "-.-x" : "-->";
    lines.push(`  ${mermaidId(e.from)} ${arrow}|"${text(label)}"| ${mermaidId(e.to)}`);
  }
  return `${lines.join("\n")}\n`;
}
