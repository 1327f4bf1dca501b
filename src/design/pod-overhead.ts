/** @module design/pod-overhead — what one pod costs on a runtime: the RuntimeClass podFixed overhead the sources state, else the per-instance memory. */
import { localText } from "../i18n/lang.js";
import type { CompiledFact, Kb } from "../kb/kb.js";
import { techProfile } from "../recommend/tech-profile.js";

export interface PodOverhead {
  /** MiB per pod the design counts (the podFixed memory, else the per-instance memory figure). */
  readonly memoryMiB: number;
  /** `podFixed`: a stated RuntimeClass overhead, written into the manifest; `instance`: the runtime's per-instance memory figure. */
  readonly basis: "podFixed" | "instance" | "none";
  /** For `podFixed`: the manifest's quantities, e.g. `{ memory: "160Mi", cpu: "250m" }`. */
  readonly podFixed?: { readonly memory: string; readonly cpu?: string };
  readonly source?: string;
  readonly grade?: string;
  readonly conditions?: string;
  readonly estimated?: boolean;
}

const cache = new WeakMap<Kb, Map<string, PodOverhead>>();

const isPodFixed = (f: CompiledFact) => f.scope === "pod" && /podFixed/i.test(localText(f.conditions, "en"));

/**
 * The per-pod overhead of a runtime. Where the sources state a RuntimeClass `overhead.podFixed`, the
 * largest stated memory is taken (an overhead is a reservation: reserving too little gets pods
 * evicted), with the CPU of the same source; otherwise the runtime's per-instance memory figure, the
 * one `evaluateMust` judges by (estimated from its isolation level where it has none).
 * @example podOverhead(kb, "kata-containers").podFixed // { memory: "160Mi", cpu: "250m" }
 */
export function podOverhead(kb: Kb, id: string): PodOverhead {
  let m = cache.get(kb);
  if (!m) {
    m = new Map();
    cache.set(kb, m);
  }
  const hit = m.get(id);
  if (hit) return hit;
  const out = compute(kb, id);
  m.set(id, out);
  return out;
}

function compute(kb: Kb, id: string): PodOverhead {
  const t = kb.technologies.get(id);
  if (!t) return { memoryMiB: 0, basis: "none" };
  const memory = t.facts
    .filter((f) => f.metric === "memory" && isPodFixed(f))
    .sort((a, b) => b.normalized.representative - a.normalized.representative || a.source.localeCompare(b.source))[0];
  if (memory) {
    const cpu = t.facts
      .filter((f) => f.metric === "cpu-usage" && isPodFixed(f))
      .sort(
        (a, b) =>
          Number(b.source === memory.source) - Number(a.source === memory.source) ||
          b.normalized.representative - a.normalized.representative,
      )[0];
    const mi = Math.round(memory.normalized.representative);
    const milli = cpu ? Math.round(cpu.normalized.representative * 1000) : undefined;
    return {
      memoryMiB: memory.normalized.representative,
      basis: "podFixed",
      podFixed: { memory: `${mi}Mi`, ...(milli !== undefined ? { cpu: `${milli}m` } : {}) },
      source: memory.source,
      grade: memory.grade,
      conditions: localText(memory.conditions, "en"),
    };
  }
  const fig = techProfile(kb, id).memory;
  if (!fig) return { memoryMiB: 0, basis: "none" };
  return {
    memoryMiB: fig.value,
    basis: "instance",
    source: fig.fact.source,
    grade: fig.fact.grade,
    conditions: localText(fig.fact.conditions, "en"),
    ...(fig.estimated ? { estimated: true } : {}),
  };
}
