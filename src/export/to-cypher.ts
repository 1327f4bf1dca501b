/** @module export/to-cypher — an export graph as Cypher statements for Neo4j (MERGE, so re-running is safe). */
import type { ExportGraph } from "./export-graph.js";

/** A Cypher string literal in single quotes, with backslashes, quotes and line breaks escaped. */
export function cypherString(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\r/g, "\\r").replace(/\n/g, "\\n")}'`;
}

/** A label or relationship type in backticks (a backtick inside is doubled). */
export function cypherName(s: string): string {
  return `\`${s.replace(/`/g, "``")}\``;
}

function value(v: string | number | readonly string[]): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "string") return cypherString(v);
  return `[${v.map(cypherString).join(", ")}]`;
}

/** A property key: plain when it is an identifier, else backticked. */
function key(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : cypherName(k);
}

/**
 * One statement per line, each ending in `;`: a uniqueness constraint, `MERGE` per node (label
 * `Technology` plus its kind) and `MATCH … MERGE` per relationship (type upper-snake-cased).
 * @example toCypher(graph).split("\n")[0] // "CREATE CONSTRAINT … IF NOT EXISTS …;"
 */
export function toCypher(graph: ExportGraph): string {
  const lines = ["CREATE CONSTRAINT atlas_node_id IF NOT EXISTS FOR (n:AtlasNode) REQUIRE n.id IS UNIQUE;"];
  for (const n of graph.nodes) {
    const props = [`n.label = ${cypherString(n.label)}`, `n.kind = ${cypherString(n.kind)}`];
    for (const [k, v] of Object.entries(n.properties)) props.push(`n.${key(k)} = ${value(v)}`);
    lines.push(`MERGE (n:AtlasNode:${cypherName(label(n.kind))} {id: ${cypherString(n.id)}}) SET ${props.join(", ")};`);
  }
  for (const e of graph.edges) {
    const props = [
      e.source ? `r.source = ${cypherString(e.source)}` : "",
      e.label ? `r.label = ${cypherString(e.label)}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `MATCH (a:AtlasNode {id: ${cypherString(e.from)}}), (b:AtlasNode {id: ${cypherString(e.to)}}) MERGE (a)-[r:${cypherName(relType(e.type))}]->(b)${props ? ` SET ${props}` : ""};`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** `runtime` → `Runtime`. */
function label(kind: string): string {
  return kind
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** `depends-on` → `DEPENDS_ON`. */
function relType(type: string): string {
  return type.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}
