/** @module design/import-kubectl — a `kubectl get pods,deployments,runtimeclasses -A -o json` export read as a system: each workload, what it runs today, and what it must keep. */
import type { CoordinateJson } from "../coordinate/coordinate.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import { SYSTEM } from "../i18n/design-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { Must } from "../model/requirements.js";
import type { System, Workload } from "../model/system.js";
import { technologyForHandler } from "./runtime-class-handler.js";
import { type Locate, SystemError, type SystemProblem } from "./system-error.js";

/** What a workload of the export runs today. */
export interface CurrentWorkload {
  readonly name: string;
  readonly namespace: string;
  readonly kind: string;
  readonly replicas: number;
  readonly runtimeClassName: string | null;
  readonly handler: string;
  /** The runtime the handler selects (a technology id), if the knowledge base knows it. */
  readonly runtime: string | null;
  readonly gpus: number;
  readonly requests: { readonly cpu?: string; readonly memory?: string };
  /** Its coordinate today (the runtime under a Kubernetes API), when the runtime is known. */
  readonly coordinate: CoordinateJson | null;
  /** What it must keep, derived from what it runs, in words. */
  readonly keeps: readonly string[];
  readonly notes: readonly string[];
}

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);
const GPU_RESOURCE = "nvidia.com/gpu";

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/** Whether parsed input looks like a Kubernetes object or list rather than a system file. */
export function isKubectlExport(raw: unknown): boolean {
  return isObj(raw) && (typeof raw.apiVersion === "string" || typeof raw.kind === "string");
}

function podSpecOf(item: Obj): Obj | undefined {
  const spec = isObj(item.spec) ? item.spec : undefined;
  if (!spec) return undefined;
  if (item.kind === "Pod") return spec;
  if (item.kind === "CronJob") {
    const job = isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
    return job && isObj(job.template) && isObj(job.template.spec) ? job.template.spec : undefined;
  }
  return isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : undefined;
}

function quantity(x: unknown): number {
  const n = typeof x === "number" ? x : typeof x === "string" ? Number(x) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

/**
 * Reads a kubectl export: RuntimeClasses (name → handler), then each Deployment, StatefulSet,
 * DaemonSet, Job, CronJob and each Pod no controller owns, as one workload named
 * `namespace/name`: its RuntimeClass's handler → the runtime (by the knowledge base's handlers and
 * names; no RuntimeClass: the node's default handler, runc), its GPU requests (`nvidia.com/gpu`), and
 * what it must keep — a GPU; a sandbox for code it runs sandboxed today (`untrustedCode`); the Linux
 * compatibility of its runtime; a Wasm runtime for a Wasm module. Its current coordinate is the
 * runtime's under a Kubernetes API. An export of anything else is refused with its location. Problems,
 * notes and what a workload keeps are worded in `lang`.
 * @example importKubectl(kb, JSON.parse(text), locate).current[0]?.runtime // "gvisor"
 */
export function importKubectl(
  kb: Kb,
  raw: unknown,
  locate: Locate,
  file?: string,
  lang: Lang = "en",
): { system: System; current: CurrentWorkload[] } {
  const problems: SystemProblem[] = [];
  const at = (code: SystemProblem["code"], path: (string | number)[], message: string): SystemProblem => {
    const pos = locate(path);
    return {
      code,
      path: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join(""),
      message,
      ...(file !== undefined ? { file } : {}),
      line: pos.line,
      column: pos.column,
    };
  };
  const root = raw as Obj;
  const kind = str(root.kind);
  let items: { item: Obj; path: (string | number)[] }[];
  if (kind === "List" || (kind?.endsWith("List") ?? false)) {
    if (!Array.isArray(root.items))
      throw new SystemError([at("WRONG_TYPE", ["items"], SYSTEM.listNoItems(lang))], lang);
    items = root.items.flatMap((item, i) => (isObj(item) ? [{ item, path: ["items", i] }] : []));
  } else if (kind !== undefined && (WORKLOAD_KINDS.has(kind) || kind === "RuntimeClass")) {
    items = [{ item: root, path: [] }];
  } else {
    throw new SystemError([at("WRONG_KIND", ["kind"], SYSTEM.wrongKind(lang, { kind: kind ?? "?" }))], lang);
  }

  const classes = new Map<string, string>();
  for (const { item, path } of items) {
    if (item.kind !== "RuntimeClass") continue;
    const name = isObj(item.metadata) ? str(item.metadata.name) : undefined;
    const handler = str(item.handler);
    if (name === undefined || handler === undefined) {
      problems.push(
        at("WRONG_TYPE", [...path, handler === undefined ? "handler" : "metadata"], SYSTEM.runtimeClassNeeds(lang)),
      );
      continue;
    }
    classes.set(name, handler);
  }

  const workloads: Workload[] = [];
  const current: CurrentWorkload[] = [];
  const others = new Set<string>();
  for (const { item, path } of items) {
    const k = str(item.kind) ?? "?";
    if (k === "RuntimeClass") continue;
    if (!WORKLOAD_KINDS.has(k)) {
      others.add(k);
      continue;
    }
    const meta = isObj(item.metadata) ? item.metadata : {};
    const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
    // A pod (or replica set) a controller owns is that controller's: counted once, through it.
    if ((k === "Pod" || k === "ReplicaSet") && owners.some((o) => isObj(o) && o.controller === true)) continue;
    const name = str(meta.name);
    const spec = podSpecOf(item);
    if (name === undefined || !spec) {
      problems.push(
        at("WRONG_TYPE", [...path, name === undefined ? "metadata" : "spec"], SYSTEM.workloadNeeds(lang, { kind: k })),
      );
      continue;
    }
    const namespace = str(meta.namespace) ?? "default";
    const notes: string[] = [];
    const rcName = str(spec.runtimeClassName) ?? null;
    let handler = "runc";
    if (rcName === null) notes.push(SYSTEM.defaultHandler(lang));
    else if (classes.has(rcName)) handler = classes.get(rcName)!;
    else {
      handler = rcName;
      notes.push(SYSTEM.classNotInExport(lang, { name: rcName }));
    }
    const runtime = technologyForHandler(kb, handler) ?? null;
    if (runtime === null) notes.push(SYSTEM.unknownHandler(lang, { handler }));
    const containers = [
      ...(Array.isArray(spec.containers) ? spec.containers : []),
      ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
    ].filter(isObj);
    let gpus = 0;
    const requests: { cpu?: string; memory?: string } = {};
    for (const c of containers) {
      const res = isObj(c.resources) ? c.resources : {};
      const lim = isObj(res.limits) ? res.limits : {};
      const req = isObj(res.requests) ? res.requests : {};
      gpus += Math.max(quantity(lim[GPU_RESOURCE]), quantity(req[GPU_RESOURCE]));
      const cpu = str(req.cpu) ?? (typeof req.cpu === "number" ? String(req.cpu) : undefined);
      const memory = str(req.memory);
      if (cpu !== undefined && requests.cpu === undefined) requests.cpu = cpu;
      if (memory !== undefined && requests.memory === undefined) requests.memory = memory;
    }
    const spec2 = isObj(item.spec) ? item.spec : {};
    const replicas = k === "Pod" ? 1 : Math.max(1, Math.round(quantity(spec2.replicas ?? 1)) || 1);

    const must: { -readonly [K in keyof Must]: Must[K] } = {};
    const keeps: string[] = [];
    if (gpus > 0) {
      must.gpu = true;
      keeps.push(SYSTEM.keepsGpu(lang, { count: gpus, resource: GPU_RESOURCE }));
    }
    const tech = runtime === null ? undefined : kb.technologies.get(runtime);
    if (tech) {
      const untrusted = tech.traits.get("untrusted-code");
      if (untrusted && untrusted.value === true) {
        must.untrustedCode = true;
        keeps.push(SYSTEM.keepsSandbox(lang, { name: tech.names[lang], source: untrusted.source }));
      }
      const linux = tech.traits.get("linux-compatibility");
      if (linux && (linux.value === "full" || linux.value === "most")) {
        must.linuxCompatibility = linux.value;
        keeps.push(SYSTEM.keepsLinux(lang, { value: linux.value, name: tech.names[lang], source: linux.source }));
      } else if (linux && linux.value === "none") {
        must.include = [tech.id];
        keeps.push(SYSTEM.keepsWasm(lang, { name: tech.names[lang], source: linux.source }));
      }
    }
    const full = `${namespace}/${name}`;
    workloads.push({
      name: full,
      namespace,
      replicas,
      description: SYSTEM.description(lang, { kind: k, name: full }),
      ...(Object.keys(must).length > 0 ? { must } : {}),
    });
    const coordinate = runtime
      ? coordinateJson(kb, stackCoordinate(kb, { runtime, orchestrator: "kubernetes" }).coordinate, lang)
      : null;
    current.push({
      name: full,
      namespace,
      kind: k,
      replicas,
      runtimeClassName: rcName,
      handler,
      runtime,
      gpus,
      requests,
      coordinate,
      keeps,
      notes,
    });
  }
  if (problems.length > 0) throw new SystemError(problems, lang);
  if (workloads.length === 0) {
    throw new SystemError(
      [
        at(
          others.size > 0 ? "WRONG_KIND" : "NO_WORKLOADS",
          items.length > 0 ? [...items[0]!.path, "kind"] : ["items"],
          others.size > 0 ? SYSTEM.exportHolds(lang, { kinds: [...others].sort() }) : SYSTEM.noPods(lang),
        ),
      ],
      lang,
    );
  }
  return { system: { name: "kubectl export", platform: { kubernetesApi: true }, workloads }, current };
}
