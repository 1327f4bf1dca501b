/**
 * @module i18n/requirements-phrases — the messages of the requirements parser (file and flags), in English
 * and Chinese. Keys (`coldStartMs`, `must`), level codes, file positions and suggestions pass through as given.
 */
import { zhCN } from "zod/locales";
import type { Lang } from "./lang.js";
import { joinList, phrase } from "./messages.js";

export const REQ = {
  /** Where a problem is when it has no file: a line and a column. */
  lineColumn: phrase(
    (a: { line: number; column: number }) => `line ${a.line}, column ${a.column}`,
    (a) => `第 ${a.line} 行第 ${a.column} 列`,
  ),
  didYouMean: phrase(
    (a: { options: readonly string[] }) => ` (did you mean ${a.options.join(", ")}?)`,
    (a) => `（是否要找 ${joinList(a.options, "zh")}？）`,
  ),
  /** The first line of the error, before the problems one per line. */
  problems: phrase(
    (a: { count: number }) =>
      `recommend: ${a.count === 1 ? "the requirements have a problem" : `the requirements have ${a.count} problems`}:`,
    (a) => `recommend：要求中有 ${a.count} 处问题：`,
  ),
  unknownKey: phrase(
    (a: { key: string; parent: string }) => `unknown key "${a.key}"${a.parent ? ` in ${a.parent}` : ""}`,
    (a) => `${a.parent ? `${a.parent} 中` : ""}有未知的键 "${a.key}"`,
  ),
  unknownScenario: phrase(
    (a: { name: string }) => `unknown scenario "${a.name}"`,
    (a) => `未知场景 "${a.name}"`,
  ),
  unknownTechnology: phrase(
    (a: { name: string }) => `unknown technology "${a.name}"`,
    (a) => `未知技术 "${a.name}"`,
  ),
  notALevel: phrase(
    (a: { value: string; dim: string; en: string; zh: string }) => `"${a.value}" is not a level of ${a.dim} (${a.en})`,
    (a) => `"${a.value}" 不是 ${a.dim}（${a.zh}）的层次`,
  ),
  notASignal: phrase(
    (a: { code: string; dim: string }) => `"${a.code}" is not a signal of ${a.dim}`,
    (a) => `"${a.code}" 不是 ${a.dim} 的信号`,
  ),
  allWeightsZero: phrase(
    () => "every preference weight is 0: give at least one a positive weight",
    () => "所有偏好权重都是 0：请至少给一项正的权重",
  ),
  notKeyValue: phrase(
    (a: { pair: string }) => `"${a.pair}" is not key=value (e.g. coldStartMs=10)`,
    (a) => `"${a.pair}" 不是 key=value 形式（例如 coldStartMs=10）`,
  ),
  notTermWeight: phrase(
    (a: { pair: string }) => `"${a.pair}" is not term=weight (e.g. startup=3)`,
    (a) => `"${a.pair}" 不是 term=weight 形式（例如 startup=3）`,
  ),
  /** The problems past the located ones, counted. */
  moreProblems: phrase(
    (a: { count: number }) => `${a.count} more problem${a.count === 1 ? "" : "s"} not listed`,
    (a) => `另有 ${a.count} 处问题未列出`,
  ),
  yamlUnreadable: phrase(
    (a: { error: string }) => `the YAML could not be read: ${a.error}`,
    (a) => `无法读取该 YAML：${a.error}`,
  ),
};

/** The requirements schema's own messages (src/model), as the schema states them, and in Chinese. */
const SCHEMA_ZH: Readonly<Record<string, string>> = {
  "give `min`, `max` or both": "请给出 `min`、`max` 或两者",
  "`min` is above `max`: nothing can satisfy this range": "`min` 大于 `max`：没有值能满足这个范围",
  "give `atLeast`, `atMost` or `equals`": "请给出 `atLeast`、`atMost` 或 `equals`",
  "`equals` excludes `atLeast` and `atMost`": "`equals` 不能与 `atLeast`、`atMost` 同时给出",
  "a level code looks like L-4, X2, Z3, A1, O2 or T5": "层次代码形如 L-4、X2、Z3、A1、O2 或 T5",
};

/**
 * A schema message in the language asked for: the model's own messages have a Chinese version here;
 * any other (the schema library's, already in the language asked for) passes through.
 * @example schemaMessage("give `min`, `max` or both", "zh") // "请给出 `min`、`max` 或两者"
 */
export function schemaMessage(message: string, lang: Lang): string {
  return lang === "zh" ? (SCHEMA_ZH[message] ?? message) : message;
}

const YAML_ZH: Readonly<Record<string, string>> = {
  ALIAS_PROPS: "别名节点不能带属性",
  BAD_ALIAS: "锚点或别名写法不正确",
  BAD_COLLECTION_TYPE: "标签与集合类型不符",
  BAD_DQ_ESCAPE: "双引号字符串中有无效的转义",
  BAD_INDENT: "缩进不正确",
  BAD_PROP_ORDER: "锚点和标签的位置不正确",
  BAD_SCALAR_START: "普通值不能以这个字符开头",
  BLOCK_AS_IMPLICIT_KEY: "块结构不能用作隐式键",
  BLOCK_IN_FLOW: "流式结构中不能出现块结构",
  DUPLICATE_KEY: "映射中的键重复",
  IMPOSSIBLE: "无法解析的结构",
  KEY_OVER_1024_CHARS: "隐式键超过 1024 个字符",
  MISSING_CHAR: "缺少必要的字符（如冒号、逗号、空格、闭合的引号或括号）",
  MULTILINE_IMPLICIT_KEY: "隐式键必须写在同一行",
  MULTIPLE_ANCHORS: "一个节点最多只能有一个锚点",
  MULTIPLE_DOCS: "只能有一个 YAML 文档",
  MULTIPLE_TAGS: "一个节点最多只能有一个标签",
  NON_STRING_KEY: "键必须是字符串",
  TAB_AS_INDENT: "不能用制表符缩进",
  TAG_RESOLVE_FAILED: "无法解析的标签",
  UNEXPECTED_TOKEN: "出现了意外的内容",
};

/** The parse budget's refusals (kb/parse-yaml.ts), with their figures. */
const YAML_BUDGET_ZH: Readonly<Record<string, (p: { limit: number; found?: number }) => string>> = {
  TOO_LARGE: (p) => `文本长 ${p.found ?? "?"} 个字符，超过上限 ${p.limit}`,
  TOO_MANY_NODES: (p) => `值的个数超过上限 ${p.limit}`,
  TOO_DEEP: (p) => `嵌套超过 ${p.limit} 层`,
  DUPLICATE_KEY: (p) => `另有 ${(p.found ?? p.limit) - p.limit} 个重复的键（只列出前 ${p.limit} 个）`,
};

/**
 * A YAML syntax error in the language asked for: the parser's own (English) message, or in Chinese the
 * error's code explained (flow collections that are not closed named as such).
 * @example yamlError({ code: "DUPLICATE_KEY", message: "Map keys must be unique" }, "zh") // "YAML 语法错误（DUPLICATE_KEY）：映射中的键重复"
 */
export function yamlError(
  e: { readonly code: string; readonly message: string; readonly params?: { limit: number; found?: number } },
  lang: Lang,
): string {
  if (lang !== "zh") return e.message;
  const budget = e.params === undefined ? undefined : YAML_BUDGET_ZH[e.code]?.(e.params);
  if (budget !== undefined) return `YAML 超出限制（${e.code}）：${budget}`;
  const flow = /^Flow (map|sequence) in block collection/.exec(e.message);
  const what = flow
    ? `流式${flow[1] === "map" ? "映射" : "序列"}须充分缩进，并以 ${flow[1] === "map" ? "}" : "]"} 结尾`
    : (YAML_ZH[e.code] ?? "无法解析");
  return `YAML 语法错误（${e.code}）：${what}`;
}

const ZH_SCHEMA_ERRORS = { error: zhCN().localeError };

/**
 * The schema library's parse options for a language: its own messages in Chinese for `zh` (the model's
 * own messages are translated apart, by {@link schemaMessage}), its defaults for English.
 * @example System.safeParse(input, schemaErrors("zh"))
 */
export function schemaErrors(lang: Lang): typeof ZH_SCHEMA_ERRORS | undefined {
  return lang === "zh" ? ZH_SCHEMA_ERRORS : undefined;
}

/** The requirement keys (`must.*` and the preference terms) as Chinese reads them. */
const KEY_ZH: Readonly<Record<string, string>> = {
  coldStartMs: "冷启动时间",
  memoryMiB: "每实例内存",
  isolation: "隔离",
  gpu: "GPU 访问",
  untrustedCode: "适合不可信代码",
  multiTenant: "多租户",
  offline: "离线自治",
  linuxCompatibility: "Linux 兼容性",
  kubernetesApi: "Kubernetes API",
  orchestration: "编排",
  policy: "策略",
  observability: "可观测性",
  coordinate: "目标坐标",
  include: "必须包含",
  exclude: "必须排除",
  capabilities: "能力",
  prefer: "偏好权重",
  startup: "启动",
  footprint: "资源占用",
  overhead: "开销",
  maturity: "成熟度",
  fit: "场景契合",
  parts: "部件",
  view: "架构视图",
};

const UNIT_OF: Readonly<Record<string, string>> = { coldStartMs: "ms", memoryMiB: "MiB" };
const BOUND_ZH: Readonly<Record<string, string>> = { atLeast: "至少", atMost: "至多", equals: "等于" };
const VALUE_ZH: Readonly<Record<string, string>> = { full: "完全", most: "大部分" };

/**
 * A requirement key (`coldStartMs`, `must.offline`, `prefer`, `startup`): as written in English, its
 * name in Chinese.
 * @example requirementKey("must.coldStartMs", "zh") // "冷启动时间"
 */
export function requirementKey(key: string, lang: Lang): string {
  if (lang === "en") return key;
  const bare = key.startsWith("must.") ? key.slice("must.".length) : key;
  return KEY_ZH[bare] ?? bare;
}

function valueZh(key: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "string") return VALUE_ZH[value] ?? value;
  if (Array.isArray(value)) return joinList(value.map(String), "zh");
  if (value !== null && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const unit = UNIT_OF[key] === undefined ? "" : ` ${UNIT_OF[key]}`;
    if ("min" in v || "max" in v) {
      if (v.min !== undefined && v.max !== undefined) return `${v.min}–${v.max}${unit}`;
      return v.max !== undefined ? `≤ ${v.max}${unit}` : `≥ ${v.min}${unit}`;
    }
    return Object.entries(v)
      .map(([k, x]) => `${BOUND_ZH[k] ?? KEY_ZH[k] ?? k} ${x}`)
      .join("，");
  }
  return String(value);
}

/**
 * A requirement and its value: `must.coldStartMs {"max":50}` in English (as the files write it),
 * `冷启动时间 ≤ 50 ms` in Chinese.
 * @example requirementText("must.offline", true, "zh") // "离线自治：是"
 */
export function requirementText(key: string, value: unknown, lang: Lang): string {
  if (lang === "en") return `${key} ${JSON.stringify(value)}`;
  const bare = key.startsWith("must.") ? key.slice("must.".length) : key;
  const text = valueZh(bare, value);
  return typeof value === "boolean" ? `${requirementKey(key, lang)}：${text}` : `${requirementKey(key, lang)} ${text}`;
}
