/** @module network/filter-technologies — the technologies that match a set of filters (`list`). */
import { InvalidArgumentError } from "../errors.js";
import { KB } from "../i18n/kb-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";
import { normalizeName } from "../kb/normalize-name.js";
import { Role } from "../model/technology.js";
import { resolveLevelFilter } from "./resolve-level-filter.js";

/** The filter fields as the CLI's flags and the HTTP API's query name them; absent ones filter nothing. */
export interface FilterOptions {
  readonly level?: readonly string[] | undefined;
  readonly role?: readonly string[] | undefined;
  readonly scenario?: string | undefined;
  readonly since?: number | undefined;
  readonly until?: number | undefined;
  readonly cncf?: string | undefined;
  readonly text?: string | undefined;
}

/**
 * The filter that flags or query parameters ask for, leaving out the ones not given.
 * @example technologyFilter({ level: ["L-4"], since: 2019 }) // { levels: ["L-4"], since: 2019 }
 */
export function technologyFilter(opts: FilterOptions): TechnologyFilter {
  return {
    ...(opts.level ? { levels: opts.level } : {}),
    ...(opts.role ? { roles: opts.role } : {}),
    ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
    ...(opts.since !== undefined ? { since: opts.since } : {}),
    ...(opts.until !== undefined ? { until: opts.until } : {}),
    ...(opts.cncf !== undefined ? { cncf: opts.cncf } : {}),
    ...(opts.text !== undefined ? { text: opts.text } : {}),
  };
}

export interface TechnologyFilter {
  /** Roles, any of which matches. */
  readonly roles?: readonly string[];
  /** Levels, every one of which must be held (`L-4`, `D=4`, `O=eBPF`, `沙盒`). */
  readonly levels?: readonly string[];
  /** A scenario id, name or alias the technology is a reference for. */
  readonly scenario?: string;
  /** First released in or after / in or before these years. */
  readonly since?: number;
  readonly until?: number;
  /** CNCF maturity (`sandbox`, `incubating`, `graduated`, `archived`) or `any`/`none`. */
  readonly cncf?: string;
  /** Text found in the id, a name (en or zh), an alias or the summary. */
  readonly text?: string;
}

/**
 * Filters the technologies; every filter given must hold. Unknown roles, levels or scenarios are errors,
 * worded in `lang`.
 * @example filterTechnologies(kb, { levels: ["L-4"], text: "wasm" }).map((t) => t.id)
 */
export function filterTechnologies(kb: Kb, filter: TechnologyFilter, lang: Lang = "en"): CompiledTechnology[] {
  for (const role of filter.roles ?? []) {
    if (!Role.options.includes(role as Role)) {
      throw new InvalidArgumentError(KB.unknownRole(lang, { role }), { suggestions: [...Role.options] });
    }
  }
  const levels = (filter.levels ?? []).map((l) => resolveLevelFilter(kb, l, lang));
  let scenario: string | undefined;
  if (filter.scenario !== undefined) {
    const m = kb.resolveName(filter.scenario);
    if (m?.kind !== "scenario") {
      throw new InvalidArgumentError(KB.unknownScenario(lang, { name: filter.scenario }), {
        suggestions: [...kb.scenarios.values()].map((s) => `${s.id} (${s.names.zh})`),
      });
    }
    scenario = m.id;
  }
  const cncf = filter.cncf;
  if (cncf !== undefined && !["any", "none", "sandbox", "incubating", "graduated", "archived"].includes(cncf)) {
    throw new InvalidArgumentError(KB.unknownMaturity(lang, { maturity: cncf }), {
      suggestions: ["sandbox", "incubating", "graduated", "archived", "any", "none"],
    });
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) {
    throw new InvalidArgumentError(KB.sinceAfterUntil(lang, { since: filter.since, until: filter.until }));
  }
  const text = filter.text === undefined ? undefined : normalizeName(filter.text);
  const out: CompiledTechnology[] = [];
  for (const tech of kb.technologies.values()) {
    if (filter.roles && filter.roles.length > 0 && !filter.roles.includes(tech.role)) continue;
    if (!levels.every((l) => tech.position[l.dimension]?.includes(l.code))) continue;
    if (scenario !== undefined && !tech.position.S?.includes(scenario)) continue;
    if (filter.since !== undefined && tech.releasedYear < filter.since) continue;
    if (filter.until !== undefined && tech.releasedYear > filter.until) continue;
    if (cncf === "none" && tech.cncf) continue;
    if (cncf === "any" && !tech.cncf) continue;
    if (cncf !== undefined && cncf !== "any" && cncf !== "none" && tech.cncf?.maturity !== cncf) continue;
    if (text !== undefined && !matchesText(tech, text)) continue;
    out.push(tech);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function matchesText(tech: CompiledTechnology, needle: string): boolean {
  const summary = typeof tech.summary === "string" ? tech.summary : `${tech.summary.en} ${tech.summary.zh ?? ""}`;
  return [tech.id, tech.names.en, tech.names.zh, ...tech.aliases, summary].some((h) =>
    normalizeName(h).includes(needle),
  );
}
