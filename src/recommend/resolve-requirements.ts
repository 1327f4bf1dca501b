/** @module recommend/resolve-requirements — the requirements in force: the scenario's own, overridden key by key by the user's. */
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledScenario, Kb } from "../kb/kb.js";
import { scenarioRequirementsAt } from "../kb/scenario-requirements-at.js";
import type { Text } from "../model/_common.js";
import type { Must, Prefer, Requirements } from "../model/requirements.js";
import type { YearRange } from "../model/scenario.js";

/** The scoring terms, which are also the `prefer` keys. */
export const TERMS = ["startup", "footprint", "isolation", "overhead", "maturity", "fit"] as const;
export type Term = (typeof TERMS)[number];
export type Weights = Readonly<Record<Term, number>>;

/** Where a requirement in force came from. */
export type Origin = "user" | "scenario" | "default";

/** One requirement in force, where it came from, and whether it rejects a stack or only weighs on its rank. */
export interface RequirementInForce {
  /** `must.<key>` or `prefer.<term>`. */
  readonly key: string;
  readonly value: unknown;
  readonly origin: Origin;
  /** A hard requirement rejects a stack that misses it; a soft one (the scenario's, by default) costs it {@link SOFT_PENALTY}. */
  readonly hard: boolean;
  /** For a scenario's requirement: the years it holds for, its source and why. */
  readonly years?: YearRange;
  readonly source?: string;
  readonly why?: Text;
}

export interface ResolvedRequirements {
  readonly scenario?: CompiledScenario;
  /** As-of year: the user's, else the latest year the knowledge base knows. */
  readonly year: number;
  readonly yearGiven: boolean;
  /** Every hard `must` in force (the user's, and the scenario's when made hard); include/exclude resolved to technology ids. */
  readonly must: Must;
  /** The scenario's typical `must` for the year that the user did not override: strong preferences, not limits. */
  readonly soft: Must;
  /** Whether the scenario's requirements were made hard (`scenarioHard`). */
  readonly scenarioHard: boolean;
  /** Every requirement in force with its origin (user / scenario with years and source / default). */
  readonly inForce: readonly RequirementInForce[];
  readonly weights: Weights;
  /** Where each `must` key and each weight came from. */
  readonly origin: Readonly<Record<string, Origin>>;
  /** The requirements as the user gave them. */
  readonly given: Requirements;
}

const DEFAULT_WEIGHT = 1;

/** The latest year the knowledge base knows of (releases and cases): the default as-of year. */
export function latestYear(kb: Kb): number {
  let y = 0;
  for (const t of kb.technologies.values()) y = Math.max(y, t.releasedYear);
  for (const c of kb.cases.all) y = Math.max(y, c.year);
  return y;
}

/**
 * Merges the scenario's requirements as of the year (the user's, else the latest the knowledge base
 * knows) under the user's (the user's key wins) and fills the defaults: equal weights where no `prefer`
 * is given (no `fit` without a scenario). The scenario's `must` are soft — they weigh on the ranking —
 * unless `scenarioHard` is set; the user's are hard. An unknown scenario's error is worded in `lang`.
 * @example resolveRequirements(kb, { scenario: "edge", must: { coldStartMs: { max: 10 } } }).soft.offline // true, from the scenario
 */
export function resolveRequirements(kb: Kb, req: Requirements, lang: Lang = "en"): ResolvedRequirements {
  const scenario = req.scenario === undefined ? undefined : resolveScenario(kb, req.scenario, "scenario", lang);
  const year = req.year ?? latestYear(kb);
  const scenarioHard = req.scenarioHard === true && scenario !== undefined;
  const typical = scenario ? scenarioRequirementsAt(scenario, year) : undefined;
  const origin: Record<string, Origin> = {};
  const must: Record<string, unknown> = {};
  const soft: Record<string, unknown> = {};
  const inForce: RequirementInForce[] = [];
  const fromScenario = (key: string) => {
    const e = typical?.entries.get(key);
    return e ? { years: e.years, source: e.source, why: e.why } : {};
  };
  for (const [k, v] of Object.entries(req.must ?? {})) {
    if (v === undefined) continue;
    must[k] = v;
    origin[`must.${k}`] = "user";
    inForce.push({ key: `must.${k}`, value: v, origin: "user", hard: true });
  }
  for (const [k, v] of Object.entries(typical?.must ?? {})) {
    if (v === undefined || k in must) continue;
    if (scenarioHard) must[k] = v;
    else soft[k] = v;
    origin[`must.${k}`] = "scenario";
    inForce.push({ key: `must.${k}`, value: v, origin: "scenario", hard: scenarioHard, ...fromScenario(`must.${k}`) });
  }
  const ids = (names: readonly string[] | undefined) =>
    names?.map((n) => {
      const m = kb.resolveName(n);
      return m?.kind === "technology" ? m.id : n;
    });
  if (must.include) must.include = ids(must.include as string[]);
  if (must.exclude) must.exclude = ids(must.exclude as string[]);

  const scenarioPrefer: Prefer = typical?.prefer ?? {};
  const userPrefer: Prefer = req.prefer ?? {};
  const anyPrefer = Object.keys(scenarioPrefer).length + Object.keys(userPrefer).length > 0;
  const weights: Record<Term, number> = {} as Record<Term, number>;
  for (const t of TERMS) {
    const u = userPrefer[t];
    const s = scenarioPrefer[t];
    if (u !== undefined) {
      weights[t] = u;
      origin[`prefer.${t}`] = "user";
    } else if (s !== undefined) {
      weights[t] = s;
      origin[`prefer.${t}`] = "scenario";
    } else {
      weights[t] = anyPrefer ? 0 : DEFAULT_WEIGHT;
      origin[`prefer.${t}`] = "default";
    }
  }
  // Fit to a scenario means nothing without one.
  if (!scenario) weights.fit = 0;
  if (TERMS.every((t) => weights[t] === 0)) for (const t of TERMS) if (t !== "fit" || scenario) weights[t] = 1;
  for (const t of TERMS) {
    const o = origin[`prefer.${t}`]!;
    inForce.push({
      key: `prefer.${t}`,
      value: weights[t],
      origin: o,
      hard: false,
      ...(o === "scenario" ? fromScenario("prefer") : {}),
    });
  }
  return {
    ...(scenario ? { scenario } : {}),
    year,
    yearGiven: req.year !== undefined,
    must: must as Must,
    soft: soft as Must,
    scenarioHard,
    inForce,
    weights,
    origin,
    given: req,
  };
}
