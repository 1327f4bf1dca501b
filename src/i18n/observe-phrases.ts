/**
 * @module i18n/observe-phrases — the words of `observe` and `diagnose` (coverage, reach, signal
 * directions, gaps, the usage errors) in English and Chinese. Signal codes (O1), layer codes (L-3),
 * ids, patterns and source ids pass through as given.
 */
import { columns } from "./columns.js";
import type { Lang } from "./lang.js";
import { joinList, phrase } from "./messages.js";

const REACH_ZH: Readonly<Record<string, string>> = { full: "完整", partial: "部分", none: "无" };

const DIRECTION_ZH: Readonly<Record<string, string>> = {
  horizontal: "横向",
  vertical: "纵向",
  metrics: "指标",
  logs: "日志",
  correlation: "关联",
};

/**
 * A reach or coverage (`full`, `partial`, `none`) as the table shows it.
 * @example reachWord("partial", "zh") // "部分"
 */
export function reachWord(reach: string, lang: Lang): string {
  return lang === "zh" ? (REACH_ZH[reach] ?? reach) : reach;
}

/**
 * A signal's direction (`horizontal`, `vertical`, `metrics` …) as the table shows it.
 * @example directionWord("horizontal", "zh") // "横向"
 */
export function directionWord(direction: string, lang: Lang): string {
  return lang === "zh" ? (DIRECTION_ZH[direction] ?? direction) : direction;
}

const ASPECT_ZH: Readonly<Record<string, string>> = { computation: "计算", control: "控制", information: "信息" };

/**
 * The aspect of a layer's structure a failure mode is about (`computation`, `control`, `information`).
 * @example aspectWord("control", "zh") // "控制"
 */
export function aspectWord(aspect: string, lang: Lang): string {
  return lang === "zh" ? (ASPECT_ZH[aspect] ?? aspect) : aspect;
}

export const OBSERVE = {
  /** Why a candidate tool does not work with the stack: the stack's year has not seen it yet. */
  releasedOnly: phrase(
    (a: { year: number }) => `released only in ${a.year}`,
    (a) => `${a.year} 年才发布`,
  ),
  needsLacking: phrase(
    (a: { requires: readonly string[] }) => `needs ${a.requires.join(" or ")}, which the stack lacks`,
    (a) => `需要 ${a.requires.join(" 或 ")}（栈中没有）`,
  ),
  conflictsWith: phrase(
    (a: { other: string }) => `conflicts with ${a.other}`,
    (a) => `与 ${a.other} 冲突`,
  ),
  cannotSeeInside: phrase(
    (a: { runtime: string | undefined }) => `cannot see the workloads inside ${a.runtime}`,
    (a) => `看不到 ${a.runtime} 内的负载`,
  ),
  /** A tool that brings in a part which places the stack on a slot dimension (its orchestrator, say). */
  bringsIn: phrase(
    (a: { part: string; dims: readonly string[] }) =>
      `brings in ${a.part}, which changes the stack's ${a.dims.join("/")}`,
    (a) => `会引入 ${a.part}，改变栈的 ${a.dims.join("/")} 坐标`,
  ),
  /** A collector with no runtime boundary between it and the workloads. */
  noBoundary: phrase(
    () => "no runtime boundary: collector and processes share the host",
    () => "无运行时边界：采集器与进程同在宿主机",
  ),
  noLimitRecorded: phrase(
    () => "no limit recorded",
    () => "未记载限制",
  ),
  noSignalDimension: phrase(
    () => "observe: the knowledge base declares no signal dimension",
    () => "observe：知识库没有声明信号维度",
  ),
  /** What a kernel-level signal sees inside a runtime: `O2 via ebpf in wasmedge: partial — note`. */
  visibility: phrase(
    (a: { signal: string; via: string; runtime?: string; reach: string; note: string }) =>
      `${a.signal} via ${a.via} in ${a.runtime ?? "host"}: ${a.reach} — ${a.note}`,
    (a) => `${a.signal} 经 ${a.via} 在 ${a.runtime ?? "宿主机"} 中：${reachWord(a.reach, "zh")} — ${a.note}`,
  ),
  /** A gap's heading: `gap O1 traces (missing):`. */
  gap: phrase(
    (a: { signal: string; name: string; kind: "missing" | "limited"; closable: boolean }) =>
      `gap ${a.signal} ${a.name} (${a.kind}${a.closable ? "" : ", no tool here does better"}):`,
    (a) =>
      `缺口 ${a.signal} ${a.name}（${a.kind === "missing" ? "缺失" : "受限"}${a.closable ? "" : "，现有工具无法改善"}）：`,
  ),
  /** `observe`'s coverage table heads. */
  coverageHead: columns(["signal", "direction", "coverage", "by"], ["信号", "方向", "覆盖", "由"]),
  /** A `requires` rule's verdict: met, met with limited signals, or not met. */
  ruleVerdict: phrase(
    (a: { met: boolean; limited: readonly string[]; missing: readonly string[] }) =>
      a.met
        ? a.limited.length
          ? `met, with ${a.limited.join(", ")} limited`
          : "met"
        : `not met: missing ${a.missing.join(", ")}`,
    (a) =>
      a.met
        ? a.limited.length
          ? `满足，但 ${joinList(a.limited, "zh")} 受限`
          : "满足"
        : `不满足：缺 ${joinList(a.missing, "zh")}`,
  ),
  criteriaHeading: phrase(
    () => "criteria to check by hand:",
    () => "还需人工核对的完备性判据：",
  ),
};

export const DIAGNOSE = {
  /** The matrix row when no horizontal signal was given. */
  anyHorizontal: phrase(
    () => "any horizontal signal",
    () => "任一横向信号",
  ),
  onPath: phrase(
    (a: { layer: string }) => `${a.layer} is on this stack's isolation path`,
    (a) => `${a.layer} 在该栈的隔离路径上`,
  ),
  offPath: phrase(
    (a: { layer: string; runtimeLayer: string | undefined }) =>
      `this stack runs at ${a.runtimeLayer}; ${a.layer} is not on its path: the signal may come from elsewhere (another node or runtime)`,
    (a) => `该栈运行于 ${a.runtimeLayer}，${a.layer} 不在其路径上：信号可能来自别处（另一节点、另一运行时）`,
  ),
  noDiagnostics: phrase(
    () => "diagnose: this knowledge base has no diagnostics.yaml (the localisation rules)",
    () => "diagnose：该知识库没有 diagnostics.yaml（定位规则）",
  ),
  noVertical: phrase(
    () => "diagnose: give a vertical signal (a log line or kernel event, e.g. OOMKilled)",
    () => "diagnose：请给出纵向信号（一行日志或内核事件，如 OOMKilled）",
  ),
  /** The CLI's usage error when neither --vertical nor --matrix is given. */
  usage: phrase(
    () => "diagnose: give --vertical TEXT (a log line or kernel event), or --matrix",
    () => "diagnose：请给出 --vertical TEXT（一行日志或内核事件），或使用 --matrix",
  ),
  noMatch: phrase(
    (a: { what: "vertical" | "horizontal"; text: string }) =>
      `diagnose: no known ${a.what === "vertical" ? "vertical signal (log line or kernel event)" : "horizontal signal (trace)"} matches "${a.text}"`,
    (a) =>
      `diagnose：没有已知的${a.what === "vertical" ? "纵向信号（日志或内核事件）" : "横向信号（链路）"}与 "${a.text}" 匹配`,
  ),
  /** How far a drill-down tool sees: `(partial in gvisor)`. */
  toolReach: phrase(
    (a: { reach: string; runtime?: string }) => ` (${a.reach} in ${a.runtime ?? "host"})`,
    (a) => `（在 ${a.runtime ?? "宿主机"} 中${reachWord(a.reach, "zh")}可见）`,
  ),
  /** `diagnose --matrix`: the corner cell and the first row's head. */
  matrixCorner: phrase(
    () => "horizontal \\ vertical",
    () => "横向 \\ 纵向",
  ),
  logKeywords: phrase(
    () => "(log keywords)",
    () => "（日志关键词）",
  ),
  /** `diagnose`'s answer: the layer and cell line, the signal lines, the section headings. */
  layerLine: phrase(
    (a: { layer: string; cell: string }) => `layer: ${a.layer}   cell: ${a.cell}`,
    (a) => `层级: ${a.layer}   单元格: ${a.cell}`,
  ),
  verticalLabel: phrase(
    () => "vertical",
    () => "纵向",
  ),
  horizontalLabel: phrase(
    () => "horizontal",
    () => "横向",
  ),
  likelyCauses: phrase(
    () => "likely causes:",
    () => "可能原因：",
  ),
  fixes: phrase(
    () => "fixes:",
    () => "修复：",
  ),
  symptomTable: phrase(
    () => "symptom table:",
    () => "症状表：",
  ),
  failureModes: phrase(
    () => "failure modes of the layer:",
    () => "该层失效模式：",
  ),
  drillDown: phrase(
    () => "drill down with:",
    () => "下钻工具：",
  ),
};
