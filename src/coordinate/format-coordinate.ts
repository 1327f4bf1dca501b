/** @module coordinate/format-coordinate — a coordinate as the seed writes it, or in the keyed form. */
import { COORD, scenarioSpelling } from "../i18n/coordinate-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import {
  type Coordinate,
  type CoordinateJson,
  type CoordinateValue,
  isScenarioDimension,
  isSetDimension,
  tupleDimensions,
} from "./coordinate.js";

/** A set level's short spelling: its first alias (O1 → OTLP, O2 → eBPF), else its code. */
function setSpelling(dim: CompiledDimension, code: string): string {
  return dim.levelByCode.get(code)?.aliases?.[0] ?? code;
}

/** One value in text, `*` for the wildcard; `quote` wraps names that hold spaces (keyed form). */
export function formatValue(
  kb: Kb,
  dim: CompiledDimension,
  value: CoordinateValue | null | undefined,
  lang: Lang,
  quote = false,
): string {
  if (value === null || value === undefined) return "*";
  if (isSetDimension(dim)) {
    const codes = value as readonly string[];
    // The parser reads both spellings of the empty set back (see parse-coordinate).
    if (codes.length === 0) return COORD.noSignals(lang);
    const ordered = [...codes].sort(
      (a, b) => (dim.levelByCode.get(a)?.value ?? 0) - (dim.levelByCode.get(b)?.value ?? 0),
    );
    return ordered.map((c) => setSpelling(dim, c)).join("+");
  }
  if (isScenarioDimension(dim)) {
    const s = kb.scenarios.get(value as string);
    const text = s ? scenarioSpelling(s, lang) : String(value);
    return quote && /[\s,()]/.test(text) ? `"${text}"` : text;
  }
  return String(value);
}

/**
 * The seed's tuple syntax, in the order `(D, X, Z, T, A, S, O)`.
 * @example formatCoordinate(kb, { D: 4, X: 2, Z: 3, T: 2025, A: 1, S: "edge", O: ["O1", "O2"] }, "en")
 * // "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)"
 */
export function formatCoordinate(kb: Kb, c: Coordinate, lang: Lang = "en"): string {
  return `(${tupleDimensions(kb)
    .map((d) => formatValue(kb, d, c[d.key], lang))
    .join(", ")})`;
}

/**
 * The keyed form, `D=4 X=2 Z=3 T=2025 A=1 S=edge O=OTLP+eBPF`; wildcards are left out.
 * @example formatKeyedCoordinate(kb, { D: 4, S: "edge" }) // "D=4 S=edge"
 */
export function formatKeyedCoordinate(kb: Kb, c: Coordinate, lang: Lang = "en"): string {
  return tupleDimensions(kb)
    .filter((d) => c[d.key] !== null && c[d.key] !== undefined)
    .map((d) => `${d.key}=${formatValue(kb, d, c[d.key], lang, true)}`)
    .join(" ");
}

/** The JSON shape of a coordinate: every dimension key (null for `*`) and the tuple text. */
export function coordinateJson(kb: Kb, c: Coordinate, lang: Lang = "en"): CoordinateJson {
  const out: Record<string, CoordinateValue | null> = {};
  for (const d of tupleDimensions(kb)) out[d.key] = c[d.key] ?? null;
  return { ...out, text: formatCoordinate(kb, c, lang) };
}
