/** @module coordinate/recorded-stacks — every stack the knowledge base records, with its coordinate. */
import type { Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import type { Coordinate, CoordinateValue } from "./coordinate.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { stackCoordinate } from "./stack-coordinate.js";

export interface RecordedStack {
  /** `scenario:<id>#<n>` for a scenario's reference stack, `case:<id>` for a dated case. */
  readonly id: string;
  readonly kind: "reference" | "case";
  readonly scenario: string;
  readonly label: string;
  readonly components: StackComponents;
  /** The year of a case, or the year its stated coordinate names. */
  readonly year?: number;
  /** The coordinate computed from the parts. */
  readonly computed: Coordinate;
  /** The coordinate the source states, where it states one. */
  readonly stated?: Coordinate;
  /** The record's coordinate: the stated one where the source gives it, else the computed one. */
  readonly coordinate: Coordinate;
  /** Dimensions where the stated coordinate differs from the computed one. */
  readonly disagreements: readonly string[];
  readonly source: string;
  readonly grade: string;
}

const cache = new WeakMap<Kb, readonly RecordedStack[]>();

function viewValue(kb: Kb, code: string | undefined): number | undefined {
  if (code === undefined) return undefined;
  for (const dim of kb.dimensions.values()) {
    if (dim.stackRule.from === "view") return dim.levelByCode.get(code)?.value;
  }
  return undefined;
}

function build(
  kb: Kb,
  base: Omit<RecordedStack, "computed" | "stated" | "coordinate" | "disagreements">,
  statedText: string | undefined,
  view: number | undefined,
): RecordedStack {
  const stated = statedText ? parseCoordinate(kb, statedText) : undefined;
  const statedYear = stated ? Object.entries(stated).find(([k]) => kb.dimension(k)?.kind === "year")?.[1] : undefined;
  const year = base.year ?? (typeof statedYear === "number" ? statedYear : undefined);
  const computed = stackCoordinate(kb, base.components, {
    scenario: base.scenario,
    ...(year !== undefined ? { year } : {}),
    ...(view !== undefined ? { view } : {}),
  }).coordinate;
  const coordinate: Record<string, CoordinateValue | null> = { ...computed };
  const disagreements: string[] = [];
  if (stated) {
    for (const [key, value] of Object.entries(stated)) {
      if (value === null) continue;
      const c = computed[key];
      if (c !== null && c !== undefined && JSON.stringify(c) !== JSON.stringify(value)) disagreements.push(key);
      coordinate[key] = value;
    }
  }
  return {
    ...base,
    ...(year !== undefined ? { year } : {}),
    computed,
    ...(stated ? { stated } : {}),
    coordinate,
    disagreements,
  };
}

/**
 * The stacks the knowledge base records — each scenario's reference stacks and every dated case —
 * with their coordinates; computed once per knowledge base.
 * @example recordedStacks(kb).filter((r) => r.scenario === "edge").length
 */
export function recordedStacks(kb: Kb): readonly RecordedStack[] {
  const hit = cache.get(kb);
  if (hit) return hit;
  const out: RecordedStack[] = [];
  for (const s of kb.scenarios.values()) {
    s.referenceStacks.forEach((r, i) => {
      out.push(
        build(
          kb,
          {
            id: `scenario:${s.id}#${i + 1}`,
            kind: "reference",
            scenario: s.id,
            label: r.label,
            components: r.components,
            source: r.source,
            grade: r.grade,
          },
          r.statedCoordinate,
          undefined,
        ),
      );
    });
  }
  for (const c of kb.cases.all) {
    out.push(
      build(
        kb,
        {
          id: `case:${c.id}`,
          kind: "case",
          scenario: c.scenario,
          label: c.stack.label,
          components: c.stack.components,
          year: c.year,
          source: c.source,
          grade: c.grade,
        },
        c.statedCoordinate,
        viewValue(kb, c.view),
      ),
    );
  }
  cache.set(kb, out);
  return out;
}

/**
 * The first year a recorded stack can speak for: a case's year (or the year its stated coordinate
 * names), else the year its source was published, else the year its last part was released.
 * @example recordSince(kb, recordedStacks(kb)[0]!) // 2025 for a stack of the seed
 */
export function recordSince(kb: Kb, r: RecordedStack): number {
  if (r.year !== undefined) return r.year;
  const published = kb.sources.get(r.source)?.year;
  if (published !== undefined) return published;
  const c = r.components;
  const ids = [c.runtime, c.orchestrator, c.policy, ...(c.observability ?? []), ...(c.supporting ?? [])];
  let y = 0;
  for (const id of ids) if (id !== undefined) y = Math.max(y, kb.technologies.get(id)?.releasedYear ?? 0);
  return y;
}
