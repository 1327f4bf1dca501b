/** @module kb/scenario-requirements-at — a scenario's typical requirements as they stood in one year. */
import type { Must, Prefer } from "../model/requirements.js";
import type { Scenario, ScenarioRequirement, YearRange } from "../model/scenario.js";

export interface ScenarioRequirementsAt {
  readonly year: number;
  readonly must: Must;
  readonly prefer: Prefer;
  /** The entry each key in force comes from (`must.coldStartMs`, `prefer`). */
  readonly entries: ReadonlyMap<string, ScenarioRequirement>;
}

/** Whether `year` lies in the range. */
export function inYears(r: YearRange, year: number): boolean {
  return r.from <= year && (r.to === undefined || year <= r.to);
}

/** Whether two ranges share a year. */
export function yearsOverlap(a: YearRange, b: YearRange): boolean {
  return a.from <= (b.to ?? Number.POSITIVE_INFINITY) && b.from <= (a.to ?? Number.POSITIVE_INFINITY);
}

/**
 * The scenario's requirements in force in `year`: per key, the entry whose years hold it (validation
 * keeps one key's ranges apart, so there is at most one). A key no entry covers that year is absent.
 * @example scenarioRequirementsAt(kb.scenarios.get("serverless")!, 2020).must.coldStartMs // { max: 1000 }
 */
export function scenarioRequirementsAt(scenario: Pick<Scenario, "requirements">, year: number): ScenarioRequirementsAt {
  const must: Record<string, unknown> = {};
  let prefer: Prefer = {};
  const entries = new Map<string, ScenarioRequirement>();
  for (const r of scenario.requirements) {
    if (!inYears(r.years, year) || entries.has(r.requirement)) continue;
    entries.set(r.requirement, r);
    if (r.requirement === "prefer") prefer = r.value as Prefer;
    else must[r.requirement.slice("must.".length)] = r.value;
  }
  return { year, must: must as Must, prefer, entries };
}
