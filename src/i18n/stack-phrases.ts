/**
 * @module i18n/stack-phrases — the sentences of reading and placing a stack (the stack parser, recorded
 * stacks, `locate`, `compare`, the completion of a stack's dependencies) in English and Chinese. Ids,
 * level codes, dimension keys and the text the user wrote pass through as given.
 */

import { columns } from "./columns.js";
import { slotName } from "./coordinate-phrases.js";
import type { Lang } from "./lang.js";
import { joinList, phrase } from "./messages.js";

export const STACK = {
  empty: phrase(
    () => 'stack: empty; write its parts joined by +, e.g. "K3s + WasmEdge + Gatekeeper"',
    () => '技术栈：为空；请用 + 连接各部件，例如 "K3s + WasmEdge + Gatekeeper"',
  ),
  tooLong: phrase(
    (a: { length: number }) => `stack: ${a.length} characters is too long for a stack`,
    (a) => `技术栈：${a.length} 个字符，作为技术栈太长`,
  ),
  unknownParts: phrase(
    (a: { parts: readonly string[]; text: string }) =>
      `stack: unknown technolog${a.parts.length === 1 ? "y" : "ies"} ${a.parts.map((u) => `"${u}"`).join(", ")} in "${a.text}"`,
    (a) =>
      `技术栈：未知技术 ${joinList(
        a.parts.map((u) => `"${u}"`),
        "zh",
      )}（在 "${a.text}" 中）`,
  ),
  /** A `case:…`/`scenario:…#n` id that names no recorded stack; `where` is the command, if any. */
  noRecord: phrase(
    (a: { where?: string; id: string }) => `${a.where ? `${a.where}: ` : ""}no recorded stack "${a.id}"`,
    (a) => `${a.where ? `${a.where}：` : ""}没有记录栈 "${a.id}"`,
  ),
  unknownView: phrase(
    (a: { view: string }) => `locate: unknown view "${a.view}"`,
    (a) => `locate：未知架构视图 "${a.view}"`,
  ),
  /** Why a dimension of a stack's coordinate stays `*`. */
  noScenarioGiven: phrase(
    () => "no scenario given",
    () => "未给出场景",
  ),
  noSlot: phrase(
    (a: { slot: string }) => `the stack has no ${a.slot}`,
    (a) => `技术栈没有${slotName(a.slot, "zh")}`,
  ),
  noLevel: phrase(
    (a: { part: string; key: string }) => `${a.part} has no ${a.key} level`,
    (a) => `${a.part} 没有 ${a.key} 层次`,
  ),
  /** Two parts for one slot: `alternative` (recorded as alternatives) or `unrelated` (same role, no relation). */
  rival: phrase(
    (a: { slot: string; kept: string; other: string; kind: "alternative" | "unrelated"; source?: string }) =>
      a.kind === "alternative"
        ? `two ${a.slot}s: ${a.kept} and ${a.other} are alternatives to each other${a.source ? ` (${a.source})` : ""}; a stack has one ${a.slot}, placed here by ${a.kept}`
        : `two ${a.slot}s: ${a.kept} and ${a.other} — no relation puts one inside the other; a stack has one ${a.slot}, placed here by ${a.kept}`,
    (a) =>
      a.kind === "alternative"
        ? `两个${slotName(a.slot, "zh")}：${a.kept} 与 ${a.other} 互为替代${a.source ? `（${a.source}）` : ""}；一个技术栈只有一个${slotName(a.slot, "zh")}，此处按 ${a.kept} 定位`
        : `两个${slotName(a.slot, "zh")}：${a.kept} 与 ${a.other} 之间没有任何关系表明一方是另一方的组成部分；一个技术栈只有一个${slotName(a.slot, "zh")}，此处按 ${a.kept} 定位`,
  ),
  /**
   * Two technologies ordered by their own figures: `word` is the ordering's word for a's move
   * ("slower start"); no word when the figures overlap.
   */
  orderByFigures: phrase(
    (a: {
      ordering: string;
      a: string;
      b: string;
      word?: string;
      metric: string;
      figuresA: string;
      figuresB: string;
    }) =>
      a.word === undefined
        ? `${a.ordering}: ${a.a} and ${a.b} are not ordered by their own ${a.metric} figures, which overlap: ${a.a} ${a.figuresA} vs ${a.b} ${a.figuresB}`
        : `${a.ordering}: ${a.a} ${a.word} than ${a.b}, by their own ${a.metric} figures: ${a.a} ${a.figuresA} vs ${a.b} ${a.figuresB}`,
    (a) =>
      a.word === undefined
        ? `${a.ordering}：按各自的${a.metric}数据无法排序（数据重叠）：${a.a} ${a.figuresA}，${a.b} ${a.figuresB}`
        : `${a.ordering}：按各自的${a.metric}数据，${a.a} 相比 ${a.b} ${a.word}：${a.a} ${a.figuresA}，${a.b} ${a.figuresB}`,
  ),
  /** Why an ordering answer comes from the levels: the technologies without an own figure of the metric. */
  byLevels: phrase(
    (a: { metric?: string; missing: readonly string[] }) =>
      a.metric === undefined
        ? "by their levels"
        : `by their levels only: no own ${a.metric} figure for ${a.missing.join(", ")}`,
    (a) => (a.metric === undefined ? "按层次" : `仅按层次：${joinList(a.missing, "zh")} 没有自己的${a.metric}数据`),
  ),
  /** The heading of the ordering answers of `compare`. */
  orderingsHeading: phrase(
    () => "orderings (from their own figures where both have them, else from their levels):",
    () => "排序关系（双方都有自己的数据时按数据，否则按层次）：",
  ),
  /** The heading of the parts list of `locate`. */
  parts: phrase(
    () => "parts",
    () => "部件",
  ),
  /** A dependency nothing in the knowledge base can meet. */
  unmetDependency: phrase(
    (a: { id: string; targets: readonly string[] }) =>
      `${a.id} depends on ${a.targets.join(" or ")} and the knowledge base has nothing usable that provides it`,
    (a) => `${a.id} 依赖 ${a.targets.join(" 或 ")}，但知识库中没有可用的部件提供它`,
  ),
  /** An ordering's answer between two parts on their levels: `isolation: gVisor stronger than runc (why)`. */
  orderingSentence: phrase(
    (a: {
      ordering: { readonly en: string; readonly zh: string };
      a: string;
      b: string;
      relation: "greater" | "less" | "equal" | "incomparable";
      word: string;
      why: string;
    }) =>
      `${a.ordering.en}: ${a.a} ${a.word}${a.relation === "greater" || a.relation === "less" ? " than" : ""} ${a.b} (${a.why})`,
    (a) => `${a.ordering.zh}：${a.a} 相比 ${a.b} ${a.word}（${a.why}）`,
  ),
  tiedWith: phrase(
    () => "tied with",
    () => "相当",
  ),
  notComparableWith: phrase(
    () => "not comparable with",
    () => "不可比较",
  ),
  /** `compare`'s table: the heading of the coordinate's changes, and the line when there are none. */
  changesHeading: phrase(
    () => "changes (A → B):",
    () => "变化（A → B）：",
  ),
  sameCoordinate: phrase(
    () => "  (same coordinate)",
    () => "  （坐标相同）",
  ),
  /** `compare`'s figure table: the column heads, and the cell of figures measured under different conditions. */
  figureHead: columns(
    ["slot", "metric", "scope", "A", "B", "measured together"],
    ["部件", "指标", "范围", "A", "B", "同源测量"],
  ),
  notMeasuredTogether: phrase(
    () => "no (conditions differ)",
    () => "否（条件不同）",
  ),
  /** `locate`'s table. */
  coordinateLine: phrase(
    (a: { text: string }) => `coordinate: ${a.text}`,
    (a) => `坐标: ${a.text}`,
  ),
  inferredFrom: phrase(
    (a: { dimension: string; label: string; source: string }) =>
      `  ${a.dimension} taken from the recorded stack "${a.label}" (${a.source})`,
    (a) => `  ${a.dimension} 取自记录栈 "${a.label}" (${a.source})`,
  ),
  verdicts: phrase(
    (a: { complete: string; consistent: string }) => `complete: ${a.complete}   consistent: ${a.consistent}`,
    (a) => `完整: ${a.complete}   一致: ${a.consistent}`,
  ),
  addedFor: phrase(
    (a: { part: string; for: string; requirement: string }) => `  + ${a.part} (for ${a.for} → ${a.requirement})`,
    (a) => `  + ${a.part} (因 ${a.for} → ${a.requirement})`,
  ),
  releasedIn: phrase(
    (a: { part: string; year: number }) => `  ✘ ${a.part} was released in ${a.year}`,
    (a) => `  ✘ ${a.part} 发布于 ${a.year}`,
  ),
  noWayIn: phrase(
    (a: { runtime: string; orchestrator: string }) =>
      `no recorded way to run ${a.runtime} under ${a.orchestrator}: it neither implements nor states compatibility with an interface or engine ${a.orchestrator} runs workloads through (CRI, the OCI runtime spec …), nor says how it runs orchestrated`,
    (a) =>
      `没有记录表明 ${a.runtime} 能在 ${a.orchestrator} 之下运行：它既未实现、也未声明兼容 ${a.orchestrator} 运行工作负载所经由的接口或引擎（CRI、OCI 运行时规范等），也未说明在编排下如何运行`,
  ),
};

/**
 * A slot (`runtime`, `orchestrator`, …, `supporting`) as a table shows it: the id in English, its
 * Chinese name in Chinese.
 * @example slotLabel("supporting", "zh") // "支撑部件"
 */
export function slotLabel(slot: string, lang: Lang): string {
  if (lang !== "zh") return slot;
  return slot === "supporting" ? "支撑部件" : slotName(slot, lang);
}
