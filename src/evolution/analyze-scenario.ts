/** @module evolution/analyze-scenario — the seed's `analyze_scenario`: every known stack for a scenario, judged. */

import type { CoordinateJson } from "../coordinate/coordinate.js";
import { evaluateMust, type RequirementCheck } from "../coordinate/evaluate-must.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import { type ScenarioRequirementsAt, scenarioRequirementsAt } from "../kb/scenario-requirements-at.js";
import type { Names, Text } from "../model/_common.js";
import type { ScenarioRequirement } from "../model/scenario.js";
import type { StackComponents } from "../model/stack.js";
import { latestYear } from "../recommend/resolve-requirements.js";

export interface ScenarioStack {
  readonly stack: { readonly label: string; readonly components: StackComponents };
  readonly kind: "reference" | "case";
  readonly id: string;
  readonly year?: number;
  readonly coordinate: CoordinateJson;
  /** Dimensions where the source's stated coordinate differs from the one the parts give. */
  readonly disagreements: readonly string[];
  readonly meets: readonly RequirementCheck[];
  readonly misses: readonly RequirementCheck[];
  readonly unknown: readonly RequirementCheck[];
  readonly source: { readonly id: string; readonly title: string; readonly url?: string };
  readonly grade: string;
}

export interface ScenarioAnalysis {
  readonly scenario: {
    readonly id: string;
    readonly names: Names;
    readonly summary: Text;
    readonly origin: string;
    /** Every dated, sourced requirement typical of the scenario. */
    readonly requirements: readonly ScenarioRequirement[];
  };
  /** The year the stacks are judged in (the one asked, else the latest the knowledge base knows). */
  readonly year: number;
  /** The requirements in force that year (each stack is judged against them). */
  readonly inForce: Pick<ScenarioRequirementsAt, "must" | "prefer">;
  /** Reference stacks first, then cases newest first; within each, fewest misses first. */
  readonly stacks: readonly ScenarioStack[];
}

/**
 * Every stack the knowledge base knows for a scenario — its reference stacks and dated cases — each
 * with its coordinate and the scenario's requirements it meets, misses or cannot be judged on: a
 * dated case against the requirements of its own year, a reference stack against those of `year`.
 * @example analyzeScenario(kb, "边缘计算").stacks[0]?.stack.label
 */
export function analyzeScenario(kb: Kb, name: string, lang: Lang = "en", year?: number): ScenarioAnalysis {
  const s = resolveScenario(kb, name, "scenario", lang);
  const asOf = year ?? latestYear(kb);
  const inForce = scenarioRequirementsAt(s, asOf);
  const stacks = recordedStacks(kb)
    .filter((r) => r.scenario === s.id)
    .map((r): ScenarioStack => {
      const must = r.kind === "case" && r.year !== undefined ? scenarioRequirementsAt(s, r.year).must : inForce.must;
      const checks = evaluateMust(kb, r.components, r.coordinate, must, lang);
      const src = kb.sources.get(r.source);
      return {
        stack: { label: r.label, components: r.components },
        kind: r.kind,
        id: r.id,
        ...(r.year !== undefined ? { year: r.year } : {}),
        coordinate: coordinateJson(kb, r.coordinate, lang),
        disagreements: r.disagreements,
        meets: checks.filter((c) => c.status === "met"),
        misses: checks.filter((c) => c.status === "missed"),
        unknown: checks.filter((c) => c.status === "unknown"),
        source: { id: r.source, title: src?.title ?? r.source, ...(src?.url ? { url: src.url } : {}) },
        grade: r.grade,
      };
    })
    .sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === "reference" ? -1 : 1) ||
        a.misses.length - b.misses.length ||
        (b.year ?? 0) - (a.year ?? 0) ||
        a.id.localeCompare(b.id),
    );
  return {
    scenario: { id: s.id, names: s.names, summary: s.summary, origin: s.origin, requirements: s.requirements },
    year: asOf,
    inForce: { must: inForce.must, prefer: inForce.prefer },
    stacks,
  };
}
