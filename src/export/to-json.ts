/** @module export/to-json — an export graph as JSON. */
import type { ExportGraph } from "./export-graph.js";

/**
 * The graph as pretty-printed JSON: `{ title, nodes, edges }`.
 * @example JSON.parse(toJson(graph)).nodes.length
 */
export function toJson(graph: ExportGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
