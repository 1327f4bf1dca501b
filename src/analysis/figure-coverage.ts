/** @module analysis/figure-coverage — how many technologies have figures of their own, per metric, per role and per scenario. */
import type { Lang } from "../i18n/lang.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";

/** One group (a role, or a scenario): its technologies and how many have own figures of each metric. */
export interface CoverageRow {
  /** The role, or the scenario id. */
  readonly key: string;
  readonly name: string;
  readonly technologies: number;
  /** Technologies with at least one figure of their own (any metric). */
  readonly withFigures: number;
  /** Technologies with a figure of each metric (only metrics some technology has). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Figures with no date (no `asOf`, a source without a year): their age cannot show. */
  readonly undatedFigures: number;
}

export interface FigureCoverage {
  /** Metrics by how many technologies have a figure of them, most first: the table's columns. */
  readonly metrics: readonly { readonly id: string; readonly name: string; readonly technologies: number }[];
  readonly byRole: readonly CoverageRow[];
  readonly byScenario: readonly CoverageRow[];
}

function row(kb: Kb, key: string, name: string, techs: readonly CompiledTechnology[]): CoverageRow {
  const metrics: Record<string, number> = {};
  let withFigures = 0;
  let undatedFigures = 0;
  for (const t of techs) {
    const own = new Set(t.facts.map((f) => f.metric));
    if (own.size > 0) withFigures++;
    for (const m of own) metrics[m] = (metrics[m] ?? 0) + 1;
    for (const f of t.facts) if (f.asOf === undefined && kb.sources.get(f.source)?.year === undefined) undatedFigures++;
  }
  return { key, name, technologies: techs.length, withFigures, metrics, undatedFigures };
}

/**
 * Counts, per role and per scenario (the technologies placed in it), how many technologies have figures
 * of their own for each metric, so the gaps show (a role whose members all lean on their level's estimate).
 * @example figureCoverage(kb, "en").byRole.find((r) => r.key === "runtime")?.metrics["cold-start"]
 */
export function figureCoverage(kb: Kb, lang: Lang = "en"): FigureCoverage {
  const techs = [...kb.technologies.values()];
  const byRole = [...new Set(techs.map((t) => t.role))].sort().map((role) =>
    row(
      kb,
      role,
      role,
      techs.filter((t) => t.role === role),
    ),
  );
  const byScenario = [...kb.scenarios.values()].map((s) =>
    row(
      kb,
      s.id,
      s.names[lang],
      techs.filter((t) => (t.position.S ?? []).includes(s.id)),
    ),
  );
  const all = row(kb, "", "", techs);
  const metrics = Object.entries(all.metrics)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, n]) => ({ id, name: kb.metrics.get(id)?.names[lang] ?? id, technologies: n }));
  return { metrics, byRole, byScenario };
}
