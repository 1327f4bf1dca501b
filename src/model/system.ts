/** @module model/system — a system to design a platform for: workloads with requirements, and platform constraints. */
import { z } from "zod";
import { Year } from "./_common.js";
import { LevelCode } from "./level.js";
import { Must, Prefer } from "./requirements.js";

const Name = z.string().min(1).max(80);
const Names = z.array(Name).max(50);

/** Which technologies a shared slot may use: one name, or lists to include from and exclude. */
export const SlotConstraint = z.union([
  Name,
  z.strictObject({ include: Names.min(1).optional(), exclude: Names.optional() }),
]);
export type SlotConstraint = z.infer<typeof SlotConstraint>;

/**
 * Constraints on the one platform every workload shares. `mustStayOn` names the orchestrator the
 * platform keeps (shorthand for `orchestrator: { include: [it] }`); `noGpuNodes` says the cluster has
 * no GPU nodes, so a workload that needs a GPU cannot be met; `kubernetesApi` (default true) keeps the
 * platform on a Kubernetes API, where runtimes are selected per workload by RuntimeClass.
 */
export const PlatformConstraints = z.strictObject({
  orchestrator: SlotConstraint.optional(),
  mustStayOn: Name.optional(),
  policy: SlotConstraint.optional(),
  /** Signals (O1 …, or aliases such as OTLP, eBPF) the platform covers for every workload. */
  observability: z.array(LevelCode).max(10).optional(),
  exclude: Names.optional(),
  noGpuNodes: z.boolean().optional(),
  kubernetesApi: z.boolean().optional(),
});
export type PlatformConstraints = z.infer<typeof PlatformConstraints>;

/** One workload: a name, how many pods it runs, and its requirements in the `recommend` vocabulary. */
export const Workload = z.strictObject({
  name: Name,
  namespace: Name.optional(),
  description: z.string().max(500).optional(),
  /** Pods it runs (default 1): weighs its runtime's per-pod overhead. */
  replicas: z.number().int().min(1).max(100_000).optional(),
  scenario: Name.optional(),
  year: Year.optional(),
  must: Must.optional(),
  prefer: Prefer.optional(),
});
export type Workload = z.infer<typeof Workload>;

/**
 * A system file: the workloads one platform must run and the constraints on that platform.
 * @example System.parse({ workloads: [{ name: "api", must: { kubernetesApi: true } }] }).workloads[0]?.name // "api"
 */
export const System = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(120).optional(),
  description: z.string().max(2000).optional(),
  /** As-of year for every workload that does not give its own. */
  year: Year.optional(),
  platform: PlatformConstraints.optional(),
  workloads: z.array(Workload).min(1).max(500),
});
export type System = z.infer<typeof System>;
