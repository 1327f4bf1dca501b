/**
 * @module i18n/export-labels — how the diagrams (Mermaid, DOT) word an export graph's codes: node kinds
 * (roles, and a migration's `stack` and `step`) and edge types (relation kinds, `next`, `anyOf`).
 */
import type { ExportLabels } from "../export/export-graph.js";
import type { Lang } from "./lang.js";
import { relationName, roleName } from "./vocabulary-phrases.js";

const KIND_ZH: Readonly<Record<string, string>> = { stack: "技术栈", step: "迁移步骤" };
const EDGE_ZH: Readonly<Record<string, string>> = { next: "下一步" };
const MARK_ZH: Readonly<Record<string, string>> = { anyOf: "任选其一" };

/**
 * The diagram labels for a language: none in English (the codes are the words), Chinese names in Chinese.
 * @example toMermaid(graph, "LR", exportLabels("zh"))
 */
export function exportLabels(lang: Lang): ExportLabels {
  if (lang === "en") return {};
  return {
    kind: (kind) => KIND_ZH[kind] ?? roleName(kind, lang),
    edge: (type, label) => {
      const name = EDGE_ZH[type] ?? relationName(type, lang);
      return label === undefined ? name : `${name}（${MARK_ZH[label] ?? label}）`;
    },
  };
}
