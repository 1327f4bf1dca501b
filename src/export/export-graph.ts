/** @module export/export-graph — what every exporter writes: nodes and typed edges, built from the network, a stack or a migration. */
import { stackParts } from "../coordinate/assign-slots.js";
import { completeStack } from "../coordinate/complete-stack.js";
import type { MigrationPlan } from "../design/migrate.js";
import { EXPORT } from "../i18n/analysis-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import { buildGraph } from "../network/build-graph.js";
import { filterTechnologies, type TechnologyFilter } from "../network/filter-technologies.js";
import { stackInput } from "../observability/stack-input.js";

export interface ExportNode {
  readonly id: string;
  readonly label: string;
  /** The node's kind: a technology's role, or `stack`/`step` in a migration. */
  readonly kind: string;
  /** Flat properties (strings, numbers, lists of strings). */
  readonly properties: Readonly<Record<string, string | number | readonly string[]>>;
}

export interface ExportEdge {
  readonly from: string;
  readonly to: string;
  /** The relation type (`depends-on`) or `next` in a migration. */
  readonly type: string;
  readonly label?: string;
  readonly source?: string;
}

export interface ExportGraph {
  readonly title: string;
  readonly nodes: readonly ExportNode[];
  readonly edges: readonly ExportEdge[];
}

/**
 * The network, or the technologies a filter keeps (the same filters as `list`), with the relations among
 * them; nodes are labelled with their names in `lang`.
 * @example networkExportGraph(kb, { levels: ["L-4"] }).nodes.length
 */
export function networkExportGraph(kb: Kb, filter: TechnologyFilter = {}, lang: Lang = "en"): ExportGraph {
  const filtered = Object.keys(filter).length > 0;
  return fromIds(
    kb,
    filtered ? filterTechnologies(kb, filter, lang).map((t) => t.id) : undefined,
    EXPORT.networkTitle(lang),
    lang,
  );
}

/**
 * A stack's parts (completed with the supporting pieces its dependencies need) and the relations among them.
 * @example stackExportGraph(kb, "K3s + WasmEdge + Gatekeeper").nodes.map((n) => n.id)
 */
export function stackExportGraph(kb: Kb, stack: string, lang: Lang = "en"): ExportGraph {
  const s = stackInput(kb, stack, lang);
  return fromIds(kb, stackParts(completeStack(kb, s.components, {}, lang).components), s.label, lang);
}

/**
 * A migration as a chain: each stack, then each step in order, joined by `next` edges; titled in `lang`
 * (the plan's own words are in the language it was planned in).
 * @example migrationExportGraph(planMigration(kb, [a, b])).edges[0].type // "next"
 */
export function migrationExportGraph(plan: MigrationPlan, lang: Lang = "en"): ExportGraph {
  const nodes: ExportNode[] = [];
  const edges: ExportEdge[] = [];
  let prev: string | undefined;
  const link = (id: string, label?: string) => {
    if (prev !== undefined) edges.push({ from: prev, to: id, type: "next", ...(label === undefined ? {} : { label }) });
    prev = id;
  };
  plan.legs.forEach((leg, i) => {
    if (i === 0) {
      nodes.push({
        id: "stack-0",
        label: leg.from.label,
        kind: "stack",
        properties: { coordinate: leg.from.coordinate.text },
      });
      link("stack-0");
    }
    for (const s of leg.steps) {
      const id = `leg-${i + 1}-step-${s.n}`;
      nodes.push({
        id,
        label: `${s.n}. ${s.text}`,
        kind: "step",
        properties: { slot: s.slot, deltas: s.deltas.map((d) => d.text) },
      });
      link(id);
    }
    const id = `stack-${i + 1}`;
    nodes.push({ id, label: leg.to.label, kind: "stack", properties: { coordinate: leg.to.coordinate.text } });
    link(id);
  });
  return { title: EXPORT.migrationTitle(lang), nodes, edges };
}

function fromIds(kb: Kb, ids: readonly string[] | undefined, title: string, lang: Lang): ExportGraph {
  const g = buildGraph(kb, ids);
  const nodes: ExportNode[] = [];
  g.forEachNode((id, a) => {
    const properties: Record<string, string | number | readonly string[]> = { role: a.role, released: a.released };
    for (const [k, v] of Object.entries(a.position)) properties[k] = v;
    const label = kb.technologies.get(id)?.names[lang] ?? a.label;
    nodes.push({ id, label, kind: a.role, properties });
  });
  const edges: ExportEdge[] = [];
  g.forEachEdge((_e, a, s, t) => {
    edges.push({ from: s, to: t, type: a.type, source: a.source, ...(a.anyOf ? { label: "anyOf" } : {}) });
  });
  return { title, nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)), edges };
}

/**
 * How a diagram words the codes of an export graph: node kinds (roles, `stack`, `step`) and edge types
 * (relation kinds, `next`, and the `anyOf` mark). None: the codes as they are.
 */
export interface ExportLabels {
  readonly kind?: (kind: string) => string;
  readonly edge?: (type: string, label: string | undefined) => string;
}

/**
 * An edge's label in a diagram: `type (label)` by default, else as the labels word it.
 * @example edgeLabel({ type: "depends-on", label: "anyOf" }) // "depends-on (anyOf)"
 */
export function edgeLabel(e: Pick<ExportEdge, "type" | "label">, labels: ExportLabels = {}): string {
  if (labels.edge) return labels.edge(e.type, e.label);
  return e.label ? `${e.type} (${e.label})` : e.type;
}
