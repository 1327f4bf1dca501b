/** @module evolution/_scenario-histories — every scenario's recorded yearly path as coordinates: what scenario forecasts are fitted on. */
import type { Coordinate } from "../coordinate/coordinate.js";
import type { Kb } from "../kb/kb.js";
import { scenarioPath } from "./scenario-path.js";

/** One scenario's yearly coordinates (years with a recorded stack only) and the years a case is dated. */
export interface ScenarioHistory {
  readonly scenario: string;
  readonly years: readonly { readonly year: number; readonly coordinate: Coordinate }[];
  /** Years in which a case of the scenario is dated: the only years a forecast can be scored against. */
  readonly observed: ReadonlySet<number>;
}

const cache = new WeakMap<Kb, Map<string, ScenarioHistory>>();

/**
 * Every scenario's path (the same one `path` prints: the default series of cases, year by year from
 * its first case to its latest), as coordinates.
 * @example scenarioHistories(kb).get("edge")?.years.at(-1)?.year // 2025
 */
export function scenarioHistories(kb: Kb): ReadonlyMap<string, ScenarioHistory> {
  const hit = cache.get(kb);
  if (hit) return hit;
  const out = new Map<string, ScenarioHistory>();
  for (const id of kb.scenarios.keys()) {
    const cases = kb.cases.byScenario.get(id) ?? [];
    if (cases.length === 0) continue;
    const path = scenarioPath(kb, id);
    const years = path.years
      .filter((y) => y.coordinate !== null)
      .map((y) => {
        const { text: _text, ...coordinate } = y.coordinate!;
        return { year: y.year, coordinate: coordinate as Coordinate };
      });
    const observed = new Set(path.years.filter((y) => y.case !== null && y.case.year === y.year).map((y) => y.year));
    out.set(id, { scenario: id, years, observed });
  }
  cache.set(kb, out);
  return out;
}

/** The history as it was known at the end of `lastYear`. */
export function cutHistory(h: ScenarioHistory, lastYear: number): ScenarioHistory {
  return {
    scenario: h.scenario,
    years: h.years.filter((y) => y.year <= lastYear),
    observed: new Set([...h.observed].filter((y) => y <= lastYear)),
  };
}
