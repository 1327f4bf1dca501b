/** @module design/design-platform — a system in, one platform out: shared parts, a runtime per workload class as RuntimeClasses, and what cannot be met. */
import type { CoordinateJson } from "../coordinate/coordinate.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { mermaidText } from "../export/to-mermaid.js";
import { DESIGN } from "../i18n/design-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { System } from "../model/system.js";
import { labelOf } from "../recommend/explain-stack.js";
import { fastSearch } from "../recommend/search-fast.js";
import { type BuiltDesignSpace, buildDesignSpace } from "./build-design-space.js";
import type { DesignCost, DesignSolution, Solver } from "./design-space.js";
import type { CurrentWorkload } from "./import-kubectl.js";
import type { DesignInput } from "./parse-system.js";
import { podOverhead } from "./pod-overhead.js";
import { runtimeClassHandler } from "./runtime-class-handler.js";
import { solveExact } from "./solve-exact.js";
import { solveHeuristic } from "./solve-heuristic.js";

/** Up to this many workload classes the design is exact; beyond, the heuristic (its gap is measured in the tests). */
export const EXACT_MAX_CLASSES = 8;

export interface DesignOptions {
  /** `auto` (default): exact up to {@link EXACT_MAX_CLASSES} classes, else the heuristic. */
  readonly solver?: "auto" | "exact" | "heuristic";
  readonly lang?: Lang;
}

export interface Ref {
  readonly id: string;
  readonly name: string;
}

export interface Finding {
  readonly requirement: string;
  readonly detail: string;
  readonly source?: string;
  readonly grade?: string;
}

export interface DesignedWorkload {
  readonly name: string;
  readonly namespace?: string;
  readonly replicas: number;
  /** Index of its class (workloads with the same requirements in force). */
  readonly class: number;
  readonly met: boolean;
  readonly runtime: Ref | null;
  /** The RuntimeClass to put in its pod spec's `runtimeClassName`. */
  readonly runtimeClass: string | null;
  readonly coordinate: CoordinateJson | null;
  /** Every `must` check of its stack on the platform, with evidence. */
  readonly checks: readonly (Finding & { readonly status: "met" | "missed" | "unknown" })[];
  /** Why not met: each requirement, why, and its source. */
  readonly unmet: readonly Finding[];
  readonly reason: string;
  /** From a kubectl export: what it runs today. */
  readonly current?: CurrentWorkload;
}

export interface DesignedRuntimeClass {
  readonly name: string;
  readonly handler: string;
  readonly handlerFrom: string;
  readonly runtime: Ref;
  readonly workloads: readonly string[];
  readonly pods: number;
  readonly overhead: {
    readonly basis: "podFixed" | "instance" | "none";
    readonly memoryMiB: number;
    readonly podFixed?: { readonly memory: string; readonly cpu?: string };
    readonly source?: string;
    readonly grade?: string;
    readonly conditions?: string;
    readonly estimated?: boolean;
  };
  readonly yaml: string;
}

export interface DesignResult {
  readonly system: { readonly name?: string; readonly format: "system" | "kubectl"; readonly workloads: number };
  readonly platform: {
    readonly label: string;
    readonly components: {
      readonly orchestrator: Ref | null;
      readonly policy: Ref | null;
      readonly observability: readonly Ref[];
      readonly runtimes: readonly Ref[];
      /** Parts workloads have for what they do (a model server, a batch scheduler, a mesh): their capabilities. */
      readonly addons: readonly Ref[];
      readonly supporting: readonly Ref[];
    };
    /** Distinct parts of the whole platform (every workload's completed stack). */
    readonly parts: number;
    /** Σ pods × per-pod overhead of their runtime (MiB). */
    readonly overheadMiB: number;
  };
  readonly workloads: readonly DesignedWorkload[];
  readonly runtimeClasses: readonly DesignedRuntimeClass[];
  /** Every RuntimeClass manifest, one YAML stream. */
  readonly manifest: string;
  readonly conflicts: readonly (Finding & { readonly workload: string; readonly text: string })[];
  readonly diagram: { readonly mermaid: string };
  readonly solver: {
    readonly kind: "exact" | "heuristic";
    readonly why: string;
    readonly classes: number;
    readonly sharedChoices: number;
    readonly sharedExplored: number;
    readonly sharedPruned: number;
    readonly nodes: number;
    readonly cost: DesignCost | null;
  };
}

/** The RuntimeClass name: the runtime's id where it is one short word (gvisor), else its handler (kata). */
function className(id: string, handler: string): string {
  return /^[a-z0-9]+$/.test(id) ? id : handler;
}

function manifestYaml(rc: Omit<DesignedRuntimeClass, "yaml">, lang: Lang): string {
  const lines = [
    DESIGN.manifestHead(lang, {
      runtime: rc.runtime.name,
      workloads: rc.workloads,
      pods: rc.pods,
      from: rc.handlerFrom,
    }),
    "apiVersion: node.k8s.io/v1",
    "kind: RuntimeClass",
    "metadata:",
    `  name: ${rc.name}`,
    "  labels:",
    "    app.kubernetes.io/managed-by: stackatlas",
    `handler: ${rc.handler}`,
  ];
  const o = rc.overhead;
  if (o.podFixed) {
    lines.push("overhead:", "  podFixed:", `    memory: ${o.podFixed.memory}`);
    if (o.podFixed.cpu) lines.push(`    cpu: ${o.podFixed.cpu}`);
    lines.push(
      DESIGN.manifestOverhead(lang, {
        ...(o.source === undefined ? {} : { source: o.source }),
        ...(o.grade === undefined ? {} : { grade: o.grade }),
        ...(o.conditions === undefined ? {} : { conditions: o.conditions }),
      }),
    );
  } else {
    lines.push(DESIGN.manifestNoOverhead(lang));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Designs one platform for a system: the shared orchestrator, policy and observability, and a runtime
 * per workload class, chosen to meet every workload's `must` (with evidence where possible) with the
 * fewest distinct parts and then the least per-pod overhead — exactly up to {@link EXACT_MAX_CLASSES}
 * classes, heuristically beyond. Runtimes become Kubernetes RuntimeClasses (handlers and pod overhead
 * from the knowledge base, with sources); every workload's checks, and every unmet requirement with
 * why and its source, are listed.
 * @example designPlatform(kb, parseDesignInput(kb, text)).runtimeClasses.map((c) => c.handler)
 */
export function designPlatform(kb: Kb, input: DesignInput | System, options: DesignOptions = {}): DesignResult {
  const lang = options.lang ?? "en";
  const di: DesignInput = "workloads" in input ? { system: input, format: "system", current: [] } : input;
  const built = buildDesignSpace(kb, di.system, lang);
  const n = built.classes.length;
  const mode = options.solver ?? "auto";
  const kind = mode === "auto" ? (n <= EXACT_MAX_CLASSES ? "exact" : "heuristic") : mode;
  const why =
    mode !== "auto"
      ? DESIGN.solverAsked(lang, { kind })
      : kind === "exact"
        ? DESIGN.solverExact(lang, { n, max: EXACT_MAX_CLASSES })
        : DESIGN.solverHeuristic(lang, { n, max: EXACT_MAX_CLASSES });
  const solve: Solver = kind === "exact" ? solveExact : solveHeuristic;
  const solution = solve(built.space);
  return present(kb, built, di, solution, { kind, why }, lang);
}

function present(
  kb: Kb,
  built: BuiltDesignSpace,
  di: DesignInput,
  sol: DesignSolution | undefined,
  solver: { kind: "exact" | "heuristic"; why: string },
  lang: Lang,
): DesignResult {
  const ref = (id: string): Ref => ({ id, name: kb.technologies.get(id)?.names[lang] ?? id });
  const current = new Map(di.current.map((c) => [c.name, c]));
  const shared = sol ? built.shared[sol.shared]! : undefined;
  const workloads: DesignedWorkload[] = [];
  const conflicts: DesignResult["conflicts"][number][] = [];
  const byRuntime = new Map<string, { workloads: string[]; pods: number }>();
  const allParts = new Set<string>(sol ? built.space.shared[sol.shared]!.ids : []);
  const addonIds = new Set<string>();
  let overheadMiB = 0;
  built.classes.forEach((cls, i) => {
    const k = sol?.choice[i] ?? null;
    const option = sol && k !== null ? built.space.options(sol.shared, i)[k] : undefined;
    const unmet = option ? [] : explainUnmet(kb, built, sol?.shared, i, lang);
    if (option) for (const p of option.parts) allParts.add(p);
    for (const w of cls.members) {
      const replicas = w.replicas ?? 1;
      const base = {
        name: w.name,
        ...(w.namespace !== undefined ? { namespace: w.namespace } : {}),
        replicas,
        class: i,
        ...(current.has(w.name) ? { current: current.get(w.name)! } : {}),
      };
      if (!option || !sol) {
        workloads.push({
          ...base,
          met: false,
          runtime: null,
          runtimeClass: null,
          coordinate: null,
          checks: [],
          unmet,
          reason: DESIGN.notMet(lang, { requirements: unmet.map((u) => u.requirement) }),
        });
        for (const u of unmet)
          conflicts.push({ ...u, workload: w.name, text: `${w.name}: ${u.requirement} — ${u.detail}` });
        continue;
      }
      const ev = built.evaluate(sol.shared, i, option.runtime);
      for (const a of ev.components.addons ?? []) addonIds.add(a);
      const handler = runtimeClassHandler(kb, option.runtime);
      const entry = byRuntime.get(option.runtime) ?? { workloads: [], pods: 0 };
      entry.workloads.push(w.name);
      entry.pods += replicas;
      byRuntime.set(option.runtime, entry);
      overheadMiB += replicas * option.overhead;
      const checks = ev.checks.map((c) => ({
        requirement: c.requirement,
        status: c.status,
        detail: c.detail,
        ...(c.source !== undefined ? { source: c.source } : {}),
        ...(c.grade !== undefined ? { grade: c.grade } : {}),
      }));
      const met = checks.filter((c) => c.status === "met").map((c) => c.requirement);
      const unknown = checks.filter((c) => c.status === "unknown").map((c) => c.requirement);
      workloads.push({
        ...base,
        met: true,
        runtime: ref(option.runtime),
        runtimeClass: built.runtimeClasses && handler ? className(option.runtime, handler.handler) : null,
        coordinate: coordinateJson(kb, ev.coordinate, lang),
        checks,
        unmet: [],
        reason: DESIGN.metBy(lang, { runtime: ref(option.runtime).name, met, unknown }),
      });
    }
  });
  const runtimeClasses: DesignedRuntimeClass[] = [];
  if (built.runtimeClasses) {
    for (const [id, e] of [...byRuntime.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const h = runtimeClassHandler(kb, id);
      if (!h) continue;
      const o = podOverhead(kb, id);
      const rc = {
        name: className(id, h.handler),
        handler: h.handler,
        handlerFrom: DESIGN.handlerFrom(lang, h.how),
        runtime: ref(id),
        workloads: e.workloads,
        pods: e.pods,
        overhead: o,
      };
      runtimeClasses.push({ ...rc, yaml: manifestYaml(rc, lang) });
    }
  }
  const runtimes = [...byRuntime.keys()].sort();
  const slotted = new Set([
    ...(shared?.orchestrator ? [shared.orchestrator] : []),
    ...(shared?.policy ? [shared.policy] : []),
    ...(shared?.observability ?? []),
    ...runtimes,
  ]);
  const addons = [...addonIds].filter((p) => !slotted.has(p)).sort();
  const supporting = [...allParts].filter((p) => !slotted.has(p) && !addonIds.has(p)).sort();
  const name = (id: string | null | undefined) => (id ? ref(id).name : undefined);
  const label = [
    name(shared?.orchestrator) ?? DESIGN.noOrchestrator(lang),
    ...(shared?.policy ? [name(shared.policy)!] : []),
    ...(shared?.observability ?? []).map((o) => name(o)!),
    runtimes.map((r) => name(r)!).join(" / ") || DESIGN.noRuntime(lang),
    ...addons.map((a) => name(a)!),
  ].join(" + ");
  const diagram = mermaid(label, runtimeClasses, workloads, name, lang);
  const stats = sol?.stats;
  return {
    system: {
      ...(di.system.name !== undefined ? { name: di.system.name } : {}),
      format: di.format,
      workloads: di.system.workloads.length,
    },
    platform: {
      label,
      components: {
        orchestrator: shared?.orchestrator ? ref(shared.orchestrator) : null,
        policy: shared?.policy ? ref(shared.policy) : null,
        observability: (shared?.observability ?? []).map(ref),
        runtimes: runtimes.map(ref),
        addons: addons.map(ref),
        supporting: supporting.map(ref),
      },
      parts: allParts.size,
      overheadMiB: +overheadMiB.toFixed(1),
    },
    workloads,
    runtimeClasses,
    manifest: runtimeClasses.map((r) => r.yaml).join("---\n"),
    conflicts,
    diagram: { mermaid: diagram },
    solver: {
      ...solver,
      classes: built.classes.length,
      sharedChoices: built.space.shared.length,
      sharedExplored: stats?.sharedExplored ?? 0,
      sharedPruned: stats?.sharedPruned ?? 0,
      nodes: stats?.nodes ?? 0,
      cost: sol ? { ...sol.cost, overhead: +sol.cost.overhead.toFixed(1), score: +sol.cost.score.toFixed(4) } : null,
    },
  };
}

function mermaid(
  label: string,
  classes: readonly DesignedRuntimeClass[],
  workloads: readonly DesignedWorkload[],
  name: (id: string) => string | undefined,
  lang: Lang,
): string {
  const lines = ["flowchart LR", `  subgraph platform["${mermaidText(label)}"]`];
  const rcId = (r: string) => `rc_${r.replace(/[^a-zA-Z0-9]/g, "_")}`;
  for (const rc of classes) {
    lines.push(`    ${rcId(rc.name)}["RuntimeClass ${rc.name} → ${rc.handler} (${mermaidText(rc.runtime.name)})"]`);
  }
  lines.push("  end");
  workloads.forEach((w, i) => {
    const node = `w${i}["${mermaidText(w.name)} ×${w.replicas}"]`;
    if (w.runtimeClass) lines.push(`  ${node} --> ${rcId(w.runtimeClass)}`);
    else if (w.runtime) lines.push(`  ${node} --> platform`);
    else lines.push(`  ${node} -. ${DESIGN.unmetEdge(lang)} .-> platform`);
  });
  void name;
  return `${lines.join("\n")}\n`;
}

/**
 * Why a class is not met on the chosen platform: a platform conflict; or the violations of the runtime
 * that comes closest (fewest violations); and whether it would be met on a platform of its own.
 */
function explainUnmet(kb: Kb, built: BuiltDesignSpace, s: number | undefined, i: number, lang: Lang): Finding[] {
  const cls = built.classes[i]!;
  if (cls.conflicts.length > 0) return cls.conflicts.map((c) => ({ ...c }));
  const out: Finding[] = [];
  if (s === undefined) {
    out.push({
      requirement: "platform",
      detail: DESIGN.noSharedChoice(lang),
      source: "platform",
    });
    return out;
  }
  let closest: { runtime: string; findings: Finding[] } | undefined;
  for (const r of cls.ctx.runtimes) {
    const ev = built.evaluate(s, i, r.id!);
    const findings: Finding[] = ev.violations.map((v) => ({
      requirement: v.requirement,
      detail: `${r.name}: ${v.detail}`,
      ...(v.source !== undefined ? { source: v.source } : {}),
      ...(v.grade !== undefined ? { grade: v.grade } : {}),
    }));
    if (built.runtimeClasses && !runtimeClassHandler(kb, r.id!)) {
      findings.push({
        requirement: "runtimeClass",
        detail: DESIGN.noHandler(lang, { name: r.name }),
        source: "runtimeclass",
      });
    }
    if (!closest || findings.length < closest.findings.length) closest = { runtime: r.id!, findings };
  }
  if (closest) out.push(...closest.findings);
  const alone = fastSearch(cls.ctx, 1).stacks[0];
  const sp = built.shared[s]!;
  const sharedName = [sp.orchestrator, sp.policy, ...sp.observability]
    .filter((x): x is string => x !== null)
    .map((id) => kb.technologies.get(id)?.names[lang] ?? id)
    .join(" + ");
  if (alone) {
    out.push({
      requirement: "platform",
      detail: DESIGN.metAlone(lang, { label: labelOf(cls.ctx, alone), shared: sharedName }),
    });
  }
  return out;
}
