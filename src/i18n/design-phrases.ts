/**
 * @module i18n/design-phrases — the sentences of `design` (the system file and kubectl export readers,
 * the platform, the RuntimeClass manifests, the solver) and of `migrate`, in English and Chinese.
 * Workload names, ids, handlers, Kubernetes kinds and keys, file positions and figures pass through as given.
 */
import { columns } from "./columns.js";
import type { Lang } from "./lang.js";
import { joinList, phrase } from "./messages.js";

const KUBECTL_EXPORT = "`kubectl get pods,deployments,runtimeclasses -A -o json`";

const LINUX_ZH: Readonly<Record<string, string>> = { full: "完全", most: "大部分", partial: "部分", none: "无" };

/** How a RuntimeClass handler was read from the knowledge base (see design/runtime-class-handler). */
export interface HandlerHow {
  /** The alias the handler was read from (`containerd-shim-kata-v2`, `runsc`). */
  readonly alias?: string;
  /** The shim whose alias it was, when not the runtime's own. */
  readonly shim?: string;
  /** An OCI runtime's binary name. */
  readonly binary?: boolean;
}

const ERRNO_ZH: Readonly<Record<string, string>> = {
  ENOENT: "没有这个文件",
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  EISDIR: "这是一个目录",
};

/** The reader's messages for a system file or a kubectl export. */
export const SYSTEM = {
  /** The first line of the error, before the problems one per line. */
  problems: phrase(
    (a: { count: number }) =>
      `design: ${a.count === 1 ? "the system has a problem" : `the system has ${a.count} problems`}:`,
    (a) => `design：系统文件中有 ${a.count} 处问题：`,
  ),
  cannotRead: phrase(
    (a: { file: string; error: string; code?: string }) => `design: cannot read ${a.file}: ${a.error}`,
    (a) => `design：无法读取 ${a.file}：${(a.code && ERRNO_ZH[a.code]) || a.error}`,
  ),
  notAMapping: phrase(
    () => "a system file is a mapping with `workloads` (and `platform`)",
    () => "系统文件应是含 `workloads`（及 `platform`）的映射",
  ),
  duplicateName: phrase(
    (a: { name: string; other: number }) => `workload "${a.name}" is also workloads[${a.other}]`,
    (a) => `负载 "${a.name}" 与 workloads[${a.other}] 重名`,
  ),
  listNoItems: phrase(
    () => "a List has an `items` array",
    () => "List 应有 `items` 数组",
  ),
  wrongKind: phrase(
    (a: { kind: string }) => `a kubectl export of kind "${a.kind}" holds no workloads: export ${KUBECTL_EXPORT}`,
    (a) => `kind 为 "${a.kind}" 的 kubectl 导出中没有负载：请导出 ${KUBECTL_EXPORT}`,
  ),
  runtimeClassNeeds: phrase(
    () => "a RuntimeClass needs metadata.name and handler",
    () => "RuntimeClass 需要 metadata.name 和 handler",
  ),
  workloadNeeds: phrase(
    (a: { kind: string }) => `a ${a.kind} needs metadata.name and a pod spec`,
    (a) => `${a.kind} 需要 metadata.name 和 Pod 规约（pod spec）`,
  ),
  exportHolds: phrase(
    (a: { kinds: readonly string[] }) =>
      `the export holds ${a.kinds.join(", ")}, no workloads: export ${KUBECTL_EXPORT}`,
    (a) => `导出中只有 ${joinList(a.kinds, "zh")}，没有负载：请导出 ${KUBECTL_EXPORT}`,
  ),
  noPods: phrase(
    () => "the export holds no pods or deployments",
    () => "导出中没有 Pod 或 Deployment",
  ),
  /** What a workload of an export runs today, in notes. */
  defaultHandler: phrase(
    () => "no runtimeClassName: the node's default handler (runc) is assumed",
    () => "未设 runtimeClassName：按节点的默认处理器（runc）计",
  ),
  classNotInExport: phrase(
    (a: { name: string }) => `RuntimeClass "${a.name}" is not in the export: its name is taken as its handler`,
    (a) => `导出中没有 RuntimeClass "${a.name}"：以其名称作为处理器（handler）`,
  ),
  unknownHandler: phrase(
    (a: { handler: string }) => `handler "${a.handler}" selects no runtime the knowledge base knows`,
    (a) => `处理器 "${a.handler}" 对应的运行时不在知识库中`,
  ),
  description: phrase(
    (a: { kind: string; name: string }) => `${a.kind} ${a.name} from a kubectl export`,
    (a) => `来自 kubectl 导出的 ${a.kind} ${a.name}`,
  ),
  /** What a workload of an export must keep. */
  keepsGpu: phrase(
    (a: { count: number; resource: string }) => `a GPU (${a.count} × ${a.resource} requested)`,
    (a) => `GPU（申请了 ${a.count} × ${a.resource}）`,
  ),
  keepsSandbox: phrase(
    (a: { name: string; source: string }) => `a sandbox for untrusted code (${a.name} has one today) [${a.source}]`,
    (a) => `运行不可信代码的沙箱（现在的 ${a.name} 具备）[${a.source}]`,
  ),
  keepsLinux: phrase(
    (a: { value: string; name: string; source: string }) =>
      `${a.value} Linux compatibility for its container image (${a.name}) [${a.source}]`,
    (a) => `容器镜像所需的${LINUX_ZH[a.value] ?? a.value} Linux 兼容性（${a.name}）[${a.source}]`,
  ),
  keepsWasm: phrase(
    (a: { name: string; source: string }) =>
      `its Wasm runtime: a Wasm module runs only there (${a.name}) [${a.source}]`,
    (a) => `其 Wasm 运行时：Wasm 模块只能在那里运行（${a.name}）[${a.source}]`,
  ),
};

/** The platform, its workloads, its manifests and the solver. */
export const DESIGN = {
  solverAsked: phrase(
    (a: { kind: "exact" | "heuristic" }) => `${a.kind}, as asked`,
    (a) => `按要求使用${a.kind === "exact" ? "精确求解" : "启发式求解"}`,
  ),
  solverExact: phrase(
    (a: { n: number; max: number }) =>
      `${a.n} workload class${a.n === 1 ? "" : "es"} ≤ ${a.max}: exact branch and bound`,
    (a) => `${a.n} 个负载类 ≤ ${a.max}：精确分支定界`,
  ),
  solverHeuristic: phrase(
    (a: { n: number; max: number }) => `${a.n} workload classes > ${a.max}: greedy set cover + local search`,
    (a) => `${a.n} 个负载类 > ${a.max}：贪心集合覆盖 + 局部搜索`,
  ),
  notMet: phrase(
    (a: { requirements: readonly string[] }) => `not met: ${a.requirements.join(", ")}`,
    (a) => `未满足：${joinList(a.requirements, "zh")}`,
  ),
  metBy: phrase(
    (a: { runtime: string; met: readonly string[]; unknown: readonly string[] }) =>
      `${a.runtime}${a.met.length ? `: meets ${a.met.join(", ")}` : ""}${a.unknown.length ? `; no evidence either way on ${a.unknown.join(", ")}` : ""}`,
    (a) =>
      `${a.runtime}${a.met.length ? `：满足 ${joinList(a.met, "zh")}` : ""}${a.unknown.length ? `；${joinList(a.unknown, "zh")} 没有正反任何一方的证据` : ""}`,
  ),
  noOrchestrator: phrase(
    () => "no orchestrator",
    () => "无编排器",
  ),
  noRuntime: phrase(
    () => "no runtime",
    () => "无运行时",
  ),
  noSharedChoice: phrase(
    () => "no orchestrator, policy and observability the platform constraints allow",
    () => "平台约束不允许任何编排器、策略与可观测性的组合",
  ),
  noHandler: phrase(
    (a: { name: string }) =>
      `${a.name} has no RuntimeClass handler in the knowledge base, so Kubernetes cannot select it per pod`,
    (a) => `知识库中没有 ${a.name} 的 RuntimeClass 处理器，Kubernetes 无法按 Pod 选用它`,
  ),
  metAlone: phrase(
    (a: { label: string; shared: string }) =>
      `met on a platform of its own (${a.label}), not on the shared ${a.shared || "platform"} the other workloads need`,
    (a) =>
      `在单独的平台上可以满足（${a.label}），但在其他负载所需的共享${a.shared ? `平台 ${a.shared}` : "平台"}上不行`,
  ),
  noGpuNodes: phrase(
    () => "the platform has no GPU nodes (platform.noGpuNodes), so nothing can give this workload a GPU",
    () => "平台没有 GPU 节点（platform.noGpuNodes），无法为该负载提供 GPU",
  ),
  /** How the handler was read, as the manifest's comment and `handlerFrom` say it. */
  handlerFrom: phrase(
    (a: HandlerHow) =>
      a.binary
        ? `OCI runtime binary${a.alias ? ` (alias ${a.alias})` : ""}`
        : `${a.shim ? `${a.shim} ` : ""}alias ${a.alias ?? ""}`,
    (a) =>
      a.binary
        ? `OCI 运行时二进制${a.alias ? `（别名 ${a.alias}）` : ""}`
        : `${a.shim ? `${a.shim} 的` : ""}别名 ${a.alias ?? ""}`,
  ),
  /** The first comment line of a RuntimeClass manifest. */
  manifestHead: phrase(
    (a: { runtime: string; workloads: readonly string[]; pods: number; from: string }) =>
      `# ${a.runtime} for ${a.workloads.join(", ")} (${a.pods} pod${a.pods === 1 ? "" : "s"}); handler from the knowledge base: ${a.from}`,
    (a) => `# ${a.runtime}：用于 ${joinList(a.workloads, "zh")}（${a.pods} 个 Pod）；处理器取自知识库：${a.from}`,
  ),
  manifestOverhead: phrase(
    (a: { source?: string; grade?: string; conditions?: string }) =>
      `# overhead: ${a.source} (${a.grade}): ${a.conditions}`,
    (a) => `# 开销：${a.source}（${a.grade}）：${a.conditions}`,
  ),
  manifestNoOverhead: phrase(
    () => "# no pod overhead stated in the knowledge base for this runtime",
    () => "# 知识库没有给出该运行时的 Pod 开销",
  ),
  unmetEdge: phrase(
    () => "unmet",
    () => "未满足",
  ),
};

/** The `design` command's table. */
export const DESIGN_CLI = {
  summary: phrase(
    (a: { parts: number; overhead: number; addons: readonly string[]; supporting: readonly string[] }) =>
      `  ${a.parts} distinct parts; pod overhead ${a.overhead} MiB in all; add-ons: ${a.addons.join(", ") || "none"}; supporting: ${a.supporting.join(", ") || "none"}`,
    (a) =>
      `  共 ${a.parts} 个不同部件；Pod 开销合计 ${a.overhead} MiB；附加部件：${joinList(a.addons, "zh") || "无"}；支撑部件：${joinList(a.supporting, "zh") || "无"}`,
  ),
  head: columns(
    ["workload", "pods", "runtime", "runtimeClassName", "coordinate / why not"],
    ["负载", "Pod 数", "运行时", "runtimeClassName", "坐标 / 未满足原因"],
  ),
  unmetCell: phrase(
    () => "✘ unmet",
    () => "✘ 未满足",
  ),
  today: phrase(
    () => "today (from the export):",
    () => "现状（来自导出）：",
  ),
  keeps: phrase(
    (a: { keeps: readonly string[] }) => `; keeps ${a.keeps.join("; ")}`,
    (a) => `；需保留：${a.keeps.join("；")}`,
  ),
  unmetHeading: phrase(
    () => "unmet:",
    () => "未满足：",
  ),
  solver: phrase(
    (a: { why: string; explored: number; choices: number; pruned: number; nodes: number }) =>
      `solver: ${a.why}; ${a.explored} of ${a.choices} shared choices explored (${a.pruned} cut by their bound), ${a.nodes} nodes`,
    (a) =>
      `求解：${a.why}；${a.choices} 个共享选择中探索了 ${a.explored} 个（${a.pruned} 个被下界剪去），${a.nodes} 个节点`,
  ),
};

const RISK_ZH: Readonly<Record<string, string>> = {
  conflict: "冲突",
  "missing-dependency": "缺少依赖",
  "host-requirement": "宿主机要求",
  "not-yet-released": "尚未发布",
  "trait-change": "特性变化",
  disputed: "存疑",
};

/**
 * A migration risk's kind as the table shows it: the code in English, its Chinese name in Chinese.
 * @example riskKind("disputed", "zh") // "存疑"
 */
export function riskKind(kind: string, lang: Lang): string {
  return lang === "zh" ? (RISK_ZH[kind] ?? kind) : kind;
}

export const MIGRATE = {
  needTwo: phrase(
    () => "migrate: give a stack to migrate from and one to migrate to",
    () => "migrate：请给出迁移的起点技术栈和目标技术栈",
  ),
  /** A step's line: `orchestrator: A → B`, `observability: + C`, `supporting: − D`. */
  step: phrase(
    (a: { slot: string; remove: string; add: string }) =>
      a.remove && a.add
        ? `${a.slot}: ${a.remove} → ${a.add}`
        : a.add
          ? `${a.slot}: + ${a.add}`
          : `${a.slot}: − ${a.remove}`,
    (a) =>
      a.remove && a.add
        ? `${a.slot}：${a.remove} → ${a.add}`
        : a.add
          ? `${a.slot}：+ ${a.add}`
          : `${a.slot}：− ${a.remove}`,
  ),
  /** Why one step must come after another: `A depends on B`. */
  dependsOn: phrase(
    (a: { part: string; target: string }) => `${a.part} depends on ${a.target}`,
    (a) => `${a.part} 依赖 ${a.target}`,
  ),
  /** A part that needs the orchestrator's way in when the stack is orchestrated. */
  wiredThroughOrchestrator: phrase(
    (a: { part: string; targets: readonly string[] }) =>
      `${a.part} is wired in through the orchestrator when orchestrated (${a.targets.join(" or ")})`,
    (a) => `${a.part} 在编排下需通过编排器接入（${a.targets.join(" 或 ")}）`,
  ),
  /** What a step brings along: ` (with A, B)`. */
  stepWith: phrase(
    (a: { parts: string }) => ` (with ${a.parts})`,
    (a) => ` (连同 ${a.parts})`,
  ),
  /** What a step drops with it: ` (dropping A)`. */
  stepDropping: phrase(
    (a: { parts: string }) => ` (dropping ${a.parts})`,
    (a) => ` (一并移除 ${a.parts})`,
  ),
  /** A host requirement risk: `beyla needs ebpf from the host`. */
  needsFromHost: phrase(
    (a: { part: string; requires: readonly string[] }) => `${a.part} needs ${a.requires.join(" or ")} from the host`,
    (a) => `${a.part} 需要宿主机提供 ${a.requires.join(" 或 ")}`,
  ),
  /** A part the plan's year does not have yet. */
  notYetReleased: phrase(
    (a: { names: { readonly en: string; readonly zh: string }; year: number }) =>
      `${a.names.en} was released only in ${a.year}`,
    (a) => `${a.names.zh} ${a.year} 年才发布`,
  ),
  /** A trait the two parts of a slot state differently: `offline autonomy: A false → B true — note`. */
  traitChange: phrase(
    (a: { trait: string; from: string; fromValue: string; to: string; toValue: string; note: string }) =>
      `${a.trait}: ${a.from} ${a.fromValue} → ${a.to} ${a.toValue}${a.note ? ` — ${a.note}` : ""}`,
    (a) => `${a.trait}：${a.from} ${a.fromValue} → ${a.to} ${a.toValue}${a.note ? ` — ${a.note}` : ""}`,
  ),
  /** A step that must wait for another: `after step 2: why [source]`. */
  afterStep: phrase(
    (a: { step: number; because: string; source: string }) => `after step ${a.step}: ${a.because} [${a.source}]`,
    (a) => `在第 ${a.step} 步之后: ${a.because} [${a.source}]`,
  ),
  sourcesState: phrase(
    () => "  the sources state:",
    () => "  来源所述：",
  ),
};
