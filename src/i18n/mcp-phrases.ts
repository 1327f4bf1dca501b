/**
 * @module i18n/mcp-phrases — the MCP server's words in English and Chinese: each tool's title and
 * description (in the language `stackatlas mcp --lang` names), and the lines of its short answers.
 */
import type { Lang } from "./lang.js";
import { phrase } from "./messages.js";

type Words = { readonly en: string; readonly zh: string };

/** Each tool's title and description, by tool name. */
export const MCP_TOOL_WORDS: Readonly<Record<string, { readonly title: Words; readonly description: Words }>> = {
  lookup: {
    title: { en: "Stacks at a coordinate", zh: "按坐标查技术栈" },
    description: {
      en: 'Stacks at a seven-dimension coordinate — exact, partial (* = any) or the nearest, with the distance per dimension and the recorded stacks (with sources) behind each. Coordinate: "(D, X, Z, T, A, S, O)", e.g. "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)", or "D=4 X=2 S=edge".',
      zh: '七维坐标上的技术栈：完全匹配、部分匹配（* 表示任意）或最近的若干个，给出每一维的距离以及背后有来源的已记录技术栈。坐标写作 "(D, X, Z, T, A, S, O)"，例如 "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)"，或 "D=4 X=2 S=edge"。',
    },
  },
  locate: {
    title: { en: "Coordinate of a stack", zh: "技术栈的坐标" },
    description: {
      en: 'The coordinate of a stack ("K3s + WasmEdge + Gatekeeper", or case:ID), whether it is complete (dependencies) and consistent (conflicts, years, one part per slot).',
      zh: '一个技术栈（如 "K3s + WasmEdge + Gatekeeper" 或 case:ID）的坐标，以及它是否完整（依赖）、是否一致（冲突、年份、每个槽位一个组件）。',
    },
  },
  scenario: {
    title: { en: "A scenario's stacks", zh: "场景的技术栈" },
    description: {
      en: "Every known stack for a scenario (id, name or alias: edge, serverless, 边缘计算 …), its coordinate, the scenario's typical requirements it meets and misses, with sources.",
      zh: "某个场景（标识、名称或别名：edge、serverless、边缘计算 …）的全部已知技术栈、坐标、满足与未满足的典型需求，附来源。",
    },
  },
  list_scenarios: {
    title: { en: "List scenarios", zh: "列出场景" },
    description: {
      en: "The scenarios of the knowledge base with their names, aliases and how many reference stacks and cases each has.",
      zh: "知识库中的场景：名称、别名，以及各自的参考技术栈与案例数量。",
    },
  },
  recommend: {
    title: { en: "Recommend stacks", zh: "推荐技术栈" },
    description: {
      en: "Ranked, explained stacks for requirements: dimension analysis → target coordinate → stacks, each with the terms and figures (sources and grades) it was scored on, trade-offs against the next, and `rejected`: why the alternatives lost (why not). Requirements: scenario, year, must {coldStartMs {max}, memoryMiB {max}, isolation {atLeast}, policy {atLeast: Z3}, observability [O1 traces/OTLP, O2 kernel/eBPF], …}, prefer {startup, isolation, footprint, …}.",
      zh: "按需求给出排序并附解释的技术栈：先做维度分析，得出目标坐标，再给技术栈；每个技术栈附打分所依据的各项与数据（含来源和等级）、与下一名的取舍，`rejected` 说明其他方案为何落选。需求：scenario、year、must {coldStartMs {max}、memoryMiB {max}、isolation {atLeast}、policy {atLeast: Z3}、observability [O1 链路/OTLP、O2 内核/eBPF] …}、prefer {startup、isolation、footprint …}。",
    },
  },
  compare: {
    title: { en: "Compare two sides", zh: "对比两方" },
    description: {
      en: "Two stacks, technologies, recorded stacks (case:ID) or coordinates side by side: what moves on each dimension, the ordering answers (is gVisor more strongly isolated than runc?) and the figures of both with sources.",
      zh: "并排对比两个技术栈、技术、已记录技术栈（case:ID）或坐标：每一维如何变化、序关系的回答（gVisor 的隔离是否强于 runc？）以及双方带来源的数据。",
    },
  },
  path: {
    title: { en: "A scenario's evolution path", zh: "场景的演进路径" },
    description: {
      en: "A scenario's coordinate year by year from its dated history, every change with its cause and source.",
      zh: "依据有日期的历史，逐年给出某场景的坐标，每次变化附原因与来源。",
    },
  },
  predict: {
    title: { en: "Forecast a scenario", zh: "预测场景走向" },
    description: {
      en: "A scenario's coordinate forecast per dimension and year, fitted on its dated history, each with an interval and a confidence measured by a backtest.",
      zh: "依据有日期的历史，按维度逐年预测某场景的坐标，每项附区间和由回测得出的置信度。",
    },
  },
  design: {
    title: { en: "Design a platform", zh: "设计平台" },
    description: {
      en: "One platform for a system: `system` is a system file (YAML or JSON: workloads with requirements, platform constraints) or a `kubectl get pods,deployments,runtimeclasses -A -o json` export; the answer is the shared orchestrator, policy and observability and a runtime per workload class as Kubernetes RuntimeClasses.",
      zh: "为一个系统设计一个平台：`system` 是系统描述文件（YAML 或 JSON：带需求的工作负载、平台约束）或 `kubectl get pods,deployments,runtimeclasses -A -o json` 的导出；结果是共享的编排、策略与可观测性，以及按工作负载类别选出的运行时（Kubernetes RuntimeClass）。",
    },
  },
  migrate: {
    title: { en: "Plan a migration", zh: "规划迁移" },
    description: {
      en: "A migration plan from one stack to another (parts joined by +, or case:ID): ordered steps that respect dependencies, each with its coordinate delta, the figures of what comes and goes, and its risks.",
      zh: "从一个技术栈迁移到另一个（组件用 + 连接，或 case:ID）的计划：遵守依赖的有序步骤，每步附坐标变化、进出组件的数据与风险。",
    },
  },
  observe: {
    title: { en: "Observability of a stack", zh: "技术栈的可观测性" },
    description: {
      en: 'A stack\'s observability: which signals (O1–O5) its parts collect and how far into its runtime they see, the verdict on "complete = O1 + O2", the gaps and the tools that would close them.',
      zh: "技术栈的可观测性：各组件采集哪些信号（O1–O5）、能看到运行时的多深处，对“完整 = O1 + O2”的判断，缺口以及能补上缺口的工具。",
    },
  },
  diagnose: {
    title: { en: "Localise a fault", zh: "定位故障" },
    description: {
      en: "Localise a fault from a vertical signal (log line or kernel event: OOMKilled, EPT violation) and a horizontal one (what the trace shows: span duration 2s, trace break, 5xx): the layer L-0…L-4, likely causes and fixes with sources.",
      zh: "由纵向信号（日志或内核事件：OOMKilled、EPT violation）和横向信号（链路追踪所见：span 耗时 2s、链路中断、5xx）定位故障：所在层 L-0…L-4、可能原因与修复办法，附来源。",
    },
  },
  show_technology: {
    title: { en: "Show a technology", zh: "查看技术" },
    description: {
      en: "Everything known about one technology (id, name in English or Chinese, or alias): coordinate, facts, traits, relations, disputed claims, with sources.",
      zh: "某项技术（标识、中英文名称或别名）的全部已知信息：坐标、数据、特性、关系、存疑说法，附来源。",
    },
  },
  list_technologies: {
    title: { en: "List or search technologies", zh: "列出或搜索技术" },
    description: {
      en: "Technologies filtered by level (L-4, X2, Z3, D=4 …), role, scenario, release years, CNCF maturity or text (English or Chinese).",
      zh: "按层次（L-4、X2、Z3、D=4 …）、角色、场景、发布年份、CNCF 成熟度或文本（中英文）筛选技术。",
    },
  },
};

/** The lines of the MCP server's short answers. */
export const MCP = {
  sources: phrase(
    () => "Sources",
    () => "来源",
  ),
  more: phrase(
    (a: { n: number }) => `… and ${a.n} more`,
    (a) => `… 另有 ${a.n} 项`,
  ),
  structured: phrase(
    () => "The full answer is in the structured content.",
    () => "完整结果见结构化内容。",
  ),
  exact: phrase(
    (a: { query: string }) => `${a.query}: exact match`,
    (a) => `${a.query}：完全匹配`,
  ),
  nearest: phrase(
    (a: { query: string; n: number }) => `${a.query}: no exact match; the ${a.n} nearest`,
    (a) => `${a.query}：无完全匹配，最近的 ${a.n} 个`,
  ),
  ranked: phrase(
    (a: { n: number }) => `${a.n} stacks, best first`,
    (a) => `${a.n} 个技术栈，按名次排列`,
  ),
  whyNot: phrase(
    () => "Why not",
    () => "为何落选",
  ),
  count: phrase(
    (a: { n: number }) => `${a.n} found`,
    (a) => `共 ${a.n} 项`,
  ),
  score: phrase(
    (a: { score: string }) => `score ${a.score}`,
    (a) => `得分 ${a.score}`,
  ),
  located: phrase(
    (a: { complete: boolean; consistent: boolean }) =>
      `complete: ${a.complete ? "yes" : "no"}, consistent: ${a.consistent ? "yes" : "no"}`,
    (a) => `完整：${a.complete ? "是" : "否"}，一致：${a.consistent ? "是" : "否"}`,
  ),
  forecastFrom: phrase(
    (a: { year: string }) => `from the ${a.year} record`,
    (a) => `以 ${a.year} 年的记录为起点`,
  ),
  confidence: phrase(
    (a: { value: string }) => `confidence ${a.value}`,
    (a) => `置信度 ${a.value}`,
  ),
  workloadMet: phrase(
    (a: { met: boolean }) => (a.met ? "every requirement met" : "requirements unmet"),
    (a) => (a.met ? "需求全部满足" : "有未满足的需求"),
  ),
  observed: phrase(
    (a: { complete: boolean }) => `complete observability (O1 + O2): ${a.complete ? "yes" : "no"}`,
    (a) => `完整可观测性（O1 + O2）：${a.complete ? "是" : "否"}`,
  ),
  gap: phrase(
    (a: { signal: string; name: string; kind: string }) => `gap: ${a.signal} ${a.name} (${a.kind})`,
    (a) => `缺口：${a.signal} ${a.name}（${a.kind}）`,
  ),
  resourceDimensions: phrase(
    () => "The seven dimensions: levels, names, orderings and rules",
    () => "七个维度：层次、名称、序关系与规则",
  ),
  resourceTechnology: phrase(
    () => "A technology: coordinate, facts, traits, relations, with sources",
    () => "一项技术：坐标、数据、特性、关系，附来源",
  ),
  resourceScenario: phrase(
    () => "A scenario: its stacks, coordinates and requirements, with sources",
    () => "一个场景：技术栈、坐标与需求，附来源",
  ),
  serverInstructions: phrase(
    () =>
      'stackatlas: a knowledge graph of cloud-native infrastructure on seven dimensions (D isolation, X orchestration, Z policy, T time, A architecture view, S scenario, O observability). Every figure carries its source and grade (A official … C third-party, U unverified). Pass lang: "zh" for answers in Chinese.',
    () =>
      'stackatlas：云原生基础设施七维知识图谱（D 隔离、X 编排、Z 策略、T 时间、A 架构视图、S 场景、O 可观测性）。每个数据都附来源和等级（A 官方 … C 第三方，U 未核实）。传 lang: "en" 可得英文回答。',
  ),
};

/** A tool's title or description in a language. */
export function toolWords(name: string, lang: Lang): { title: string; description: string } {
  const w = MCP_TOOL_WORDS[name];
  if (!w) throw new Error(`invariant failed: the MCP tool "${name}" has no words`);
  return { title: w.title[lang], description: w.description[lang] };
}
