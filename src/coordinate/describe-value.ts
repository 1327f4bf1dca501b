/** @module coordinate/describe-value — a coordinate value in words: "L-4 sandbox", "OTLP+eBPF", "边缘计算". */
import type { Lang } from "../i18n/lang.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import { type CoordinateValue, isScenarioDimension, isSetDimension } from "./coordinate.js";
import { formatValue } from "./format-coordinate.js";

/**
 * A value as a person reads it: the level code and name for levels, the spelling for signals.
 * @example describeValue(kb, kb.dimension("D")!, 4, "en") // "L-4 sandbox"
 */
export function describeValue(
  kb: Kb,
  dim: CompiledDimension,
  value: CoordinateValue | null | undefined,
  lang: Lang,
): string {
  if (value === null || value === undefined) return "*";
  if (isSetDimension(dim) || isScenarioDimension(dim) || dim.kind === "year") {
    const text = formatValue(kb, dim, value, lang);
    if (isScenarioDimension(dim)) {
      const s = kb.scenarios.get(value as string);
      return s ? s.names[lang] : text;
    }
    return text;
  }
  const level = dim.levelByValue.get(value as number);
  return level ? `${level.code} ${level.names[lang]}` : String(value);
}
