/** @module observability/signal-reach — how far a signal collector sees into the workloads of a runtime. */
import type { Lang } from "../i18n/lang.js";
import { localText } from "../i18n/lang.js";
import { OBSERVE } from "../i18n/observe-phrases.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";

/** How much of a signal a collector gets from workloads inside a runtime. */
export type Reach = "full" | "partial" | "none";

export interface ReachVerdict {
  readonly reach: Reach;
  /** Why: the runtime's trait statement, or the layer's support, with the source. */
  readonly basis: "trait" | "layer" | "host";
  readonly runtime?: string;
  /** The layer (a level code of the diagnostics' layer dimension) the runtime is on. */
  readonly layer?: string;
  /** The trait the reach rule reads (`ebpf-visibility`) and its value, when the runtime states it. */
  readonly trait?: string;
  readonly value?: string;
  readonly note: string;
  readonly source?: string;
  readonly grade?: string;
}

const RANK: Readonly<Record<string, Reach>> = {
  full: "full",
  partial: "partial",
  adaptation: "partial",
  none: "none",
};

/** The layer a runtime is on, by the diagnostics' layer dimension (its first, primary level). */
export function runtimeLayer(kb: Kb, runtime: CompiledTechnology | undefined): string | undefined {
  const key = kb.diagnostics?.layerDimension;
  if (runtime === undefined || key === undefined) return undefined;
  const dim = kb.dimension(key);
  return dim === undefined ? undefined : runtime.position[dim.key]?.[0];
}

/**
 * How much of `signal` the collector `tool` gets from workloads inside `runtime`: a collector that
 * depends on a reach rule's `via` (eBPF) sees as far as the runtime's trait says (else the layer's
 * stated support); any other collector as far as the layer's support for the signal says.
 * @example signalReach(kb, "beyla", "O2", "gvisor", "en").reach // "partial"
 */
export function signalReach(
  kb: Kb,
  tool: string,
  signal: string,
  runtime: string | undefined,
  lang: Lang,
): ReachVerdict {
  const diag = kb.diagnostics;
  const rt = runtime === undefined ? undefined : kb.technologies.get(runtime);
  if (diag === undefined || rt === undefined)
    return {
      reach: "full",
      basis: "host",
      note: OBSERVE.noBoundary(lang),
    };
  const layer = runtimeLayer(kb, rt);
  const deps = new Set(kb.relations.out(tool, "depends-on").flatMap((r) => r.targets));
  const rule = diag.reach.find((r) => r.signal === signal && deps.has(r.via));
  if (rule !== undefined) {
    const statement = rt.traits.get(rule.trait);
    if (statement !== undefined) {
      const value = String(statement.value);
      return {
        reach: RANK[value] ?? "partial",
        basis: "trait",
        runtime: rt.id,
        ...(layer === undefined ? {} : { layer }),
        trait: rule.trait,
        value,
        note: localText(statement.note, lang) || `${rule.trait}: ${value}`,
        source: statement.source,
        grade: statement.grade,
      };
    }
  }
  const support = layer === undefined ? undefined : diag.support.find((s) => s.level === layer && s.signal === signal);
  if (support !== undefined) {
    return {
      reach: RANK[support.support] ?? "partial",
      basis: "layer",
      runtime: rt.id,
      ...(layer === undefined ? {} : { layer }),
      note: `${layer}: ${localText(support.note, lang) || support.support}`,
      source: support.source,
      grade: support.grade,
    };
  }
  return {
    reach: "full",
    basis: "host",
    runtime: rt.id,
    ...(layer === undefined ? {} : { layer }),
    note: OBSERVE.noLimitRecorded(lang),
  };
}
