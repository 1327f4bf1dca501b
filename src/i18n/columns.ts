/** @module i18n/columns — a table's column heads, written once per language. */
import type { Lang } from "./lang.js";

/**
 * The heads of a table in the language asked for.
 * @example columns(["stack", "year"], ["技术栈", "年份"])("zh") // ["技术栈", "年份"]
 */
export function columns(en: readonly string[], zh: readonly string[]): (lang: Lang) => readonly string[] {
  return (lang) => (lang === "zh" ? zh : en);
}
