/** @module i18n/messages — the CLI's fixed words in English and Chinese, and the helper for sentences with parameters. */
import type { Lang } from "./lang.js";

const MESSAGES = {
  id: { en: "id", zh: "标识" },
  name: { en: "name", zh: "名称" },
  role: { en: "role", zh: "角色" },
  released: { en: "released", zh: "发布" },
  cncf: { en: "CNCF", zh: "CNCF" },
  coordinate: { en: "coordinate", zh: "坐标" },
  aliases: { en: "aliases", zh: "别名" },
  summary: { en: "summary", zh: "简介" },
  position: { en: "position", zh: "维度位置" },
  facts: { en: "facts", zh: "数据" },
  relations: { en: "relations", zh: "关系" },
  traits: { en: "traits", zh: "特性" },
  versions: { en: "versions", zh: "版本" },
  links: { en: "links", zh: "链接" },
  claims: { en: "disputed claims", zh: "存疑说法" },
  sources: { en: "sources", zh: "来源" },
  metric: { en: "metric", zh: "指标" },
  value: { en: "value", zh: "数值" },
  scope: { en: "scope", zh: "范围" },
  conditions: { en: "conditions", zh: "条件" },
  source: { en: "source", zh: "来源" },
  grade: { en: "grade", zh: "等级" },
  type: { en: "type", zh: "类型" },
  target: { en: "target", zh: "目标" },
  level: { en: "level", zh: "层次" },
  count: { en: "technologies", zh: "技术数" },
  dimension: { en: "dimension", zh: "维度" },
  errors: { en: "errors", zh: "错误" },
  warnings: { en: "warnings", zh: "警告" },
  noMatches: { en: "No technology matches these filters.", zh: "没有符合筛选条件的技术。" },
  technologiesFound: { en: "technologies", zh: "项技术" },
  kbValid: { en: "knowledge base is valid", zh: "知识库校验通过" },
  kbInvalid: { en: "knowledge base has errors", zh: "知识库存在错误" },
  didYouMean: { en: "did you mean", zh: "是否要找" },
  vendorClaim: { en: "vendor claim", zh: "厂商说法" },
  asOf: { en: "as of", zh: "截至" },
  versionCurrent: { en: "current", zh: "当前" },
  versionHistorical: { en: "historical", zh: "历史" },
  firstCommit: { en: "first commit", zh: "首次提交" },
  incoming: { en: "incoming", zh: "入边" },
  reason: { en: "reason", zh: "原因" },
  via: { en: "via", zh: "方式" },
  positions: { en: "positions", zh: "各方说法" },
  resolution: { en: "resolution", zh: "处理" },
  perLevel: { en: "technologies per level", zh: "各层次技术数" },
  totals: { en: "totals", zh: "总计" },
  targetCoordinate: { en: "target coordinate", zh: "目标坐标" },
  weights: { en: "weights", zh: "权重" },
  weightsHand: { en: "hand", zh: "人工设定" },
  weightsLearned: { en: "learned", zh: "学习所得" },
  noStack: { en: "No stack meets every requirement.", zh: "没有满足全部约束的技术栈。" },
  stack: { en: "stack", zh: "技术栈" },
  score: { en: "score", zh: "得分" },
  why: { en: "why", zh: "理由" },
  rejectedHeading: { en: "rejected:", zh: "未选：" },
  relax: { en: "relax", zh: "放宽" },
  paretoHeading: { en: "pareto:", zh: "帕累托前沿：" },
  scenario: { en: "scenario", zh: "场景" },
  handSet: { en: "hand-set", zh: "人工权重" },
  learned: { en: "learned", zh: "学习权重" },
  uses: { en: "uses", zh: "采用" },
  all: { en: "all", zh: "全部" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * A fixed word or phrase in the requested language.
 * @example t("errors", "zh") // "错误"
 */
export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/**
 * A sentence with parameters, written once per language; the result renders it in the language asked for.
 * Callers pass the figures, ids and codes; each language decides the words and the order around them.
 * @example const meets = phrase((a: { key: string }) => `meets ${a.key}`, (a) => `满足 ${a.key}`); meets("zh", { key: "gpu" }) // "满足 gpu"
 */
export function phrase<A = void>(en: (args: A) => string, zh: (args: A) => string): (lang: Lang, args: A) => string {
  return (lang, args) => (lang === "zh" ? zh(args) : en(args));
}

/**
 * A list in running text: `a, b` in English, `a、b` in Chinese.
 * @example joinList(["O1", "O2"], "zh") // "O1、O2"
 */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

/**
 * A label and its text: `label: text` in English, `label：text` in Chinese.
 * @example labelled("风险", "…", "zh") // "风险：…"
 */
export function labelled(label: string, text: string, lang: Lang): string {
  return `${label}${lang === "zh" ? "：" : ": "}${text}`;
}

/**
 * Clauses in running text: `a; b` in English, `a；b` in Chinese.
 * @example joinClauses(["a", "b"], "zh") // "a；b"
 */
export function joinClauses(items: readonly string[], lang: Lang): string {
  return items.join(lang === "zh" ? "；" : "; ");
}

/**
 * Items of one enumeration in a line: `a, b` in English, `a，b` in Chinese.
 * @example joinCommas(["2020-08-19 接纳", "2022-09-14 孵化"], "zh") // "2020-08-19 接纳，2022-09-14 孵化"
 */
export function joinCommas(items: readonly string[], lang: Lang): string {
  return items.join(lang === "zh" ? "，" : ", ");
}
