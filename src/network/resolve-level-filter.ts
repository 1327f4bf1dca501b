/** @module network/resolve-level-filter — turns "L-4", "X2", "D=4", "Y=sandbox" or "沙盒" into a dimension level. */
import { InvalidArgumentError } from "../errors.js";
import { KB } from "../i18n/kb-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledLevel, Kb } from "../kb/kb.js";

export interface LevelRef {
  readonly dimension: string;
  readonly code: string;
}

/**
 * Resolves a level written as a code (`L-4`), `KEY=value` (`D=4`, `Y=sandbox`, `O=eBPF`) or a level
 * name in English or Chinese. Throws when it names nothing, or several levels of different dimensions
 * (worded in `lang`).
 * @example resolveLevelFilter(kb, "D=4") // { dimension: "D", code: "L-4" }
 */
export function resolveLevelFilter(kb: Kb, text: string, lang: Lang = "en"): LevelRef {
  const eq = text.indexOf("=");
  if (eq > 0) {
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    const dim = kb.dimension(key);
    if (!dim) {
      throw new InvalidArgumentError(KB.unknownDimension(lang, { key, text }), {
        suggestions: [...kb.dimensions.keys()],
      });
    }
    const level = dim.resolveLevel(/^\d+$/.test(value) ? Number(value) : value);
    if (!level) {
      throw new InvalidArgumentError(
        KB.notALevelOf(lang, { value, key: dim.key, en: dim.names.en, zh: dim.names.zh }),
        {
          suggestions: dim.levels.map((l) => `${dim.key}=${l.code} (${l.names.en} / ${l.names.zh})`),
        },
      );
    }
    return { dimension: dim.key, code: level.code };
  }
  const found: CompiledLevel[] = [];
  for (const dim of kb.dimensions.values()) {
    const byCode = dim.levelByCode.get(text.trim().toUpperCase());
    if (byCode) return { dimension: dim.key, code: byCode.code };
  }
  for (const dim of kb.dimensions.values()) {
    const level = dim.resolveLevel(text);
    if (level) found.push(level);
  }
  if (found.length === 1) return { dimension: found[0]!.dimension, code: found[0]!.code };
  if (found.length > 1) {
    throw new InvalidArgumentError(KB.severalDimensions(lang, { text }), {
      suggestions: found.map((l) => `${l.dimension}=${l.code}`),
    });
  }
  const all = [...kb.dimensions.values()].flatMap((d) => d.levels.map((l) => l.code));
  throw new InvalidArgumentError(KB.notAnyLevel(lang, { text }), { suggestions: all });
}
