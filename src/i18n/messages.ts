/** @module i18n/messages — the CLI's fixed words in English and Chinese. */
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
  incoming: { en: "incoming", zh: "入边" },
  reason: { en: "reason", zh: "原因" },
  via: { en: "via", zh: "方式" },
  positions: { en: "positions", zh: "各方说法" },
  resolution: { en: "resolution", zh: "处理" },
  perLevel: { en: "technologies per level", zh: "各层次技术数" },
  totals: { en: "totals", zh: "总计" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * A fixed word or phrase in the requested language.
 * @example t("errors", "zh") // "错误"
 */
export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}
