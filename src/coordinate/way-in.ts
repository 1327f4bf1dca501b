/** @module coordinate/way-in — whether the knowledge base records a way to run a runtime under an orchestrator. */
import type { Kb } from "../kb/kb.js";

/**
 * Roles a way from an orchestrator to its workloads passes through: orchestrators, node engines,
 * interfaces, and platforms it drives (Nomad's Docker driver).
 */
const WAY_ROLES: ReadonlySet<string> = new Set(["orchestrator", "engine", "interface", "platform"]);
/** Relations of a runtime that record how it is started by something (an engine, an interface, an orchestrator). */
const WAY_RELATIONS: ReadonlySet<string> = new Set(["implements", "compatible-with", "runs-on"]);

/** Per knowledge base and orchestrator: what it reaches, and the verdicts asked so far per runtime. */
interface OrchestratorWays {
  readonly reach: ReadonlySet<string>;
  readonly verdicts: Map<string, boolean>;
}
const memo = new WeakMap<Kb, Map<string, OrchestratorWays>>();

function waysOf(kb: Kb, orchestrator: string): OrchestratorWays {
  let m = memo.get(kb);
  if (!m) {
    m = new Map();
    memo.set(kb, m);
  }
  let w = m.get(orchestrator);
  if (!w) {
    w = { reach: orchestratorReach(kb, orchestrator), verdicts: new Map() };
    m.set(orchestrator, w);
  }
  return w;
}

/**
 * What an orchestrator runs its workloads through: itself, and the orchestrators, engines, platforms and
 * interfaces its `depends-on` and `compatible-with` relations lead to, transitively
 * (Kubernetes → CRI → containerd, CRI-O → OCI runtime spec), with the orchestrators and engines that
 * implement an interface reached (Karmada → Kubernetes API → Kubernetes, K3s …). GPU-only
 * dependencies are not ways in.
 */
function orchestratorReach(kb: Kb, orchestrator: string): ReadonlySet<string> {
  const reach = new Set([orchestrator]);
  const queue = [orchestrator];
  const visit = (id: string) => {
    const t = kb.technologies.get(id);
    if (!t || !WAY_ROLES.has(t.role) || reach.has(id)) return;
    reach.add(id);
    queue.push(id);
  };
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const r of kb.relations.out(id)) {
      if (r.when === "gpu" || !(r.type === "depends-on" || r.type === "compatible-with" || r.type === "part-of"))
        continue;
      for (const t of r.targets) visit(t);
    }
    if (kb.technologies.get(id)?.role === "interface") for (const x of kb.implementersOf(id)) visit(x.id);
  }
  return reach;
}

/**
 * Whether the knowledge base records a way to run `runtime` under `orchestrator` (the rule of
 * `docs/evidence.md`, "A way into the orchestrator"): the runtime is itself something the orchestrator
 * runs workloads through (an engine it reaches); or it is a runtime built on a runtime that has a way
 * in (Confidential Containers on Kata); or it implements, is compatible with or runs on
 * something the orchestrator reaches (gVisor implements the OCI runtime spec containerd uses; Sysbox
 * is compatible with Kubernetes); or it depends on an interface the orchestrator implements (KubeVirt on
 * the Kubernetes API); or it states how it runs orchestrated (a `depends-on` with `when: orchestrated`,
 * as WasmEdge's runwasi shim) through something that has a way in itself; or the orchestrator or something it reaches states compatibility with
 * it (Nomad's QEMU driver) or is built on it (AWS Lambda on Firecracker). A hosted platform or a bare hypervisor with none of these (Cloudflare
 * Workers, KVM) is not offered under an orchestrator. Memoised per knowledge base: the searches ask it
 * for every runtime–orchestrator pair they enter.
 * @example hasWayIn(kb, "gvisor", "kubernetes") // true
 */
export function hasWayIn(kb: Kb, runtime: string, orchestrator: string): boolean {
  const w = waysOf(kb, orchestrator);
  let v = w.verdicts.get(runtime);
  if (v === undefined) {
    v = wayIn(kb, runtime, w.reach, orchestrator, new Set());
    w.verdicts.set(runtime, v);
  }
  return v;
}

function wayIn(kb: Kb, runtime: string, reach: ReadonlySet<string>, orchestrator: string, seen: Set<string>): boolean {
  if (reach.has(runtime)) return true;
  seen.add(runtime);
  const self = kb.technologies.get(runtime);
  for (const r of kb.relations.out(runtime)) {
    // A runtime built on another runtime (Confidential Containers on Kata) goes in along that one's way;
    // a hosted platform built on a runtime (Cloud Run on gVisor) does not.
    if (r.type === "depends-on" && r.when === undefined && self?.role === "runtime") {
      const via = r.targets.some(
        (t) => !seen.has(t) && kb.technologies.get(t)?.role === "runtime" && wayIn(kb, t, reach, orchestrator, seen),
      );
      if (via) return true;
    }
    if (WAY_RELATIONS.has(r.type) && r.targets.some((t) => reach.has(t))) return true;
    // It states how it runs orchestrated (WasmEdge through its containerd shim or crun, Kata through
    // containerd or CRI-O): a way in where that dependency is one, not under every orchestrator.
    if (
      r.type === "depends-on" &&
      r.when === "orchestrated" &&
      r.targets.some(
        (t) => reach.has(t) || runsThrough(kb, t, reach) || (!seen.has(t) && wayIn(kb, t, reach, orchestrator, seen)),
      )
    ) {
      return true;
    }
    // Built on an interface an orchestrator reached implements (KubeVirt on the Kubernetes API): a
    // dependency on an engine alone (Podman, nerdctl on containerd) is a client of it, not a way in.
    if (r.type === "depends-on" && r.when === undefined && r.targets.some((t) => orchestratorApi(kb, t, reach))) {
      return true;
    }
  }
  // The orchestrator, or something it runs workloads through, names the runtime: it states
  // compatibility with it (Nomad's QEMU driver) or is built on it (Lambda runs each function in a
  // Firecracker microVM, Cloud Run's first generation in gVisor).
  return kb.relations
    .in(runtime)
    .some((r) => (r.type === "compatible-with" || (r.type === "depends-on" && r.when !== "gpu")) && reach.has(r.from));
}

/** Whether `id` (a shim) is itself built on something in `reach` (containerd-shim-spin on containerd). */
function runsThrough(kb: Kb, id: string, reach: ReadonlySet<string>): boolean {
  return kb.relations
    .out(id)
    .some((r) => r.type === "depends-on" && r.when !== "gpu" && r.targets.some((t) => reach.has(t)));
}

/** Whether `id` is an interface an orchestrator in `reach` implements (the Kubernetes API): a part built on it runs under that orchestrator. */
function orchestratorApi(kb: Kb, id: string, reach: ReadonlySet<string>): boolean {
  return (
    kb.technologies.get(id)?.role === "interface" &&
    kb.implementersOf(id).some((x) => x.role === "orchestrator" && reach.has(x.id))
  );
}

/**
 * The source a missing way in cites: the orchestrator's own record of how it runs workloads (Kubernetes → CRI).
 * @example wayInSource(kb, "kubernetes") // the CRI dependency's source
 */
export function wayInSource(kb: Kb, orchestrator: string): string {
  const { reach } = waysOf(kb, orchestrator);
  const r = kb.relations
    .out(orchestrator, "depends-on")
    .find((x) => x.when === undefined && x.targets.some((t) => reach.has(t) && t !== orchestrator));
  return r?.source ?? "";
}
