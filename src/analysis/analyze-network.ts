/** @module analysis/analyze-network — the seed's "network analysis": centrality, communities, gaps, correlations, consistency, matrices. */
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import { buildGraph } from "../network/build-graph.js";
import { type Communities, detectCommunities } from "../network/detect-communities.js";
import { filterTechnologies, type TechnologyFilter } from "../network/filter-technologies.js";
import { type CentralityRow, networkCentrality } from "../network/network-centrality.js";
import { type LocalisationMatrix, localisationMatrix } from "../observability/localisation-matrix.js";
import { consistencyFindings, type Finding } from "./consistency-findings.js";
import { type CoverageGaps, coverageGaps } from "./coverage-gaps.js";
import { type DimensionCorrelation, dimensionCorrelations } from "./dimension-correlations.js";

export interface NetworkAnalysis {
  readonly nodes: number;
  readonly edges: number;
  readonly centrality: readonly CentralityRow[];
  readonly communities: Communities;
  readonly gaps: CoverageGaps;
  readonly correlations: readonly DimensionCorrelation[];
  readonly findings: readonly Finding[];
  readonly matrices: {
    /** Technology × level of one dimension: the levels each technology holds. */
    readonly levels: {
      readonly dimension: string;
      readonly columns: readonly string[];
      readonly rows: readonly { readonly id: string; readonly levels: readonly string[] }[];
    };
    /** Pairs that are compatible or in conflict, with the relation's source. */
    readonly compatibility: readonly {
      readonly a: string;
      readonly b: string;
      readonly relation: string;
      readonly source: string;
    }[];
    readonly localisation?: LocalisationMatrix;
  };
}

export interface AnalyzeOptions extends TechnologyFilter {
  readonly top?: number;
  /** The dimension of the technology × level matrix (default: the diagnostics' layer dimension, else D). */
  readonly matrixDimension?: string;
  readonly lang?: Lang;
}

/**
 * Analyses the network (or the part the filter keeps): centrality, communities, coverage gaps,
 * correlations between dimensions over recorded stacks, consistency findings, and matrix views.
 * @example analyzeNetwork(kb, { top: 10 }).centrality[0].id
 */
export function analyzeNetwork(kb: Kb, options: AnalyzeOptions = {}): NetworkAnalysis {
  const filtered = Object.keys(options).some((k) => !["top", "matrixDimension", "lang"].includes(k));
  const lang = options.lang ?? "en";
  const ids = filtered ? filterTechnologies(kb, options, lang).map((t) => t.id) : undefined;
  const graph = buildGraph(kb, ids);
  const dimKey = options.matrixDimension ?? kb.diagnostics?.layerDimension ?? "D";
  const dim = kb.dimension(dimKey);
  const rows: { id: string; levels: readonly string[] }[] = [];
  graph.forEachNode((id, a) => {
    const levels = dim ? (a.position[dim.key] ?? []) : [];
    if (levels.length) rows.push({ id, levels });
  });
  const compatibility: NetworkAnalysis["matrices"]["compatibility"][number][] = [];
  graph.forEachEdge((_e, a, s, t) => {
    if (a.type === "compatible-with" || a.type === "conflicts-with")
      compatibility.push({ a: s, b: t, relation: a.type, source: a.source });
  });
  return {
    nodes: graph.order,
    edges: graph.size,
    centrality: networkCentrality(graph, options.top ?? 10),
    communities: detectCommunities(graph),
    gaps: coverageGaps(kb),
    correlations: dimensionCorrelations(kb),
    findings: consistencyFindings(kb, graph, lang),
    matrices: {
      levels: { dimension: dim?.key ?? dimKey, columns: dim?.levels.map((l) => l.code) ?? [], rows },
      compatibility,
      ...(kb.diagnostics ? { localisation: localisationMatrix(kb, lang) } : {}),
    },
  };
}
