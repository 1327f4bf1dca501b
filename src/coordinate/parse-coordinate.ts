/** @module coordinate/parse-coordinate — reads a coordinate in the seed's tuple syntax or the keyed form. */
import { InvalidArgumentError } from "../errors.js";
import { COORD } from "../i18n/coordinate-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import {
  type Coordinate,
  type CoordinateValue,
  isScenarioDimension,
  isSetDimension,
  tupleDimensions,
} from "./coordinate.js";

const WILDCARDS = new Set(["*", "?", "_", "any", "任意"]);
const EMPTY_SET = new Set(["none", "-", "∅", "无", "{}"]);

function coordinateError(message: string, suggestions: readonly string[] = []): InvalidArgumentError {
  return new InvalidArgumentError(message, { code: "INVALID_COORDINATE", suggestions });
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && /^(["'“”‘’「」]).*(["'“”‘’「」])$/u.test(t)) return t.slice(1, -1).trim();
  return t;
}

/** What a dimension accepts, for error messages and suggestions. */
function expected(kb: Kb, dim: CompiledDimension, lang: Lang): { text: string; options: string[] } {
  if (isScenarioDimension(dim)) {
    const options = [...kb.scenarios.values()].map((s) => `${s.id} (${s.names.zh})`);
    return { text: COORD.expectedScenario(lang), options };
  }
  if (dim.kind === "year")
    return { text: COORD.expectedYear(lang), options: dim.levels.map((l) => `${l.code}=${l.year}`) };
  const options = dim.levels.map((l) => `${l.value} = ${l.code} ${l.names.en} / ${l.names.zh}`);
  if (isSetDimension(dim)) return { text: COORD.expectedSignals(lang), options };
  const range = dim.levels
    .map((l) => l.value)
    .join("–")
    .replace(/–.*–/, "–");
  return { text: COORD.expectedLevel(lang, { range }), options };
}

/**
 * One dimension's value from text; throws naming the dimension, the bad text and what was expected
 * (in `lang`; `where` names the part being read, in the same language).
 * @example parseValue(kb, kb.dimension("D")!, "L-4") // 4
 */
export function parseValue(
  kb: Kb,
  dim: CompiledDimension,
  raw: string,
  where: string,
  lang: Lang = "en",
): CoordinateValue | null {
  const text = unquote(raw);
  const fail = (why = "") => {
    const e = expected(kb, dim, lang);
    return coordinateError(
      COORD.invalidValue(lang, {
        where,
        text,
        dim: dim.key,
        en: dim.names.en,
        zh: dim.names.zh,
        why,
        expected: e.text,
      }),
      e.options,
    );
  };
  if (text === "") throw fail(COORD.empty(lang));
  if (WILDCARDS.has(text.toLowerCase())) return null;
  if (isScenarioDimension(dim)) {
    const m = kb.resolveName(text);
    if (m?.kind === "scenario") return m.id;
    const near = kb.suggestNames(text, 8).filter((id) => kb.scenarios.has(id));
    const e = expected(kb, dim, lang);
    throw coordinateError(
      COORD.unknownScenario(lang, { where, text, expected: e.text }),
      near.length > 0 ? near.map((id) => `${id} (${kb.scenarios.get(id)!.names.zh})`) : e.options,
    );
  }
  if (dim.kind === "year") {
    if (/^\d{4}$/.test(text)) return Number(text);
    const milestone = dim.resolveLevel(text);
    if (milestone?.year !== undefined) return milestone.year;
    throw fail();
  }
  if (isSetDimension(dim)) {
    if (EMPTY_SET.has(text.toLowerCase())) return [];
    const codes = new Set<string>();
    for (const token of text.split(/\s*[+&|/，,、]\s*/u)) {
      const level = dim.resolveLevel(token.trim());
      if (!level) throw fail(COORD.unknownSignal(lang, { token: token.trim() }));
      codes.add(level.code);
    }
    return [...codes].sort((a, b) => (dim.levelByCode.get(a)?.value ?? 0) - (dim.levelByCode.get(b)?.value ?? 0));
  }
  const level = dim.resolveLevel(/^\d+$/.test(text) ? Number(text) : text);
  if (!level) throw fail();
  return level.value;
}

/** Splits at top-level commas (full-width too), keeping quoted parts whole. */
function splitTuple(inner: string, lang: Lang): string[] {
  const parts: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const ch of inner) {
    if (quote) {
      current += ch;
      if (ch === quote || (quote === "“" && ch === "”")) quote = null;
    } else if (ch === '"' || ch === "'" || ch === "“") {
      quote = ch;
      current += ch;
    } else if (ch === "," || ch === "，") {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (quote) throw coordinateError(COORD.unclosedQuote(lang, { quote }));
  parts.push(current);
  return parts;
}

function parseTuple(kb: Kb, text: string, lang: Lang): Coordinate {
  const dims = tupleDimensions(kb);
  const inner = text
    .trim()
    .replace(/^[(（]/u, "")
    .replace(/[)）]$/u, "");
  const parts = splitTuple(inner, lang);
  if (parts.length !== dims.length) {
    throw coordinateError(
      COORD.partCount(lang, {
        text,
        parts: parts.length,
        want: dims.length,
        keys: dims.map((d) => d.key).join(", "),
      }),
    );
  }
  const out: Record<string, CoordinateValue | null> = {};
  dims.forEach((dim, i) => {
    out[dim.key] = parseValue(kb, dim, parts[i]!, COORD.wherePart(lang, { index: i + 1, key: dim.key }), lang);
  });
  return out;
}

const KEYED = /([A-Za-z][A-Za-z0-9]*)\s*[=:：]\s*("[^"]*"|'[^']*'|“[^”]*”|[^\s,;，；]+)/gu;

function parseKeyed(kb: Kb, text: string, lang: Lang): Coordinate {
  const out: Record<string, CoordinateValue | null> = {};
  let rest = text;
  for (const m of text.matchAll(KEYED)) {
    const [whole, key, raw] = m as unknown as [string, string, string];
    rest = rest.replace(whole, "");
    const dim = kb.dimension(key) ?? kb.dimension(key.toUpperCase());
    if (!dim) {
      throw coordinateError(
        COORD.unknownDimension(lang, { key }),
        tupleDimensions(kb).map((d) => `${d.key} (${d.names.en} / ${d.names.zh})`),
      );
    }
    if (dim.key in out) throw coordinateError(COORD.givenTwice(lang, { dim: dim.key, key }));
    out[dim.key] = parseValue(kb, dim, raw, COORD.whereKey(lang, { key }), lang);
  }
  const leftover = rest.replace(/[\s,;，；]+/gu, " ").trim();
  if (leftover !== "") {
    throw coordinateError(COORD.unreadable(lang, { leftover }));
  }
  return out;
}

/**
 * Parses the seed's tuple `(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)` or the keyed form
 * `D=4 X=2 Z=3 T=2025 A=1 S=edge O=OTLP+eBPF` (level codes and names, Chinese scenario names and `*`
 * accepted; `Y` names the isolation dimension). Dimensions the keyed form leaves out are `*`. Errors are
 * worded in `lang`.
 * @example parseCoordinate(kb, "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)").S // "edge"
 */
export function parseCoordinate(kb: Kb, text: string, lang: Lang = "en"): Coordinate {
  if (typeof text !== "string" || text.trim() === "") {
    throw coordinateError(COORD.emptyCoordinate(lang));
  }
  if (text.length > 500) throw coordinateError(COORD.tooLong(lang, { length: text.length }));
  const t = text.trim();
  const looksKeyed = /^[A-Za-z][A-Za-z0-9]*\s*[=:：]/u.test(t);
  return looksKeyed ? parseKeyed(kb, t, lang) : parseTuple(kb, t, lang);
}
