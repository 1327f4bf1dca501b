/**
 * @module web/lib/role-words — a technology's role as a reader sees it, in English and Chinese. Apart from
 * web/lib/vocabulary because the atlas, in the first paint, needs the roles only.
 */
import type { Lang } from "./i18n.js";

export type Words = Readonly<Record<string, readonly [en: string, zh: string]>>;

/** A lookup in a table of words; an id the table does not know is shown as it is. */
export const word = (table: Words) => (id: string, lang: Lang) => table[id]?.[lang === "zh" ? 1 : 0] ?? id;

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

/** A technology's role: `runtime` → 运行时. */
export const roleWord = word(ROLES);
