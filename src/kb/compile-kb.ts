/** @module kb/compile-kb — turn a validated knowledge base into indexes: Maps and precomputed lists. */
import type { Claim } from "../model/claim.js";
import type { Dimension } from "../model/dimension.js";
import type { Fact } from "../model/fact.js";
import type { RelationType } from "../model/relation.js";
import type { Source } from "../model/source.js";
import type { Metric } from "../model/vocabulary.js";
import { convertUnit } from "./convert-unit.js";
import type { ParsedKb } from "./group-parsed-files.js";

/** A file's data and where it came from: all that compiling needs of a parsed file. */
interface CompilableFile<T> {
  readonly file: { readonly relativePath: string };
  readonly data: T;
}

type Compilable<T> = T extends { readonly file: unknown; readonly data: infer D } ? CompilableFile<D> : never;

/**
 * What {@link compileKb} reads: the validated data of each kind, with each file's path. A parsed
 * knowledge base is one; so is a snapshot of one (see kb-snapshot.ts).
 */
export interface CompileInput {
  readonly dir: string;
  readonly dimensions: Compilable<NonNullable<ParsedKb["dimensions"]>> | undefined;
  readonly vocabulary: Compilable<NonNullable<ParsedKb["vocabulary"]>> | undefined;
  readonly scenarios: Compilable<NonNullable<ParsedKb["scenarios"]>> | undefined;
  readonly claims: Compilable<NonNullable<ParsedKb["claims"]>> | undefined;
  readonly diagnostics: Compilable<NonNullable<ParsedKb["diagnostics"]>> | undefined;
  readonly sources: readonly Compilable<ParsedKb["sources"][number]>[];
  readonly technologies: readonly Compilable<ParsedKb["technologies"][number]>[];
  readonly cases: readonly Compilable<ParsedKb["cases"][number]>[];
  /** Held-out deployments (absent: none). */
  readonly deployments?: readonly Compilable<ParsedKb["deployments"][number]>[];
}

import type {
  CompiledCase,
  CompiledDeployment,
  CompiledDimension,
  CompiledFact,
  CompiledLevel,
  CompiledOrdering,
  CompiledRelation,
  CompiledScenario,
  CompiledTechnology,
  Kb,
  KbCounts,
  NameMatch,
} from "./kb.js";
import { normalizeName } from "./normalize-name.js";
import { buildPartialOrder } from "./partial-order.js";
import { representativeValue } from "./representative-value.js";
import { type NameCandidate, suggestNames } from "./suggest-names.js";

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Compiles a parsed knowledge base that passed validation (compiling an invalid one is a bug: ids
 * that do not resolve throw).
 * @example const kb = compileKb(parsed); kb.technologies.get("k3s")?.releasedYear // 2019
 */
export function compileKb(parsed: CompileInput): Kb {
  const metrics = new Map<string, Metric>((parsed.vocabulary?.data.metrics ?? []).map((m) => [m.id, m]));
  const traits = new Map((parsed.vocabulary?.data.traits ?? []).map((t) => [t.id, t]));
  const sources = new Map<string, Source>();
  for (const f of parsed.sources) for (const s of f.data.sources) sources.set(s.id, s);

  const compileFact = (fact: Fact, subject: string): CompiledFact => {
    const metric = metrics.get(fact.metric);
    const unit = metric?.unit ?? fact.unit;
    const conv = (v: number | undefined) => (v === undefined ? undefined : convertUnit(v, fact.unit, unit));
    const value = conv(fact.value);
    const min = conv(fact.min);
    const max = conv(fact.max);
    return {
      ...fact,
      subject,
      normalized: {
        unit,
        ...(value === undefined ? {} : { value }),
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        representative: representativeValue(fact, unit) ?? Number.NaN,
      },
    };
  };

  // Dimensions.
  const dimensions = new Map<string, CompiledDimension>();
  const dimensionByAlias = new Map<string, CompiledDimension>();
  const dimList = [...(parsed.dimensions?.data.dimensions ?? [])].sort((a, b) => a.tupleIndex - b.tupleIndex);
  for (const d of dimList) {
    const compiled = compileDimension(d, compileFact);
    dimensions.set(d.key, compiled);
    for (const k of [d.key, ...(d.keyAliases ?? [])]) if (!dimensionByAlias.has(k)) dimensionByAlias.set(k, compiled);
  }

  // Technologies and relations.
  const technologies = new Map<string, CompiledTechnology>();
  const allRelations: CompiledRelation[] = [];
  const sortedTechs = [...parsed.technologies].sort((a, b) => a.data.id.localeCompare(b.data.id));
  for (const { file, data: t } of sortedTechs) {
    const position: Record<string, readonly string[]> = {};
    const positionValues: Record<string, readonly number[]> = {};
    for (const [key, v] of Object.entries(t.position)) {
      if (v === undefined) continue;
      const list = Object.freeze(typeof v === "string" ? [v] : [...v]);
      position[key] = list;
      const dim = dimensionByAlias.get(key);
      if (dim !== undefined && dim.levels.length > 0)
        positionValues[key] = Object.freeze(list.flatMap((code) => dim.levelByCode.get(code)?.value ?? []));
    }
    const relations: CompiledRelation[] = (t.relations ?? []).map((r, index) => {
      const rel: CompiledRelation = {
        type: r.type,
        from: t.id,
        ...(r.target === undefined ? {} : { to: r.target }),
        ...(r.anyOf === undefined ? {} : { anyOf: Object.freeze([...r.anyOf]) }),
        targets: Object.freeze(r.target !== undefined ? [r.target] : [...(r.anyOf ?? [])]),
        ...(r.when === undefined ? {} : { when: r.when }),
        ...(r.reason === undefined ? {} : { reason: r.reason }),
        ...(r.year === undefined ? {} : { year: r.year }),
        ...(r.default === undefined ? {} : { default: r.default }),
        source: r.source,
        ...(r.grade === undefined ? {} : { grade: r.grade }),
        ...(r.note === undefined ? {} : { note: r.note }),
        index,
      };
      return rel;
    });
    allRelations.push(...relations);
    technologies.set(t.id, {
      id: t.id,
      names: t.names,
      aliases: Object.freeze([...(t.aliases ?? [])]),
      role: t.role,
      summary: t.summary,
      position: Object.freeze(position),
      positionValues: Object.freeze(positionValues),
      releasedYear: t.released.year,
      released: t.released,
      ...(t.cncf === undefined ? {} : { cncf: t.cncf }),
      versions: t.versions ?? [],
      ...(t.links === undefined ? {} : { links: t.links }),
      traits: new Map((t.traits ?? []).map((s) => [s.trait, s])),
      facts: Object.freeze((t.facts ?? []).map((f) => compileFact(f, t.id))),
      relations: Object.freeze(relations),
      file: file.relativePath,
    });
  }

  const outIndex = new Map<string, CompiledRelation[]>();
  const inIndex = new Map<string, CompiledRelation[]>();
  const push = (m: Map<string, CompiledRelation[]>, key: string, r: CompiledRelation) => {
    const list = m.get(key);
    if (list === undefined) m.set(key, [r]);
    else list.push(r);
  };
  for (const r of allRelations) {
    push(outIndex, r.from, r);
    push(outIndex, `${r.from}\u0000${r.type}`, r);
    for (const to of new Set(r.targets)) {
      push(inIndex, to, r);
      push(inIndex, `${to}\u0000${r.type}`, r);
    }
  }
  const key = (id: string, type?: RelationType) => (type === undefined ? id : `${id}\u0000${type}`);
  const implementers = new Map<string, CompiledTechnology[]>();
  for (const r of allRelations) {
    if (r.type !== "implements" || r.to === undefined) continue;
    const list = implementers.get(r.to) ?? [];
    const tech = technologies.get(r.from);
    if (tech !== undefined && !list.includes(tech)) list.push(tech);
    implementers.set(r.to, list);
  }

  // Scenarios, cases, claims.
  const scenarios = new Map<string, CompiledScenario>((parsed.scenarios?.data.scenarios ?? []).map((s) => [s.id, s]));
  const byYear = (a: CompiledCase, b: CompiledCase) => a.year - b.year || a.id.localeCompare(b.id);
  const allCases: CompiledCase[] = parsed.cases.map((c) => ({ ...c.data, file: c.file.relativePath })).sort(byYear);
  const byScenario = new Map<string, CompiledCase[]>();
  for (const c of allCases) {
    const list = byScenario.get(c.scenario);
    if (list === undefined) byScenario.set(c.scenario, [c]);
    else list.push(c);
  }
  const deployments: CompiledDeployment[] = (parsed.deployments ?? [])
    .map((d) => ({ ...d.data, file: d.file.relativePath }))
    .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  const claims: readonly Claim[] = parsed.claims?.data.claims ?? [];
  const claimsAbout = new Map<string, Claim[]>();
  for (const c of claims)
    for (const a of new Set(c.about)) {
      const list = claimsAbout.get(a);
      if (list === undefined) claimsAbout.set(a, [c]);
      else list.push(c);
    }

  // One name index for technologies and scenarios (the validator made names unique).
  const names = new Map<string, NameMatch>();
  const candidates: NameCandidate[] = [];
  const index = (label: string, match: NameMatch) => {
    const k = normalizeName(label);
    if (k !== "" && !names.has(k)) names.set(k, match);
    candidates.push({ label, value: match.id });
  };
  for (const t of technologies.values()) {
    const m: NameMatch = { kind: "technology", id: t.id, technology: t };
    for (const label of [t.id, t.names.en, t.names.zh, ...t.aliases]) index(label, m);
  }
  for (const s of scenarios.values()) {
    const m: NameMatch = { kind: "scenario", id: s.id, scenario: s };
    for (const label of [s.id, s.names.en, s.names.zh, ...(s.aliases ?? [])]) index(label, m);
  }

  const counts = countKb(technologies, dimensions, allRelations.length, {
    claims: claims.length,
    cases: allCases.length,
    scenarios: scenarios.size,
    sources: sources.size,
  });

  return {
    dir: parsed.dir,
    technologies,
    dimensions,
    dimension: (k) => dimensionByAlias.get(k) ?? dimensionByAlias.get(k.toUpperCase()),
    scenarios,
    cases: { all: Object.freeze(allCases), byScenario },
    deployments: Object.freeze(deployments),
    claims,
    claimsAbout,
    sources,
    metrics,
    traits,
    ...(parsed.diagnostics === undefined ? {} : { diagnostics: parsed.diagnostics.data }),
    relations: {
      all: Object.freeze(allRelations),
      out: (id, type) => outIndex.get(key(id, type)) ?? EMPTY,
      in: (id, type) => inIndex.get(key(id, type)) ?? EMPTY,
    },
    implementersOf: (id) => implementers.get(id) ?? EMPTY,
    resolveName: (text) => names.get(normalizeName(text)),
    suggestNames: (text, k = 3) => suggestNames(text, candidates, k),
    counts,
  };
}

function compileDimension(d: Dimension, compileFact: (f: Fact, subject: string) => CompiledFact): CompiledDimension {
  const levels: CompiledLevel[] = (d.levels ?? []).map((l) => ({
    ...l,
    dimension: d.key,
    facts: Object.freeze((l.facts ?? []).map((f) => compileFact(f, l.code))),
  }));
  const levelByCode = new Map(levels.map((l) => [l.code, l]));
  const levelByValue = new Map(levels.map((l) => [l.value, l]));
  const levelByName = new Map<string, CompiledLevel>();
  for (const l of levels)
    for (const label of [l.code, l.names.en, l.names.zh, ...(l.aliases ?? [])]) {
      const k = normalizeName(label);
      if (!levelByName.has(k)) levelByName.set(k, l);
    }
  const orderings = new Map<string, CompiledOrdering>(
    (d.orderings ?? []).map((o) => [o.id, { ...o, order: buildPartialOrder(o.chains).order }]),
  );
  let graph: CompiledDimension["graph"];
  if (d.graph !== undefined) {
    const out = new Map<string, string[]>();
    const inn = new Map<string, string[]>();
    for (const [a, b] of d.graph.edges) {
      out.set(a, [...(out.get(a) ?? []), b]);
      inn.set(b, [...(inn.get(b) ?? []), a]);
    }
    graph = {
      edges: d.graph.edges.map(([a, b]) => [a, b] as const),
      out,
      in: inn,
      source: d.graph.source,
      ...(d.graph.note === undefined ? {} : { note: d.graph.note }),
    };
  }
  return {
    key: d.key,
    keyAliases: d.keyAliases ?? [],
    names: d.names,
    aliases: d.aliases ?? [],
    kind: d.kind,
    tupleIndex: d.tupleIndex,
    summary: d.summary,
    source: d.source,
    ...(d.valuesFrom === undefined ? {} : { valuesFrom: d.valuesFrom }),
    levels: Object.freeze(levels),
    levelByCode,
    levelByValue,
    resolveLevel: (text) => {
      if (typeof text === "number") return levelByValue.get(text);
      const byName = levelByName.get(normalizeName(text));
      if (byName !== undefined) return byName;
      return /^\d+$/.test(text.trim()) ? levelByValue.get(Number(text.trim())) : undefined;
    },
    orderings,
    ...(d.distanceBy === undefined ? {} : { distanceBy: d.distanceBy }),
    ...(graph === undefined ? {} : { graph }),
    rules: d.rules ?? [],
    stackRule: d.stackRule,
  };
}

function countKb(
  technologies: ReadonlyMap<string, CompiledTechnology>,
  dimensions: ReadonlyMap<string, CompiledDimension>,
  relations: number,
  rest: { claims: number; cases: number; scenarios: number; sources: number },
): KbCounts {
  const perLevel: Record<string, Record<string, number>> = {};
  // Every dimension with levels that technologies take positions on (not the year dimension).
  for (const d of dimensions.values()) {
    if (d.levels.length === 0 || d.kind === "year") continue;
    perLevel[d.key] = Object.fromEntries(d.levels.map((l) => [l.code, 0]));
  }
  let facts = 0;
  for (const t of technologies.values()) {
    facts += t.facts.length;
    for (const [key, codes] of Object.entries(t.position)) {
      const row = perLevel[key];
      if (row === undefined) continue;
      for (const code of new Set(codes)) row[code] = (row[code] ?? 0) + 1;
    }
  }
  let levelFacts = 0;
  for (const d of dimensions.values()) for (const l of d.levels) levelFacts += l.facts.length;
  return { technologies: technologies.size, facts, levelFacts, relations, ...rest, perLevel };
}
