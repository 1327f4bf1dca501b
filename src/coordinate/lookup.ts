/** @module coordinate/lookup — the seed's `get_technology`: exact, partial and nearest stacks for a coordinate. */
import { COORD } from "../i18n/coordinate-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import type { Coordinate, CoordinateJson } from "./coordinate.js";
import { tupleDimensions } from "./coordinate.js";
import { type CoordinateDistance, coordinateDistance } from "./coordinate-distance.js";
import { describeValue } from "./describe-value.js";
import { coordinateJson, formatCoordinate } from "./format-coordinate.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { type RecordedStack, recordedStacks } from "./recorded-stacks.js";

export interface LookupRecord {
  readonly id: string;
  readonly kind: "reference" | "case";
  readonly scenario: string;
  readonly year?: number;
  readonly source: string;
  readonly sourceTitle: string;
  readonly grade: string;
}

export interface LookupMatch {
  readonly stack: { readonly label: string; readonly components: StackComponents };
  readonly coordinate: CoordinateJson;
  readonly exact: boolean;
  readonly distance: CoordinateDistance;
  /** A sentence on why it matches, or how it differs. */
  readonly why: string;
  /** The records (reference stacks, cases) this stack and coordinate come from. */
  readonly records: readonly LookupRecord[];
}

export interface LookupResult {
  readonly query: CoordinateJson;
  /** Whether at least one recorded stack matches every dimension the query gives. */
  readonly exact: boolean;
  readonly matches: readonly LookupMatch[];
}

export interface LookupOptions {
  /** How many nearest stacks to return when nothing matches exactly (default 5). */
  readonly k?: number;
  readonly lang?: Lang;
}

function why(
  kb: Kb,
  query: Coordinate,
  m: { coordinate: Coordinate; distance: CoordinateDistance; records: readonly RecordedStack[] },
  lang: Lang,
): string {
  const dims = tupleDimensions(kb);
  const first = m.records[0]!;
  const scenario = kb.scenarios.get(first.scenario)?.names[lang] ?? first.scenario;
  const title = kb.sources.get(first.source)?.title ?? first.source;
  if (m.distance.total === 0) {
    const wild = dims.filter((d) => query[d.key] === null || query[d.key] === undefined).map((d) => d.key);
    return COORD.lookupExact(lang, { open: wild, scenario, title });
  }
  const diffs = dims
    .filter((d) => (m.distance.perDimension[d.key] ?? 0) > 0)
    .sort((a, b) => (m.distance.perDimension[b.key] ?? 0) - (m.distance.perDimension[a.key] ?? 0))
    .map((d) => {
      const have = describeValue(kb, d, m.coordinate[d.key], lang);
      const want = describeValue(kb, d, query[d.key], lang);
      return `${d.key} ${d.names[lang]} (${have} ≠ ${want}, ${(m.distance.perDimension[d.key] ?? 0).toFixed(2)})`;
    });
  const same = dims
    .filter((d) => query[d.key] !== null && query[d.key] !== undefined && (m.distance.perDimension[d.key] ?? 0) === 0)
    .map((d) => d.key);
  return COORD.lookupNearest(lang, { diffs, same, scenario, title });
}

/**
 * Finds the stacks at a coordinate. Every recorded stack (reference stacks and dated cases) that
 * matches all the query's dimensions is returned (`*` matches anything); when none does, the `k`
 * nearest, each with its distance per dimension and a sentence on how it differs — never a bare
 * "not found".
 * @example lookup(kb, "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)").matches[0]?.stack.label // "K3s + WasmEdge + Gatekeeper"
 */
export function lookup(kb: Kb, query: string | Coordinate, options: LookupOptions = {}): LookupResult {
  const lang = options.lang ?? "en";
  const k = options.k ?? 5;
  const q = typeof query === "string" ? parseCoordinate(kb, query, lang) : query;
  // One entry per stack and coordinate: a reference stack and the case that records it merge.
  const groups = new Map<
    string,
    { label: string; components: StackComponents; coordinate: Coordinate; records: RecordedStack[] }
  >();
  for (const r of recordedStacks(kb)) {
    const key = `${r.label}|${formatCoordinate(kb, r.coordinate)}`;
    const g = groups.get(key);
    if (g) g.records.push(r);
    else groups.set(key, { label: r.label, components: r.components, coordinate: r.coordinate, records: [r] });
  }
  const scored = [...groups.values()].map((g) => ({ ...g, distance: coordinateDistance(kb, q, g.coordinate) }));
  const gradeRank = (g: (typeof scored)[number]) => Math.min(...g.records.map((r) => "ABCU".indexOf(r.grade)));
  scored.sort(
    (a, b) =>
      a.distance.total - b.distance.total ||
      Number(b.records.some((r) => r.stated)) - Number(a.records.some((r) => r.stated)) ||
      b.records.length - a.records.length ||
      gradeRank(a) - gradeRank(b) ||
      a.label.localeCompare(b.label),
  );
  const exact = scored.filter((s) => s.distance.total === 0);
  const chosen = exact.length > 0 ? exact.slice(0, Math.max(k, 50)) : scored.slice(0, k);
  return {
    query: coordinateJson(kb, q, lang),
    exact: exact.length > 0,
    matches: chosen.map((g) => ({
      stack: { label: g.label, components: g.components },
      coordinate: coordinateJson(kb, g.coordinate, lang),
      exact: g.distance.total === 0,
      distance: g.distance,
      why: why(kb, q, g, lang),
      records: g.records.map((r) => ({
        id: r.id,
        kind: r.kind,
        scenario: r.scenario,
        ...(r.year !== undefined ? { year: r.year } : {}),
        source: r.source,
        sourceTitle: kb.sources.get(r.source)?.title ?? r.source,
        grade: r.grade,
      })),
    })),
  };
}
