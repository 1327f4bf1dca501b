/** @module export/to-csv — an export graph as CSV (RFC 4180): a nodes table or an edges table. */
import type { ExportGraph } from "./export-graph.js";

/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180); lists join with `;`. */
function field(v: string | number | readonly string[] | undefined): string {
  const s = v === undefined ? "" : Array.isArray(v) ? v.join(";") : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One CSV table: `nodes` (id, label, kind, then every property) or `edges` (from, to, type, label, source).
 * @example toCsv(graph, "edges").split("\n")[0] // "from,to,type,label,source"
 */
export function toCsv(graph: ExportGraph, table: "nodes" | "edges" = "edges"): string {
  const lines: string[] = [];
  if (table === "edges") {
    lines.push("from,to,type,label,source");
    for (const e of graph.edges) lines.push([e.from, e.to, e.type, e.label, e.source].map(field).join(","));
  } else {
    const keys = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.properties)))].sort();
    lines.push(["id", "label", "kind", ...keys].map(field).join(","));
    for (const n of graph.nodes)
      lines.push([n.id, n.label, n.kind, ...keys.map((k) => n.properties[k])].map(field).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
