/** @module i18n/lang — the two languages stackatlas speaks, and picking a name in one of them. */
import type { Names, Text } from "../model/_common.js";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

/**
 * The name in the requested language.
 * @example localName({ en: "edge computing", zh: "边缘计算" }, "zh") // "边缘计算"
 */
export function localName(names: Names, lang: Lang): string {
  return names[lang];
}

/**
 * Free text in the requested language, falling back to English where no Chinese text exists.
 * @example localText({ en: "sandbox" }, "zh") // "sandbox"
 */
export function localText(text: Text | undefined, lang: Lang): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return (lang === "zh" ? text.zh : undefined) ?? text.en;
}
