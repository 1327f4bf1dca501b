/** @module cli/_filter-options — the `list` filter flags (--level, --role, …) as a TechnologyFilter. */
import type { TechnologyFilter } from "../network/filter-technologies.js";

/** The filter flags a command may declare; absent ones filter nothing. */
export interface FilterOptions {
  readonly level?: string[];
  readonly role?: string[];
  readonly scenario?: string;
  readonly since?: number;
  readonly until?: number;
  readonly cncf?: string;
  readonly text?: string;
}

/**
 * The filter the flags ask for, leaving out the ones not given.
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
