/** @module export/to-mermaid — an export graph as a Mermaid flowchart. */
import { type ExportGraph, type ExportLabels, edgeLabel } from "./export-graph.js";

/**
 * What a Mermaid renderer accepts unless it is configured otherwise (`mermaid.initialize({ maxEdges,
 * maxTextSize })`; a diagram's own `%%{init}%%` cannot raise them). Beyond `maxEdges` it throws; beyond
 * `maxTextSize` it draws an error diagram instead. The browser test checks these against mermaid's own defaults.
 */
export const MERMAID_DEFAULT_LIMITS = { maxEdges: 500, maxTextSize: 50_000 } as const;

/** A Mermaid id: letters, digits and underscores after a prefix, so no id is a keyword (`end`, `graph`, `style`…). */
export function mermaidId(id: string, prefix = "n_"): string {
  return `${prefix}${id.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/**
 * Characters Mermaid would read as something other than text inside a quoted label, as its `#…;` entities:
 * `"` ends the string; `#name;` is itself an entity; `&` an HTML entity, `<` `>` HTML (labels are HTML);
 * `%%{…}%%` a directive, removed wherever it stands; a backtick opens a Markdown string.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  "#": "#35;",
  '"': "#quot;",
  "&": "#38;",
  "<": "#lt;",
  ">": "#gt;",
  "%": "#37;",
  "`": "#96;",
};

/**
 * Text inside `["…"]` or `|"…"|`, shown as written: the characters above become entities, and every line break
 * (CR, LF, U+2028, U+2029) a space — a lone CR cut the label short. Brackets, `|`, `;` and `+` are safe inside quotes.
 */
export function mermaidText(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(/[#"&<>%`]/g, (c) => ENTITIES[c]!);
}

/**
 * `flowchart LR` with one node per technology (or step) and one arrow per relation, labelled by type;
 * nodes are grouped in subgraphs by kind. Ids are unique (two ids that sanitise alike, or a node and a kind,
 * never merge) and never a Mermaid keyword; an empty label (which Mermaid rejects) shows the id, an empty
 * relation type no label. A diagram over {@link MERMAID_DEFAULT_LIMITS} says so in a `%%` comment. `labels`
 * words the kinds and edge types (i18n/export-labels.ts: in Chinese); without it they show as their codes.
 * @example toMermaid(graph).startsWith("flowchart LR") // true
 */
export function toMermaid(graph: ExportGraph, direction: "LR" | "TD" = "LR", labels: ExportLabels = {}): string {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    return id;
  };
  const nodeIds = new Map<string, string>();
  for (const n of graph.nodes) if (!nodeIds.has(n.id)) nodeIds.set(n.id, unique(mermaidId(n.id)));
  const ref = (id: string): string => {
    const known = nodeIds.get(id);
    if (known !== undefined) return known;
    const m = unique(mermaidId(id));
    nodeIds.set(id, m);
    return m;
  };
  const byKind = new Map<string, typeof graph.nodes>();
  for (const n of graph.nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);

  const body: string[] = [];
  for (const [kind, nodes] of byKind) {
    body.push(`  subgraph ${unique(mermaidId(kind, "k_"))}["${mermaidText(labels.kind?.(kind) ?? kind) || " "}"]`);
    for (const n of nodes)
      body.push(`    ${ref(n.id)}["${mermaidText(n.label.trim() === "" ? n.id : n.label) || " "}"]`);
    body.push("  end");
  }
  for (const e of graph.edges) {
    const label = mermaidText(edgeLabel(e, labels));
    const arrow = e.type === "conflicts-with" ? "-.-x" : "-->";
    body.push(`  ${ref(e.from)} ${arrow}${label.trim() === "" ? "" : `|"${label}"|`} ${ref(e.to)}`);
  }
  const head = `flowchart ${direction}`;
  const text = `${[head, ...body].join("\n")}\n`;
  const { maxEdges, maxTextSize } = MERMAID_DEFAULT_LIMITS;
  const over = [
    ...(graph.edges.length > maxEdges ? [`${graph.edges.length} edges (maxEdges ${maxEdges})`] : []),
    ...(text.length > maxTextSize ? [`${text.length} characters (maxTextSize ${maxTextSize})`] : []),
  ];
  if (over.length === 0) return text;
  const note =
    `%% ${over.join(" and ")}: more than Mermaid renders by default. Render with raised limits,` +
    " mermaid.initialize({ maxEdges, maxTextSize }), or export a subset (--level, --role, --stack …)";
  return `${[head, note, ...body].join("\n")}\n`;
}
