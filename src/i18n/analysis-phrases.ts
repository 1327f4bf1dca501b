/**
 * @module i18n/analysis-phrases — the sentences of `analyze` (its findings and table words) and of
 * `export` in English and Chinese. Ids, level codes, dimension keys, figures and file paths pass
 * through as given.
 */
import { columns } from "./columns.js";
import type { Lang } from "./lang.js";
import { phrase } from "./messages.js";

const FINDING_ZH: Readonly<Record<string, string>> = {
  "isolated-technology": "孤立技术",
  "interface-without-implementers": "无实现的接口",
  "stated-coordinate-disagrees": "所述坐标不符",
  "incomplete-recorded-stack": "记录栈不完整",
  "conflict-in-recorded-stack": "记录栈内冲突",
};

/**
 * A consistency finding's kind as the table shows it: the code in English, its Chinese name in Chinese.
 * @example findingKind("isolated-technology", "zh") // "孤立技术"
 */
export function findingKind(kind: string, lang: Lang): string {
  return lang === "zh" ? (FINDING_ZH[kind] ?? kind) : kind;
}

export const ANALYZE = {
  /** The figure-coverage tables: a heading per grouping. */
  coverageBy: phrase(
    (a: { by: "role" | "scenario" }) =>
      `technologies with own figures, per ${a.by} (columns: the metrics most technologies have):`,
    (a) => `各${a.by === "role" ? "角色" : "场景"}中有自有数据的技术数（列：覆盖技术最多的指标）：`,
  ),
  /** The coverage table's header: the grouping, the counts and the metric columns (names already in `lang`). */
  coverageHead: (lang: Lang, a: { by: "role" | "scenario"; metrics: readonly string[] }): string[] =>
    lang === "zh"
      ? [a.by === "role" ? "角色" : "场景", "技术数", "有数据", ...a.metrics, "无日期数据"]
      : [a.by, "technologies", "with figures", ...a.metrics, "undated figures"],
  isolated: phrase(
    (a: { id: string }) => `${a.id} has no relation to any other technology`,
    (a) => `${a.id} 与其他技术没有任何关系`,
  ),
  noImplementer: phrase(
    (a: { id: string }) => `no technology implements ${a.id}; dependencies on it cannot be met by a part`,
    (a) => `没有技术实现 ${a.id}；对它的依赖无法由部件满足`,
  ),
  statedDisagrees: phrase(
    (a: { id: string; key: string; stated: string; computed: string }) =>
      `${a.id}: the source states ${a.key} = ${a.stated}, the parts give ${a.computed}`,
    (a) => `${a.id}：来源所述 ${a.key} = ${a.stated}，由部件得出的是 ${a.computed}`,
  ),
  conflict: phrase(
    (a: { id: string; a: string; b: string; reason: string }) => `${a.id}: ${a.a} conflicts with ${a.b}: ${a.reason}`,
    (a) => `${a.id}：${a.a} 与 ${a.b} 冲突：${a.reason}`,
  ),
  unknownMatrixDimension: phrase(
    (a: { key: string }) => `analyze: unknown dimension "${a.key}" for the matrix`,
    (a) => `analyze：矩阵的维度 "${a.key}" 不存在`,
  ),
  /** The table's lines. */
  size: phrase(
    (a: { nodes: number; edges: number }) => `${a.nodes} technologies, ${a.edges} relations`,
    (a) => `${a.nodes} 项技术，${a.edges} 条关系`,
  ),
  centralityHead: columns(
    ["id", "in", "out", "betweenness", "pagerank"],
    ["标识", "入度", "出度", "介数中心性", "PageRank"],
  ),
  communities: phrase(
    (a: { modularity: number }) => `communities (modularity ${a.modularity}):`,
    (a) => `社区（模块度 ${a.modularity}）：`,
  ),
  gaps: phrase(
    () => "gaps:",
    () => "缺口：",
  ),
  emptyLevel: phrase(
    (a: { dimension: string; level: string }) => `  ${a.dimension} ${a.level}: no technology`,
    (a) => `  ${a.dimension} ${a.level}：无技术`,
  ),
  unrecorded: phrase(
    (a: { dims: string; unrecorded: number; cells: number; list: string }) =>
      `  ${a.dims}: ${a.unrecorded}/${a.cells} cells no recorded stack reaches: ${a.list}`,
    (a) => `  ${a.dims}：${a.unrecorded}/${a.cells} 格无记录栈：${a.list}`,
  ),
  correlations: phrase(
    () => "correlations (recorded stacks):",
    () => "维度相关（基于记录栈）：",
  ),
  consistency: phrase(
    (a: { count: number }) => `consistency (${a.count}):`,
    (a) => `一致性（${a.count}）：`,
  ),
  /** A finding about one rule: `rule-id: why`. */
  ruleFinding: phrase(
    (a: { rule: string; why: string }) => `${a.rule}: ${a.why}`,
    (a) => `${a.rule}：${a.why}`,
  ),
};

export const EXPORT = {
  needBoth: phrase(
    () => "export: a migration needs both --from and --to",
    () => "export：迁移需要同时给出 --from 和 --to",
  ),
  /** The HTTP API's wording (its query parameters have no dashes). */
  needBothApi: phrase(
    () => "export: a migration needs both from and to",
    () => "export：迁移需要同时给出 from 和 to",
  ),
  stackOrMigration: phrase(
    () => "export: give a stack or a migration (from, to), not both",
    () => "export：技术栈和迁移（from、to）只能给一个",
  ),
  viaNeedsEnds: phrase(
    () => "export: via needs from and to",
    () => "export：via 需要同时给出 from 和 to",
  ),
  wrote: phrase(
    (a: { file: string }) => `wrote ${a.file}`,
    (a) => `已写入 ${a.file}`,
  ),
  migrationTitle: phrase(
    () => "migration",
    () => "迁移",
  ),
  /** The exported network's title. */
  networkTitle: phrase(
    () => "stackatlas network",
    () => "stackatlas 关系网络",
  ),
};
