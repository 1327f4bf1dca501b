/**
 * @module i18n/coordinate-phrases — the sentences of the coordinate parser, the scenario resolver and the
 * `must` checks, in English and Chinese. Ids, level codes, requirement keys and figures pass through as given.
 */
import type { Lang } from "./lang.js";
import { joinList, phrase } from "./messages.js";
import { traitValueName } from "./vocabulary-phrases.js";

const SLOT_ZH: Readonly<Record<string, string>> = {
  runtime: "运行时",
  orchestrator: "编排器",
  policy: "策略组件",
  observability: "可观测性工具",
};

/**
 * A stack slot in running text: the slot id in English, its Chinese name in Chinese.
 * @example slotName("orchestrator", "zh") // "编排器"
 */
export function slotName(slot: string, lang: Lang): string {
  return lang === "zh" ? (SLOT_ZH[slot] ?? slot) : slot;
}

const BOUND_ZH: Readonly<Record<string, string>> = { atLeast: "至少", atMost: "至多", equals: "等于" };

/**
 * A level bound in words: `atLeast X2, atMost X3` in English (the requirement's own keys), `至少 X2，至多 X3` in Chinese.
 * @example boundText({ atLeast: "X2" }, "zh") // "至少 X2"
 */
export function boundText(bound: Readonly<Record<string, unknown>>, lang: Lang): string {
  const parts = Object.entries(bound).map(([k, v]) => `${lang === "zh" ? (BOUND_ZH[k] ?? k) : k} ${v}`);
  return parts.join(lang === "zh" ? "，" : ", ");
}

/**
 * A stated trait value: as written in English; in Chinese a yes/no reads 是/否 and a word its name.
 * @example traitValueText(true, "zh") // "是"
 */
export function traitValueText(value: unknown, lang: Lang): string {
  return traitValueName(value, lang);
}

/** The coordinate parser's messages (`where` is itself a phrase: the part or key being read). */
/**
 * A scenario as a coordinate writes it: by its id in English (what the parser and the seed write), by its
 * Chinese name in Chinese.
 * @example scenarioSpelling({ id: "edge", names: { en: "edge computing", zh: "边缘计算" } }, "zh") // "边缘计算"
 */
export function scenarioSpelling(
  s: { readonly id: string; readonly names: Readonly<Record<Lang, string>> },
  lang: Lang,
): string {
  return lang === "zh" ? s.names.zh : s.id;
}

export const COORD = {
  expectedScenario: phrase(
    () => "a scenario id or name (en or zh)",
    () => "场景标识或名称（中英文均可）",
  ),
  expectedYear: phrase(
    () => "a year such as 2025, or a milestone T1–T5",
    () => "年份（如 2025）或里程碑 T1–T5",
  ),
  expectedSignals: phrase(
    () => "signals joined by + (e.g. OTLP+eBPF, O1+O3)",
    () => "用 + 连接的信号（如 OTLP+eBPF、O1+O3）",
  ),
  expectedLevel: phrase(
    (a: { range: string }) => `a level ${a.range} or its code/name`,
    (a) => `层次 ${a.range} 或其代码/名称`,
  ),
  empty: phrase(
    () => " (empty)",
    () => "（为空）",
  ),
  unknownSignal: phrase(
    (a: { token: string }) => ` (unknown signal "${a.token}")`,
    (a) => `（未知信号 "${a.token}"）`,
  ),
  invalidValue: phrase(
    (a: { where: string; text: string; dim: string; en: string; zh: string; why: string; expected: string }) =>
      `${a.where}: "${a.text}" is not a valid ${a.dim} (${a.en} / ${a.zh})${a.why}; expected ${a.expected}`,
    (a) => `${a.where}："${a.text}" 不是有效的 ${a.dim}（${a.zh}）${a.why}；应为${a.expected}`,
  ),
  unknownScenario: phrase(
    (a: { where: string; text: string; expected: string }) =>
      `${a.where}: unknown scenario "${a.text}"; expected ${a.expected}`,
    (a) => `${a.where}：未知场景 "${a.text}"；应为${a.expected}`,
  ),
  wherePart: phrase(
    (a: { index: number; key: string }) => `coordinate part ${a.index} (${a.key})`,
    (a) => `坐标第 ${a.index} 部分（${a.key}）`,
  ),
  whereKey: phrase(
    (a: { key: string }) => `coordinate ${a.key}=`,
    (a) => `坐标 ${a.key}=`,
  ),
  unclosedQuote: phrase(
    (a: { quote: string }) => `coordinate: a quote ${a.quote} is not closed`,
    (a) => `坐标：引号 ${a.quote} 没有闭合`,
  ),
  partCount: phrase(
    (a: { text: string; parts: number; want: number; keys: string }) =>
      `coordinate: "${a.text}" has ${a.parts} part${a.parts === 1 ? "" : "s"}; the seed's tuple has ${a.want}: ` +
      `(${a.keys}), e.g. (4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF). Use * for "any".`,
    (a) =>
      `坐标："${a.text}" 有 ${a.parts} 个部分；种子的元组有 ${a.want} 个：` +
      `(${a.keys})，例如 (4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)。用 * 表示“任意”。`,
  ),
  unknownDimension: phrase(
    (a: { key: string }) => `coordinate: unknown dimension "${a.key}"`,
    (a) => `坐标：未知维度 "${a.key}"`,
  ),
  givenTwice: phrase(
    (a: { dim: string; key: string }) => `coordinate: ${a.dim} is given twice (as "${a.key}")`,
    (a) => `坐标：${a.dim} 给出了两次（写作 "${a.key}"）`,
  ),
  unreadable: phrase(
    (a: { leftover: string }) =>
      `coordinate: cannot read "${a.leftover}"; write KEY=value pairs such as D=4 X=2 S=edge O=OTLP+eBPF`,
    (a) => `坐标：无法识别 "${a.leftover}"；请写成 KEY=value 对，如 D=4 X=2 S=edge O=OTLP+eBPF`,
  ),
  emptyCoordinate: phrase(
    () => "coordinate: empty; write (D, X, Z, T, A, S, O) such as (4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
    () => "坐标：为空；请写成 (D, X, Z, T, A, S, O)，如 (4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
  ),
  tooLong: phrase(
    (a: { length: number }) => `coordinate: ${a.length} characters is too long for a coordinate`,
    (a) => `坐标：${a.length} 个字符，作为坐标太长`,
  ),
  /** `resolveScenario`'s error; `where` is the command or field (`scenario`, `locate`). */
  unknownScenarioName: phrase(
    (a: { where: string; text: string; isTechnology: boolean }) =>
      `${a.where}: unknown scenario "${a.text}"${a.isTechnology ? ` ("${a.text}" is a technology, not a scenario)` : ""}`,
    (a) => `${a.where}：未知场景 "${a.text}"${a.isTechnology ? `（"${a.text}" 是技术，不是场景）` : ""}`,
  ),
  /** Why a lookup matched exactly: `exact match (S, O left open): recorded for edge computing (source)`. */
  lookupExact: phrase(
    (a: { open: readonly string[]; scenario: string; title: string }) =>
      `exact match${a.open.length > 0 ? ` (${a.open.join(", ")} left open)` : ""}: recorded for ${a.scenario} (${a.title})`,
    (a) =>
      `完全匹配${a.open.length > 0 ? `（${joinList(a.open, "zh")} 为任意）` : ""}：${a.scenario} 的记录栈（${a.title}）`,
  ),
  /** Why a lookup found a nearest stack: the dimensions it differs on, those it shares, where it is recorded. */
  lookupNearest: phrase(
    (a: { diffs: readonly string[]; same: readonly string[]; scenario: string; title: string }) =>
      `nearest: differs on ${a.diffs.join(", ")}${a.same.length ? `; same ${a.same.join(", ")}` : ""}; recorded for ${a.scenario} (${a.title})`,
    (a) =>
      `最近邻：在 ${joinList(a.diffs, "zh")} 上不同${a.same.length ? `；${joinList(a.same, "zh")} 相同` : ""}；记录于 ${a.scenario}（${a.title}）`,
  ),
  /** A set dimension's move that drops signals: `no longer traced`. */
  noLonger: phrase(
    (a: { names: { readonly en: string; readonly zh: string } }) => `no longer ${a.names.en}`,
    (a) => `不再${a.names.zh}`,
  ),
  moreSignals: phrase(
    () => "more signals",
    () => "更多信号",
  ),
  fewerSignals: phrase(
    () => "fewer signals",
    () => "更少信号",
  ),
  /** The empty set of a set dimension, as a coordinate writes it (the parser reads both spellings back). */
  noSignals: phrase(
    () => "none",
    () => "无",
  ),
  /** `lookup`'s table: the column heads around the dimensions, and the title. */
  lookupHead: (lang: Lang, a: { dims: readonly string[] }): string[] =>
    lang === "zh"
      ? ["#", "技术栈", "坐标", "距离", ...a.dims, "说明"]
      : ["#", "stack", "coordinate", "distance", ...a.dims, "why"],
  lookupTitle: phrase(
    (a: { query: string; exact: boolean; count: number }) =>
      a.exact ? `query ${a.query}: exact match` : `query ${a.query}: no exact match; the ${a.count} nearest`,
    (a) => (a.exact ? `查询 ${a.query}：完全匹配` : `查询 ${a.query}：无完全匹配，最近的 ${a.count} 个`),
  ),
};

/** The details of `evaluateMust`'s checks. */
export const MUST = {
  noRuntimeToMeasure: phrase(
    () => "the stack has no runtime to measure",
    () => "技术栈没有可测量的运行时",
  ),
  noFigure: phrase(
    (a: { metric: string; name: string }) => `no ${a.metric} figure for ${a.name} or its level`,
    (a) => `${a.name} 及其层次都没有${a.metric}数据`,
  ),
  figure: phrase(
    (a: { name: string; metric: string; figure: string; estimated: boolean; ok: boolean; range: string }) =>
      `${a.name} ${a.metric} ${a.figure}${a.estimated ? " (estimated from its level)" : ""} ${a.ok ? "within" : "outside"} ${a.range}`,
    (a) =>
      `${a.name} ${a.metric} ${a.figure}${a.estimated ? "（按其层次估算）" : ""}，${a.ok ? `在 ${a.range} 以内` : `超出 ${a.range}`}`,
  ),
  noSlotLevel: phrase(
    (a: { slot: string }) => `the stack has no ${a.slot} level`,
    (a) => `技术栈没有${slotName(a.slot, "zh")}层次`,
  ),
  bound: phrase(
    (a: { dim: string; code: string; level: string; ok: boolean; want: string; ordering?: string }) =>
      `${a.dim} ${a.code} ${a.level} ${a.ok ? "meets" : "does not meet"} ${a.want}${a.ordering ? ` (by ${a.ordering} ordering)` : ""}`,
    (a) =>
      `${a.dim} ${a.code}（${a.level}）${a.ok ? "满足" : "不满足"}“${a.want}”${a.ordering ? `（按 ${a.ordering} 排序）` : ""}`,
  ),
  noTraitStatement: phrase(
    (a: { traitId: string; trait: string; who: readonly string[] }) =>
      `no ${a.traitId} statement for ${a.who.join(", ") || "the stack"}`,
    (a) => `${joinList(a.who, "zh") || "技术栈"} 没有关于${a.trait}的说明`,
  ),
  trait: phrase(
    (a: { name: string; trait: string; value: string; via?: string }) =>
      `${a.name} ${a.trait}: ${a.value}${a.via ? ` (${a.via})` : ""}`,
    (a) => `${a.name} ${a.trait}：${a.value}${a.via ? `（${a.via}）` : ""}`,
  ),
  noOrchestratorApi: phrase(
    () => "the stack has no orchestrator, so nothing serves the Kubernetes API",
    () => "技术栈没有编排器，因此没有组件提供 Kubernetes API",
  ),
  implementsApi: phrase(
    (a: { name: string }) => `${a.name} implements the Kubernetes API`,
    (a) => `${a.name} 实现了 Kubernetes API`,
  ),
  noLinuxStatement: phrase(
    () => "no Linux-compatibility statement for the runtime",
    () => "运行时没有关于 Linux 兼容性的说明",
  ),
  linux: phrase(
    (a: { name: string; value: string; want: string }) => `${a.name} Linux compatibility: ${a.value} (needs ${a.want})`,
    (a) => `${a.name} Linux 兼容性：${a.value}（要求 ${a.want}）`,
  ),
  covers: phrase(
    (a: { signals: readonly string[] }) => `covers ${a.signals.join(", ")}`,
    (a) => `覆盖 ${joinList(a.signals, "zh")}`,
  ),
  lacksSignals: phrase(
    (a: { lacking: readonly string[]; have: readonly string[] }) =>
      `lacks ${a.lacking.join(", ")} (has ${a.have.join(", ") || "none"})`,
    (a) => `缺少 ${joinList(a.lacking, "zh")}（现有：${joinList(a.have, "zh") || "无"}）`,
  ),
  atCoordinate: phrase(
    (a: { coordinate: string }) => `at ${a.coordinate}`,
    (a) => `位于 ${a.coordinate}`,
  ),
  differsFrom: phrase(
    (a: { coordinate: string; dims: readonly string[] }) => `differs from ${a.coordinate} on ${a.dims.join(", ")}`,
    (a) => `在 ${joinList(a.dims, "zh")} 上与 ${a.coordinate} 不同`,
  ),
  includes: phrase(
    (a: { ids: readonly string[] }) => `includes ${a.ids.join(", ")}`,
    (a) => `包含 ${joinList(a.ids, "zh")}`,
  ),
  lacksParts: phrase(
    (a: { ids: readonly string[] }) => `lacks ${a.ids.join(", ")}`,
    (a) => `缺少 ${joinList(a.ids, "zh")}`,
  ),
  excludes: phrase(
    (a: { ids: readonly string[] }) => `excludes ${a.ids.join(", ")}`,
    (a) => `不含 ${joinList(a.ids, "zh")}`,
  ),
  contains: phrase(
    (a: { ids: readonly string[] }) => `contains ${a.ids.join(", ")}`,
    (a) => `含有 ${joinList(a.ids, "zh")}`,
  ),
};
