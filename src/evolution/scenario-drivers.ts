/** @module evolution/scenario-drivers — what moves a scenario's dimensions (technologies with their dated evidence) and what to watch. */
import { stackParts } from "../coordinate/assign-slots.js";
import { isScenarioDimension, tupleDimensions } from "../coordinate/coordinate.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";

/** One dated piece of evidence about a technology, as known by the forecast's start. */
export type DriverEvidence =
  | { readonly kind: "release"; readonly year: number; readonly source: string }
  | {
      readonly kind: "cncf";
      readonly stage: "accepted" | "incubating" | "graduated" | "archived";
      readonly date: string;
      readonly source: string;
    }
  | { readonly kind: "supersedes"; readonly year: number; readonly targets: readonly string[]; readonly source: string }
  | {
      readonly kind: "adoption";
      /** Cases dated by the forecast's start that use the technology, in any scenario. */
      readonly cases: number;
      /** The latest of them. */
      readonly latest: {
        readonly id: string;
        readonly scenario: string;
        readonly year: number;
        readonly source: string;
      };
    };

/**
 * A technology behind a dimension's forecast. `driver`: it is in the scenario's recorded stacks and
 * holds the level it records; `watch`: a leading indicator — adopted elsewhere, at a level the scenario
 * does not record; its first case in this scenario would move the dimension there.
 */
export interface ScenarioDriver {
  readonly dimension: string;
  readonly role: "driver" | "watch";
  readonly technology: string;
  readonly names: { readonly en: string; readonly zh: string };
  /** The technology's level codes on the dimension. */
  readonly levels: readonly string[];
  readonly evidence: readonly DriverEvidence[];
}

/** How many technologies of each role are named per dimension. */
const PER_DIMENSION = 3;

/**
 * For every dimension a stack sets (not the year or the scenario): the technologies of the scenario's
 * cases dated by `from` that hold its latest recorded level(s), and as leading indicators the
 * technologies at other levels most adopted in other scenarios' cases by `from` (only levels in
 * `reach`, the levels the forecast holds possible, where it names them) — each with its
 * release, CNCF milestones, `supersedes` and adoption cases up to `from`, with sources.
 * @example scenarioDrivers(kb, "edge", 2025, { D: new Set(["L-3", "L-4"]) }).filter((d) => d.role === "watch").map((d) => d.technology)
 */
export function scenarioDrivers(
  kb: Kb,
  scenario: string,
  from: number,
  reach: Readonly<Record<string, ReadonlySet<string>>> = {},
): ScenarioDriver[] {
  const dated = kb.cases.all.filter((c) => c.year <= from);
  const usedBy = new Map<string, typeof dated>();
  for (const c of dated) for (const p of stackParts(c.stack.components)) usedBy.set(p, [...(usedBy.get(p) ?? []), c]);
  const own = dated.filter((c) => c.scenario === scenario).sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  const ownParts = new Set(own.flatMap((c) => stackParts(c.stack.components)));
  const latestParts = own[0] ? stackParts(own[0].stack.components) : [];
  const out: ScenarioDriver[] = [];
  for (const dim of tupleDimensions(kb)) {
    if (dim.stackRule.from === "year" || isScenarioDimension(dim) || dim.stackRule.from !== "slot") continue;
    const key = dim.key;
    const levelsOf = (t: CompiledTechnology) => t.position[key] ?? [];
    const recorded = new Set(latestParts.flatMap((p) => levelsOf(kb.technologies.get(p)!)));
    const adoption = (id: string) => usedBy.get(id)?.length ?? 0;
    const drivers = [...ownParts]
      .map((id) => kb.technologies.get(id))
      .filter((t): t is CompiledTechnology => t !== undefined && levelsOf(t).some((l) => recorded.has(l)))
      .sort(
        (a, b) =>
          Number(latestParts.includes(b.id)) - Number(latestParts.includes(a.id)) ||
          adoption(b.id) - adoption(a.id) ||
          a.id.localeCompare(b.id),
      )
      .slice(0, PER_DIMENSION);
    const watch = [...usedBy.keys()]
      .map((id) => kb.technologies.get(id))
      .filter(
        (t): t is CompiledTechnology =>
          t !== undefined &&
          !ownParts.has(t.id) &&
          levelsOf(t).length > 0 &&
          levelsOf(t).some((l) => !recorded.has(l) && (reach[key]?.has(l) ?? true)) &&
          t.releasedYear <= from,
      )
      .sort((a, b) => adoption(b.id) - adoption(a.id) || a.id.localeCompare(b.id))
      .slice(0, PER_DIMENSION);
    for (const [role, list] of [
      ["driver", drivers],
      ["watch", watch],
    ] as const)
      for (const t of list)
        out.push({
          dimension: key,
          role,
          technology: t.id,
          names: t.names,
          levels: levelsOf(t),
          evidence: evidenceOf(kb, t, from, usedBy.get(t.id) ?? []),
        });
  }
  return out;
}

function evidenceOf(
  kb: Kb,
  t: CompiledTechnology,
  from: number,
  cases: readonly { id: string; scenario: string; year: number; source: string }[],
): DriverEvidence[] {
  const out: DriverEvidence[] = [];
  if (t.releasedYear <= from) out.push({ kind: "release", year: t.releasedYear, source: t.released.source });
  // A sub-project's dates are its parent project's, not milestones of its own.
  if (t.cncf && t.cncf.parent === undefined)
    for (const stage of ["accepted", "incubating", "graduated", "archived"] as const) {
      const date = t.cncf[stage];
      if (date !== undefined && Number(date.slice(0, 4)) <= from)
        out.push({ kind: "cncf", stage, date, source: "cncf-landscape" });
    }
  for (const r of kb.relations.out(t.id, "supersedes"))
    if (r.year !== undefined && r.year <= from)
      out.push({ kind: "supersedes", year: r.year, targets: r.targets, source: r.source });
  const latest = [...cases].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id))[0];
  if (latest)
    out.push({
      kind: "adoption",
      cases: cases.length,
      latest: { id: latest.id, scenario: latest.scenario, year: latest.year, source: latest.source },
    });
  return out;
}
