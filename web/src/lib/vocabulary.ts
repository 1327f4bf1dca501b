/**
 * @module web/lib/vocabulary — the data's closed vocabularies as a reader sees them: roles, timeline event
 * kinds, relation kinds, figure scopes and link kinds, in English and Chinese. Imported by the pages that show
 * them (their own chunks), not the shell. An id the table does not know is shown as it is.
 */
import type { Lang } from "./i18n.js";

type Words = Readonly<Record<string, readonly [en: string, zh: string]>>;

const ROLES: Words = {
  hardware: ["hardware", "硬件"],
  hypervisor: ["hypervisor", "虚拟机监视器"],
  runtime: ["runtime", "运行时"],
  engine: ["engine", "引擎"],
  shim: ["shim", "垫片"],
  orchestrator: ["orchestrator", "编排器"],
  policy: ["policy", "策略"],
  observability: ["observability", "可观测性"],
  interface: ["interface", "接口"],
  plugin: ["plugin", "插件"],
  framework: ["framework", "框架"],
  platform: ["platform", "平台"],
  mesh: ["service mesh", "服务网格"],
  identity: ["identity", "身份"],
  delivery: ["delivery", "交付"],
  "supply-chain": ["supply chain", "供应链"],
  serving: ["serving", "模型服务"],
  scheduler: ["scheduler", "调度器"],
  lifecycle: ["lifecycle", "生命周期"],
  "node-os": ["node OS", "节点操作系统"],
};

const EVENT_KINDS: Words = {
  release: ["release", "发布"],
  milestone: ["milestone", "里程碑"],
  case: ["deployment case", "部署案例"],
  cncf: ["CNCF stage", "CNCF 阶段"],
  supersedes: ["supersedes", "取代"],
};

const RELATIONS: Words = {
  "depends-on": ["depends on", "依赖"],
  implements: ["implements", "实现"],
  "runs-on": ["runs on", "运行于"],
  "compatible-with": ["compatible with", "兼容"],
  "conflicts-with": ["conflicts with", "冲突"],
  "alternative-to": ["alternative to", "可替代"],
  supersedes: ["supersedes", "取代"],
  "part-of": ["part of", "属于"],
};

const SCOPES: Words = {
  instance: ["per instance", "每实例"],
  pod: ["per pod", "每 Pod"],
  node: ["per node", "每节点"],
  cluster: ["per cluster", "每集群"],
  request: ["per request", "每请求"],
  binary: ["binary", "二进制"],
  process: ["per process", "每进程"],
  host: ["per host", "每主机"],
};

const LINKS: Words = {
  home: ["home page", "主页"],
  repo: ["repository", "代码仓库"],
  docs: ["documentation", "文档"],
};

const word = (table: Words) => (id: string, lang: Lang) => table[id]?.[lang === "zh" ? 1 : 0] ?? id;

/** A technology's role: `runtime` → 运行时. */
export const roleWord = word(ROLES);
/** A timeline event's kind: `release` → 发布. */
export const eventKindWord = word(EVENT_KINDS);
/** A relation's kind: `conflicts-with` → 冲突. */
export const relationWord = word(RELATIONS);
/** A figure's scope: `instance` → 每实例. */
export const scopeWord = word(SCOPES);
/** A technology's link: `repo` → 代码仓库. */
export const linkWord = word(LINKS);
