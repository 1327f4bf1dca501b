/** @module server/compute-ops — the API's CPU-bound operations as plain functions of the knowledge base and plain data, so a worker thread can run them. */

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type AnalyzeOptions, analyzeNetwork } from "../analysis/analyze-network.js";
import { designPlatform } from "../design/design-platform.js";
import { planMigration } from "../design/migrate.js";
import { parseDesignInput } from "../design/parse-system.js";
import { type ForecastScenarioOptions, forecastScenario } from "../evolution/forecast-scenario.js";
import { migrationExportGraph, networkExportGraph, stackExportGraph } from "../export/export-graph.js";
import { toCsv } from "../export/to-csv.js";
import { toCypher } from "../export/to-cypher.js";
import { toDot } from "../export/to-dot.js";
import { toMermaid } from "../export/to-mermaid.js";
import { exportLabels } from "../i18n/export-labels.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { Requirements } from "../model/requirements.js";
import type { TechnologyFilter } from "../network/filter-technologies.js";
import { type RecommendOptions, recommend } from "../recommend/recommend.js";

/** What `export` is asked for: the graph of a migration, a stack or the (filtered) network, in a format. */
export interface ExportArgs {
  readonly lang: Lang;
  readonly as: "json" | "csv" | "mermaid" | "dot" | "cypher";
  readonly table?: "edges" | "nodes";
  readonly migration?: readonly string[];
  readonly stack?: string;
  readonly filter: TechnologyFilter;
}

function exportGraph(kb: Kb, a: ExportArgs) {
  const graph = a.migration
    ? migrationExportGraph(planMigration(kb, [...a.migration], a.lang), a.lang)
    : a.stack !== undefined
      ? stackExportGraph(kb, a.stack, a.lang)
      : networkExportGraph(kb, a.filter, a.lang);
  if (a.as === "json") return { graph };
  const text =
    a.as === "csv"
      ? toCsv(graph, a.table)
      : a.as === "mermaid"
        ? toMermaid(graph, "LR", exportLabels(a.lang))
        : a.as === "dot"
          ? toDot(graph, exportLabels(a.lang))
          : toCypher(graph);
  return { text };
}

/**
 * Every operation the compute pool runs, by name: the same library calls the routes made inline. Each
 * takes the knowledge base and structured-cloneable arguments and returns a structured-cloneable result.
 * @example COMPUTE_OPS.migrate(kb, { stacks: ["K8s + runc", "K8s + gVisor"], lang: "en" })
 */
export const COMPUTE_OPS = {
  recommend: (kb: Kb, a: { readonly requirements: Requirements; readonly options: RecommendOptions }) =>
    recommend(kb, a.requirements, a.options),
  design: (
    kb: Kb,
    a: { readonly system: string; readonly lang: Lang; readonly solver?: "auto" | "exact" | "heuristic" },
  ) =>
    designPlatform(kb, parseDesignInput(kb, a.system, "system", a.lang), {
      lang: a.lang,
      ...(a.solver ? { solver: a.solver } : {}),
    }),
  migrate: (kb: Kb, a: { readonly stacks: readonly string[]; readonly lang: Lang }) =>
    planMigration(kb, [...a.stacks], a.lang),
  analyze: (kb: Kb, a: AnalyzeOptions) => analyzeNetwork(kb, a),
  export: exportGraph,
  forecast: (kb: Kb, a: { readonly scenario: string; readonly options: ForecastScenarioOptions }) =>
    forecastScenario(kb, a.scenario, a.options),
  /** Loads nothing, computes what a first request would: the learned weights, the search's indexes. */
  warm: (kb: Kb, _a: Record<string, never>) => {
    recommend(kb, {}, { learnedWeights: "wait" });
    return { technologies: kb.technologies.size };
  },
  /**
   * The thread's heap after two full collections, in bytes: what it retains (tests of memory across
   * reloads). Not reachable from any route.
   */
  heap: (_kb: Kb, _a: Record<string, never>) => {
    collectGarbage();
    return { heapUsed: process.memoryUsage().heapUsed };
  },
} as const;

/** A full collection of this thread's heap, whether or not the process was started with `--expose-gc`. */
export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
  gc();
}

export type ComputeOps = typeof COMPUTE_OPS;
export type ComputeOp = keyof ComputeOps;
export type ComputeArgs<K extends ComputeOp> = Parameters<ComputeOps[K]>[1];
export type ComputeResult<K extends ComputeOp> = ReturnType<ComputeOps[K]>;
