/**
 * @module i18n/vocabulary-phrases — the knowledge base's closed vocabularies as people read them: roles,
 * relation kinds, figure scopes, trait values and counted units. English shows the word as the data
 * writes it (what `--role` and the files take); Chinese shows its name. A word not listed passes through.
 */
import { type Fact, formatFigure } from "../model/fact.js";
import type { Lang } from "./lang.js";

const ROLE_ZH: Readonly<Record<string, string>> = {
  hardware: "硬件",
  hypervisor: "虚拟机监视器",
  runtime: "运行时",
  engine: "引擎",
  shim: "垫片",
  orchestrator: "编排器",
  policy: "策略",
  observability: "可观测性",
  interface: "接口",
  plugin: "插件",
  framework: "框架",
  platform: "平台",
  mesh: "服务网格",
  identity: "身份",
  delivery: "交付",
  "supply-chain": "供应链",
  serving: "模型服务",
  scheduler: "调度器",
  lifecycle: "生命周期",
  "node-os": "节点操作系统",
};

const RELATION_ZH: Readonly<Record<string, string>> = {
  "depends-on": "依赖",
  implements: "实现",
  "runs-on": "运行于",
  "compatible-with": "兼容",
  "conflicts-with": "冲突",
  "alternative-to": "可替代",
  supersedes: "取代",
  "part-of": "属于",
};

const SCOPE_ZH: Readonly<Record<string, string>> = {
  instance: "实例",
  pod: "Pod",
  node: "节点",
  cluster: "集群",
  request: "请求",
  binary: "二进制",
  process: "进程",
  host: "宿主机",
};

const TRAIT_VALUE_ZH: Readonly<Record<string, string>> = {
  none: "无",
  passthrough: "直通",
  proxied: "代理",
  plugin: "插件",
  native: "原生",
  full: "完全",
  most: "大部分",
  partial: "部分",
};

/** Units that are words: the rest (ms, MiB, %) are symbols and read the same in both languages. */
const UNIT_ZH: Readonly<Record<string, string>> = {
  cores: "核",
  mcores: "毫核",
  "%core": "% 核",
  score: "分",
  x: "倍",
};

const pick = (table: Readonly<Record<string, string>>, word: string, lang: Lang) =>
  lang === "zh" ? (table[word] ?? word) : word;

/**
 * A technology's role: the id in English, its Chinese name in Chinese.
 * @example roleName("orchestrator", "zh") // "编排器"
 */
export const roleName = (role: string, lang: Lang): string => pick(ROLE_ZH, role, lang);

/**
 * A relation kind: `depends-on` in English, `依赖` in Chinese.
 * @example relationName("depends-on", "zh") // "依赖"
 */
export const relationName = (type: string, lang: Lang): string => pick(RELATION_ZH, type, lang);

/**
 * The scope a figure holds for: `node` in English, `节点` in Chinese.
 * @example scopeName("node", "zh") // "节点"
 */
export const scopeName = (scope: string, lang: Lang): string => pick(SCOPE_ZH, scope, lang);

/**
 * A stated trait value: as written in English; in Chinese a yes/no reads 是/否 and a word its name.
 * @example traitValueName("partial", "zh") // "部分"
 */
export function traitValueName(value: unknown, lang: Lang): string {
  if (lang === "zh" && typeof value === "boolean") return value ? "是" : "否";
  return pick(TRAIT_VALUE_ZH, String(value), lang);
}

/**
 * A figure's unit after its number: as written in English, its Chinese word where it is a word.
 * @example unitName("cores", "zh") // "核"
 */
export const unitName = (unit: string, lang: Lang): string => pick(UNIT_ZH, unit, lang);

/**
 * A figure as the data states it, its unit in the language asked for: "2 cores" / "2 核".
 * @example figureText({ value: 2, unit: "cores" }, "zh") // "2 核"
 */
export function figureText(fact: Pick<Fact, "value" | "min" | "max" | "unit">, lang: Lang): string {
  return formatFigure({ ...fact, unit: unitName(fact.unit, lang) });
}

/**
 * A figure an engine has already written out ("0.06 cores", "81–280 ms"), its word unit in the language
 * asked for; symbols (ms, MiB, %) stay.
 * @example figureUnits("0.06 cores", "zh") // "0.06 核"
 */
export function figureUnits(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return text.replace(
    /(\d) (cores|mcores|score|x)(?![\w-])/g,
    (_m, d: string, u: string) => `${d} ${unitName(u, lang)}`,
  );
}
