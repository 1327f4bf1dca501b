/** @module network/technology-view — a technology as plain JSON: for `list`, `show` and the HTTP API. */
import type { CompiledFact, CompiledRelation, CompiledTechnology, Kb } from "../kb/kb.js";
import type { Names } from "../model/_common.js";
import type { Claim } from "../model/claim.js";
import type { TraitStatement } from "../model/technology.js";

/** One line of `list`. */
export interface TechnologySummary {
  readonly id: string;
  readonly name: string;
  readonly names: Names;
  readonly role: string;
  readonly released: number;
  readonly cncf?: string;
  /** Level codes per dimension (scenario ids on S); T is the first-release year. */
  readonly coordinate: Readonly<Record<string, readonly string[] | number>>;
}

/** A source as a citation: id, title, link and grade. */
export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
}

export interface FactView extends CompiledFact {
  readonly citation: Citation;
}

export interface RelationView {
  readonly type: string;
  readonly direction: "out" | "in";
  readonly other: readonly string[];
  readonly anyOf: boolean;
  readonly when?: string;
  readonly reason?: unknown;
  readonly year?: number;
  readonly citation: Citation;
}

/** Everything known about one technology, with every statement's source. */
export interface TechnologyDetail extends TechnologySummary {
  readonly aliases: readonly string[];
  readonly summary: unknown;
  readonly releasedSource: Citation & { readonly grade: string };
  /** The year of the first commit, where the record gives it apart from the first public release. */
  readonly firstCommit?: number;
  readonly cncfDates?: CompiledTechnology["cncf"];
  readonly versions: CompiledTechnology["versions"];
  readonly links?: CompiledTechnology["links"];
  readonly traits: readonly (TraitStatement & { readonly citation: Citation })[];
  readonly facts: readonly FactView[];
  readonly relations: readonly RelationView[];
  readonly claims: readonly Claim[];
}

/** The citation of a source id (its id alone when the registry lacks it). */
export function citation(kb: Kb, sourceId: string): Citation {
  const s = kb.sources.get(sourceId);
  if (!s) return { id: sourceId, title: sourceId };
  return s.url ? { id: s.id, title: s.title, url: s.url } : { id: s.id, title: s.title };
}

/**
 * The `list` line of a technology.
 * @example technologySummary(kb, kb.technologies.get("k3s")!, "en").coordinate.X // ["X2"]
 */
export function technologySummary(tech: CompiledTechnology, lang: "en" | "zh"): TechnologySummary {
  const coordinate: Record<string, readonly string[] | number> = { ...tech.position, T: tech.releasedYear };
  const base = {
    id: tech.id,
    name: tech.names[lang],
    names: tech.names,
    role: tech.role,
    released: tech.releasedYear,
    coordinate,
  };
  return tech.cncf ? { ...base, cncf: tech.cncf.maturity } : base;
}

function relationView(kb: Kb, r: CompiledRelation, direction: "out" | "in"): RelationView {
  const other = direction === "out" ? r.targets : [r.from];
  return {
    type: r.type,
    direction,
    other,
    anyOf: direction === "out" && r.anyOf !== undefined,
    ...(r.when ? { when: r.when } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.year ? { year: r.year } : {}),
    citation: citation(kb, r.source),
  };
}

/**
 * Everything known about a technology: coordinate, facts and traits with sources, relations both ways,
 * and the disputed claims about it.
 * @example technologyDetail(kb, kb.technologies.get("gvisor")!, "en").claims.length
 */
export function technologyDetail(kb: Kb, tech: CompiledTechnology, lang: "en" | "zh"): TechnologyDetail {
  const outgoing = tech.relations.map((r) => relationView(kb, r, "out"));
  const incoming = kb.relations.in(tech.id).map((r) => relationView(kb, r, "in"));
  return {
    ...technologySummary(tech, lang),
    aliases: tech.aliases,
    summary: tech.summary,
    releasedSource: { ...citation(kb, tech.released.source), grade: tech.released.grade },
    ...(tech.released.firstCommit === undefined ? {} : { firstCommit: tech.released.firstCommit }),
    ...(tech.cncf ? { cncfDates: tech.cncf } : {}),
    versions: tech.versions,
    ...(tech.links ? { links: tech.links } : {}),
    traits: [...tech.traits.values()].map((s) => ({ ...s, citation: citation(kb, s.source) })),
    facts: tech.facts.map((f) => ({ ...f, citation: citation(kb, f.source) })),
    relations: [...outgoing, ...incoming],
    claims: kb.claimsAbout.get(tech.id) ?? [],
  };
}
