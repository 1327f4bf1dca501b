/** @module kb/kb — the compiled knowledge base: indexes the network and engines read, built once per load. */
import type { Names, Text } from "../model/_common.js";
import type { Case } from "../model/case.js";
import type { Claim } from "../model/claim.js";
import type { Deployment } from "../model/deployment.js";
import type { DiagnosticsFile } from "../model/diagnostics.js";
import type { Dimension, DimensionKind, DimensionRule, StackRule } from "../model/dimension.js";
import type { Fact } from "../model/fact.js";
import type { Level } from "../model/level.js";
import type { Ordering } from "../model/ordering.js";
import type { RelationCondition, RelationDefault, RelationType } from "../model/relation.js";
import type { Scenario } from "../model/scenario.js";
import type { Source } from "../model/source.js";
import type { Cncf, Role, Technology, TraitStatement } from "../model/technology.js";
import type { Metric, Trait } from "../model/vocabulary.js";
import type { PartialOrder } from "./partial-order.js";

/** A fact with its figure converted to the unit its metric is reported in. */
export interface CompiledFact extends Fact {
  /** The technology id or level code the fact is about. */
  readonly subject: string;
  /** The figure in the metric's unit: `value`, `min`, `max` converted, and one representative number. */
  readonly normalized: {
    readonly unit: string;
    readonly value?: number;
    readonly min?: number;
    readonly max?: number;
    /** `value`, else the midpoint of `min`/`max`, else the bound. */
    readonly representative: number;
  };
}

/** A level of a dimension, with its facts normalised. */
export interface CompiledLevel extends Omit<Level, "facts"> {
  /** The key of the dimension the level belongs to. */
  readonly dimension: string;
  readonly facts: readonly CompiledFact[];
}

/** An ordering with its partial order computed. */
export interface CompiledOrdering extends Ordering {
  readonly order: PartialOrder;
}

/** A dimension with its levels indexed, orderings compiled and graph as adjacency lists. */
export interface CompiledDimension {
  readonly key: string;
  readonly keyAliases: readonly string[];
  readonly names: Names;
  readonly aliases: readonly string[];
  readonly kind: DimensionKind;
  readonly tupleIndex: number;
  readonly summary: Text;
  readonly source: string;
  readonly valuesFrom?: Dimension["valuesFrom"];
  readonly levels: readonly CompiledLevel[];
  readonly levelByCode: ReadonlyMap<string, CompiledLevel>;
  readonly levelByValue: ReadonlyMap<number, CompiledLevel>;
  /** A level by code, number, name (en/zh) or alias, case- and space-insensitive. */
  resolveLevel(text: string | number): CompiledLevel | undefined;
  readonly orderings: ReadonlyMap<string, CompiledOrdering>;
  /** The id of the ordering distances on this dimension are measured by, if any (else by level number). */
  readonly distanceBy?: string;
  /** The directed level graph (A1 → A5 …): successors and predecessors of each level code. */
  readonly graph?: {
    readonly edges: readonly (readonly [string, string])[];
    readonly out: ReadonlyMap<string, readonly string[]>;
    readonly in: ReadonlyMap<string, readonly string[]>;
    readonly source: string;
    readonly note?: Text;
  };
  readonly rules: readonly DimensionRule[];
  /** Where a stack's value on this dimension comes from (a slot, the year, the view, the scenario). */
  readonly stackRule: StackRule;
}

/** A relation as an edge of the network: from the technology whose file holds it. */
export interface CompiledRelation {
  readonly type: RelationType;
  readonly from: string;
  /** The single target, when the relation has one. */
  readonly to?: string;
  /** The options of an `anyOf` dependency. */
  readonly anyOf?: readonly string[];
  /** `to`, or every `anyOf` option: what the relation points at. */
  readonly targets: readonly string[];
  readonly when?: RelationCondition;
  readonly reason?: Text;
  readonly year?: number;
  /** For a `depends-on` an interface: the implementer the `from` technology uses unless configured otherwise. */
  readonly default?: RelationDefault;
  readonly source: string;
  readonly grade?: "A" | "B" | "C" | "U";
  readonly note?: Text;
  /** Index in the `relations` list of the `from` technology's file. */
  readonly index: number;
}

/** The relations of the knowledge base, indexed by endpoint and type. */
export interface KbRelations {
  readonly all: readonly CompiledRelation[];
  /** Relations from `id`, of one type or all. */
  out(id: string, type?: RelationType): readonly CompiledRelation[];
  /** Relations pointing at `id` (as `to` or an `anyOf` option), of one type or all. */
  in(id: string, type?: RelationType): readonly CompiledRelation[];
}

/** A technology with its positions as lists, levels resolved and facts normalised. */
export interface CompiledTechnology {
  readonly id: string;
  readonly names: Names;
  readonly aliases: readonly string[];
  readonly role: Role;
  readonly summary: Text;
  /** Level codes (scenario ids on the scenario dimension) by dimension key, always lists. */
  readonly position: Readonly<Record<string, readonly string[]>>;
  /** The seed's level numbers by dimension key, for the dimensions that have levels. */
  readonly positionValues: Readonly<Record<string, readonly number[]>>;
  readonly releasedYear: number;
  readonly released: Technology["released"];
  readonly cncf?: Cncf;
  readonly versions: NonNullable<Technology["versions"]>;
  readonly links?: Technology["links"];
  readonly traits: ReadonlyMap<string, TraitStatement>;
  readonly facts: readonly CompiledFact[];
  /** The relations of this technology's file (same objects as in `Kb.relations`). */
  readonly relations: readonly CompiledRelation[];
  /** The file it was read from, relative to the knowledge-base folder. */
  readonly file: string;
}

/** A scenario, as declared. */
export type CompiledScenario = Scenario;

/** A case with the file it came from. */
export interface CompiledCase extends Case {
  readonly file: string;
}

/** A held-out deployment with the file it came from. */
export interface CompiledDeployment extends Deployment {
  readonly file: string;
}

/** What a name resolved to. */
export type NameMatch =
  | { readonly kind: "technology"; readonly id: string; readonly technology: CompiledTechnology }
  | { readonly kind: "scenario"; readonly id: string; readonly scenario: CompiledScenario };

/** Sizes of the knowledge base; a technology counts on every level it occupies. */
export interface KbCounts {
  readonly technologies: number;
  /** Facts of technologies (the figures the engines use). */
  readonly facts: number;
  /** Facts stated for dimension levels as a whole. */
  readonly levelFacts: number;
  readonly relations: number;
  readonly claims: number;
  readonly cases: number;
  readonly scenarios: number;
  readonly sources: number;
  /** Technologies per level, for every dimension with levels that technologies take positions on. */
  readonly perLevel: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Fault-localisation knowledge (diagnostics.yaml), as declared; rules keep their file order. */
export type KbDiagnostics = DiagnosticsFile;

/** The compiled knowledge base. */
export interface Kb {
  /** The folder it was loaded from. */
  readonly dir: string;
  readonly technologies: ReadonlyMap<string, CompiledTechnology>;
  /** Dimensions by key (D, X, …); {@link Kb.dimension} also accepts key aliases (Y → D). */
  readonly dimensions: ReadonlyMap<string, CompiledDimension>;
  /** A dimension by key or key alias. */
  dimension(keyOrAlias: string): CompiledDimension | undefined;
  readonly scenarios: ReadonlyMap<string, CompiledScenario>;
  readonly cases: {
    /** Every case, by year then id. */
    readonly all: readonly CompiledCase[];
    /** The cases of each scenario, by year then id. */
    readonly byScenario: ReadonlyMap<string, readonly CompiledCase[]>;
  };
  /**
   * Publicly documented deployments, by year then id: held out from everything that learns or ranks
   * (recorded stacks, the fit term, the learned weights); only the evaluation reads them.
   */
  readonly deployments: readonly CompiledDeployment[];
  readonly claims: readonly Claim[];
  /** Claims by each entry of their `about` list. */
  readonly claimsAbout: ReadonlyMap<string, readonly Claim[]>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly metrics: ReadonlyMap<string, Metric>;
  readonly traits: ReadonlyMap<string, Trait>;
  readonly relations: KbRelations;
  /** Fault-localisation rules, symptoms, failure modes and signal support; absent when the knowledge base has no diagnostics.yaml. */
  readonly diagnostics?: KbDiagnostics;
  /** Technologies that `implements` the interface `interfaceId`, by id. */
  implementersOf(interfaceId: string): readonly CompiledTechnology[];
  /** A technology or scenario by id, en/zh name or alias, case- and space-insensitive. */
  resolveName(text: string): NameMatch | undefined;
  /** The nearest technology and scenario ids to a name that does not resolve. */
  suggestNames(text: string, k?: number): string[];
  readonly counts: KbCounts;
}
