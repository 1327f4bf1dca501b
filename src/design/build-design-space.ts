/** @module design/build-design-space — a system on a knowledge base as a design space: workload classes, shared choices, runtime options. */
import { stackParts } from "../coordinate/assign-slots.js";
import { dependencyApplies } from "../coordinate/complete-stack.js";
import { DESIGN } from "../i18n/design-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { Must, Requirements } from "../model/requirements.js";
import type { System, Workload } from "../model/system.js";
import { slotDimension } from "../recommend/_validate-requirements.js";
import { evaluateStack, type Slots, type StackEvaluation } from "../recommend/evaluate-stack.js";
import { allObservabilitySets, obsSetValue } from "../recommend/observability-sets.js";
import { buildQueryContext, type Candidate, type QueryContext } from "../recommend/query-context.js";
import { stackScore } from "../recommend/ranked-stack.js";
import { resolveRequirements } from "../recommend/resolve-requirements.js";
import type { DesignSpace, RuntimeOption, SharedChoice, WorkloadClass } from "./design-space.js";
import { podOverhead } from "./pod-overhead.js";
import { runtimeClassHandler } from "./runtime-class-handler.js";

/** A platform-level reason a workload cannot be met whatever is chosen (e.g. a GPU on a cluster without GPU nodes). */
export interface PlatformConflict {
  readonly requirement: string;
  readonly detail: string;
  readonly source: string;
}

/** Workloads with the same requirements in force (theirs merged with the platform's). */
export interface DesignClass extends WorkloadClass {
  readonly members: readonly Workload[];
  readonly requirements: Requirements;
  readonly ctx: QueryContext;
  /** Runtimes tried: admissible on their own and, on a Kubernetes platform, selectable by a RuntimeClass. */
  readonly runtimes: readonly Candidate[];
  /** Runtimes left out before the search, and why. */
  readonly leftOut: ReadonlyMap<string, readonly string[]>;
  readonly conflicts: readonly PlatformConflict[];
}

export interface SharedParts {
  readonly orchestrator: string | null;
  readonly policy: string | null;
  readonly observability: readonly string[];
}

export interface BuiltDesignSpace {
  readonly space: DesignSpace;
  readonly classes: readonly DesignClass[];
  readonly shared: readonly SharedParts[];
  /** Whether runtimes must be selectable per workload by a RuntimeClass. */
  readonly runtimeClasses: boolean;
  /** The evaluation of one class's stack on one shared choice (memoised). */
  evaluate(shared: number, cls: number, runtime: string): StackEvaluation;
}

const sortedUnion = (...lists: (readonly string[] | undefined)[]): string[] | undefined => {
  const all = [...new Set(lists.flatMap((l) => l ?? []))].sort();
  return all.length > 0 ? all : undefined;
};

/** JSON with sorted keys: equal requirements give equal keys. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object")
    return `{${Object.keys(x)
      .sort()
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(x);
}

function techIds(kb: Kb, names: readonly string[] | undefined): string[] {
  return (names ?? []).map((n) => {
    const m = kb.resolveName(n);
    return m?.kind === "technology" ? m.id : n;
  });
}

/** The ids a slot constraint allows (no `include`: any) and excludes. */
function allowed(
  kb: Kb,
  constraint: NonNullable<System["platform"]>["orchestrator"],
  stayOn?: string,
): { include?: Set<string>; exclude: Set<string> } {
  const include = new Set<string>();
  const exclude = new Set<string>();
  if (typeof constraint === "string") for (const id of techIds(kb, [constraint])) include.add(id);
  else if (constraint) {
    for (const id of techIds(kb, constraint.include)) include.add(id);
    for (const id of techIds(kb, constraint.exclude)) exclude.add(id);
  }
  if (stayOn !== undefined) for (const id of techIds(kb, [stayOn])) include.add(id);
  return { ...(include.size > 0 ? { include } : {}), exclude };
}

/** The requirements a workload is designed for: its own, with the platform's merged in. */
export function workloadRequirements(system: System, w: Workload): Requirements {
  const p = system.platform ?? {};
  const kubernetesApi = w.must?.kubernetesApi ?? (p.kubernetesApi === false ? undefined : true);
  const exclude = sortedUnion(w.must?.exclude, p.exclude);
  const observability = sortedUnion(w.must?.observability, p.observability);
  const must: Must = {
    ...w.must,
    ...(kubernetesApi !== undefined ? { kubernetesApi } : {}),
    ...(exclude ? { exclude } : {}),
    ...(observability ? { observability } : {}),
  };
  const year = w.year ?? system.year;
  return {
    ...(w.scenario !== undefined ? { scenario: w.scenario } : {}),
    ...(year !== undefined ? { year } : {}),
    must,
    ...(w.prefer ? { prefer: w.prefer } : {}),
  };
}

/**
 * Builds the design space of a system: workloads grouped into classes by the requirements in force
 * (one decision serves a class: the best runtime for one of them is the best for all); every shared
 * choice — orchestrator (or none) × policy (or none) × minimal observability cover of the signals any
 * workload needs — the platform constraints allow, each with a valid lower bound; and, lazily, per
 * shared choice and class, the runtimes whose completed stack breaks no `must`, each with its parts,
 * per-pod overhead and score.
 * @example buildDesignSpace(kb, system).space.shared.length
 */
export function buildDesignSpace(kb: Kb, system: System, lang: Lang = "en"): BuiltDesignSpace {
  const platform = system.platform ?? {};
  const runtimeClasses = platform.kubernetesApi !== false;
  const byKey = new Map<string, { req: Requirements; members: Workload[] }>();
  for (const w of system.workloads) {
    const req = workloadRequirements(system, w);
    const key = canonical(req);
    const hit = byKey.get(key);
    if (hit) hit.members.push(w);
    else byKey.set(key, { req, members: [w] });
  }
  const classes: DesignClass[] = [...byKey.entries()].map(([key, { req, members }]) => {
    const ctx = buildQueryContext(kb, resolveRequirements(kb, req, lang), { lang });
    const conflicts: PlatformConflict[] = [];
    if (platform.noGpuNodes && req.must?.gpu === true) {
      conflicts.push({
        requirement: "gpu",
        detail: DESIGN.noGpuNodes(lang),
        source: "platform.noGpuNodes",
      });
    }
    const leftOut = new Map<string, string[]>();
    const runtimes = ctx.runtimes.filter((r) => {
      const why = [...r.blockedBy];
      if (runtimeClasses && !runtimeClassHandler(kb, r.id!)) why.push("runtimeClass");
      if (why.length > 0) leftOut.set(r.id!, why);
      return why.length === 0;
    });
    return {
      key,
      members,
      workloads: members.length,
      pods: members.reduce((s, m) => s + (m.replicas ?? 1), 0),
      requirements: req,
      ctx,
      runtimes: conflicts.length > 0 ? [] : runtimes,
      leftOut,
      conflicts,
    };
  });

  // The shared slots' candidates are the same in every class's context; their blocks differ.
  const first = classes[0]!.ctx;
  const orch = allowed(kb, platform.orchestrator, platform.mustStayOn);
  const pol = allowed(kb, platform.policy);
  const orchestrators = first.orchestrators
    .map((c) => c.id)
    .filter((id) => (orch.include ? id !== null && orch.include.has(id) : true) && !(id && orch.exclude.has(id)));
  const policies = first.policies
    .map((c) => c.id)
    .filter((id) => (pol.include ? id !== null && pol.include.has(id) : true) && !(id && pol.exclude.has(id)));
  // The signals each class needs once its scenario's requirements are merged in, not only those it states.
  const signals = sortedUnion(...classes.map((c) => c.ctx.req.must.observability)) ?? [];
  const year = Math.max(...classes.map((c) => c.ctx.req.year));
  const platformCtx = buildQueryContext(
    kb,
    resolveRequirements(
      kb,
      {
        year,
        must: { observability: signals, ...(platform.exclude ? { exclude: platform.exclude } : {}) },
      },
      lang,
    ),
    { lang },
  );
  const covers = allObservabilitySets(platformCtx)
    .filter((s) => s.tools.every((t) => t.blockedBy.length === 0))
    .map((s) => s.tools.map((t) => t.id).sort());

  const shared: SharedParts[] = [];
  for (const o of orchestrators)
    for (const p of policies) for (const obs of covers) shared.push({ orchestrator: o, policy: p, observability: obs });

  const xKey = slotDimension(kb, "orchestrator")?.key;
  const byId = <T extends { id: string | null }>(list: readonly T[]) => new Map(list.map((c) => [c.id, c]));
  const classMaps = classes.map((c) => ({
    o: byId(c.ctx.orchestrators),
    p: byId(c.ctx.policies),
    obs: new Map(c.ctx.observability.map((t) => [t.id, t])),
  }));

  const sharedChoices: SharedChoice[] = shared.map((sp) => {
    const ids = [sp.orchestrator, sp.policy, ...sp.observability].filter((x): x is string => x !== null);
    const closure = forcedClosure(kb, ids, sp.orchestrator, xKey);
    let unmet = 0;
    let unverified = 0;
    let needsRuntime = false;
    classes.forEach((c, i) => {
      const m = classMaps[i]!;
      const o = m.o.get(sp.orchestrator);
      const p = m.p.get(sp.policy);
      const blocked =
        c.runtimes.length === 0 ||
        !o ||
        !p ||
        o.blockedBy.length > 0 ||
        p.blockedBy.length > 0 ||
        sp.observability.some((t) => (m.obs.get(t)?.blockedBy.length ?? 1) > 0);
      if (blocked) {
        unmet += c.workloads;
        return;
      }
      unverified += (o.unknowns + p.unknowns + Math.min(...c.runtimes.map((r) => r.unknowns))) * c.workloads;
      if (c.runtimes.every((r) => !closure.has(r.id!))) needsRuntime = true;
    });
    return {
      key: `${sp.orchestrator ?? "-"}|${sp.policy ?? "-"}|${sp.observability.join("+")}`,
      ids: [...new Set(ids)],
      bound: { unmet, unverified, parts: closure.size + (needsRuntime ? 1 : 0) },
    };
  });

  const evals = new Map<string, StackEvaluation>();
  const evaluate = (s: number, c: number, runtime: string): StackEvaluation => {
    const key = `${s}|${c}|${runtime}`;
    const hit = evals.get(key);
    if (hit) return hit;
    const sp = shared[s]!;
    const slots: Slots = {
      runtime,
      orchestrator: sp.orchestrator,
      policy: sp.policy,
      observability: sp.observability,
    };
    const ev = evaluateStack(classes[c]!.ctx, slots);
    evals.set(key, ev);
    return ev;
  };
  const memo = new Map<string, readonly RuntimeOption[]>();
  const options = (s: number, c: number): readonly RuntimeOption[] => {
    const key = `${s}|${c}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const cls = classes[c]!;
    const sp = shared[s]!;
    const m = classMaps[c]!;
    const o = m.o.get(sp.orchestrator);
    const p = m.p.get(sp.policy);
    const tools = sp.observability.map((t) => m.obs.get(t)).filter((t) => t !== undefined);
    const out: RuntimeOption[] = [];
    const sharedOk =
      o && p && o.blockedBy.length === 0 && p.blockedBy.length === 0 && tools.every((t) => t.blockedBy.length === 0);
    if (sharedOk && tools.length === sp.observability.length) {
      const obs = { tools, value: obsSetValue(cls.ctx, tools) };
      for (const r of cls.runtimes) {
        const ev = evaluate(s, c, r.id!);
        if (ev.violations.length > 0) continue;
        out.push({
          runtime: r.id!,
          parts: [...new Set(stackParts(ev.components))].sort(),
          overhead: podOverhead(kb, r.id!).memoryMiB,
          // Unknown checks are counted apart (`unverified`, compared first): the score is the parts' value.
          score: stackScore(r, o, p, obs, 0, ev.softMisses.length, ev.softUnknowns.length),
          unverified: ev.unknowns.length,
        });
      }
    }
    memo.set(key, out);
    return out;
  };
  return {
    space: { classes, shared: sharedChoices, options },
    classes,
    shared,
    runtimeClasses,
    evaluate,
  };
}

/**
 * The parts any complete stack with these parts contains: the parts, and recursively every
 * single-target dependency on a concrete technology (an interface or a choice may be met several ways).
 */
function forcedClosure(
  kb: Kb,
  ids: readonly string[],
  orchestrator: string | null,
  xKey: string | undefined,
): Set<string> {
  const orchestrated =
    orchestrator !== null &&
    xKey !== undefined &&
    (kb.technologies.get(orchestrator)?.positionValues[xKey]?.[0] ?? 0) > 0;
  const out = new Set(ids);
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const r of kb.relations.out(id, "depends-on")) {
      if (!dependencyApplies(r, { orchestrated })) continue;
      if (r.targets.length !== 1) continue;
      const t = kb.technologies.get(r.targets[0]!);
      if (!t || t.role === "interface" || out.has(t.id)) continue;
      out.add(t.id);
      queue.push(t.id);
    }
  }
  return out;
}
