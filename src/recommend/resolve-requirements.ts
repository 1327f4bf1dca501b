/** @module recommend/resolve-requirements — the requirements in force: the scenario's own, overridden key by key by the user's. */
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledScenario, Kb } from "../kb/kb.js";
import type { Must, Prefer, Requirements } from "../model/requirements.js";

/** The scoring terms, which are also the `prefer` keys. */
export const TERMS = ["startup", "footprint", "isolation", "overhead", "maturity", "fit"] as const;
export type Term = (typeof TERMS)[number];
export type Weights = Readonly<Record<Term, number>>;

/** Where a requirement in force came from. */
export type Origin = "user" | "scenario" | "default";

export interface ResolvedRequirements {
  readonly scenario?: CompiledScenario;
  /** As-of year: the user's, else the latest year the knowledge base knows. */
  readonly year: number;
  readonly yearGiven: boolean;
  /** Every `must` in force; include/exclude resolved to technology ids. */
  readonly must: Must;
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
 * Merges the scenario's requirements under the user's (the user's key wins) and fills the defaults:
 * the as-of year, equal weights where no `prefer` is given (no `fit` without a scenario). An unknown
 * scenario's error is worded in `lang`.
 * @example resolveRequirements(kb, { scenario: "edge", must: { coldStartMs: { max: 10 } } }).must.offline // true, from the scenario
 */
export function resolveRequirements(kb: Kb, req: Requirements, lang: Lang = "en"): ResolvedRequirements {
  const scenario = req.scenario === undefined ? undefined : resolveScenario(kb, req.scenario, "scenario", lang);
  const origin: Record<string, Origin> = {};
  const must: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scenario?.requirements.must ?? {})) {
    if (v === undefined) continue;
    must[k] = v;
    origin[`must.${k}`] = "scenario";
  }
  for (const [k, v] of Object.entries(req.must ?? {})) {
    if (v === undefined) continue;
    must[k] = v;
    origin[`must.${k}`] = "user";
  }
  const ids = (names: readonly string[] | undefined) =>
    names?.map((n) => {
      const m = kb.resolveName(n);
      return m?.kind === "technology" ? m.id : n;
    });
  if (must.include) must.include = ids(must.include as string[]);
  if (must.exclude) must.exclude = ids(must.exclude as string[]);

  const scenarioPrefer: Prefer = scenario?.requirements.prefer ?? {};
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
  return {
    ...(scenario ? { scenario } : {}),
    year: req.year ?? latestYear(kb),
    yearGiven: req.year !== undefined,
    must: must as Must,
    weights,
    origin,
    given: req,
  };
}
