/** @module kb/_validation-context — the lookups every cross-file check shares, built once per validation. */
import type { Dimension } from "../model/dimension.js";
import type { Level } from "../model/level.js";
import type { Technology } from "../model/technology.js";
import type { Metric, Trait } from "../model/vocabulary.js";
import { issueAt, type Locatable } from "./_issue-at.js";
import type { FileData, ParsedKb } from "./group-parsed-files.js";
import { formatIssuePath, type Issue, type IssueCode, type IssuePath } from "./issue.js";
import { didYouMean, type NameCandidate, suggestNames } from "./suggest-names.js";

export interface ValidationContext {
  readonly kb: ParsedKb;
  /** Technologies by id (the first file that declares an id). */
  readonly technologies: ReadonlyMap<string, FileData<Technology>>;
  readonly sourceIds: ReadonlySet<string>;
  readonly scenarioIds: ReadonlySet<string>;
  /** Dimensions by key and key alias; undefined when dimensions.yaml is missing or invalid. */
  readonly dimensions: ReadonlyMap<string, Dimension> | undefined;
  /** Levels by dimension key, then code. */
  readonly levels: ReadonlyMap<string, ReadonlyMap<string, Level>>;
  /** Undefined when vocabulary.yaml is missing or invalid (checks that need it are skipped). */
  readonly metrics: ReadonlyMap<string, Metric> | undefined;
  readonly traits: ReadonlyMap<string, Trait> | undefined;
  readonly technologyCandidates: readonly NameCandidate[];
  readonly scenarioCandidates: readonly NameCandidate[];
  knownTechnology(id: string): boolean;
  knownSource(id: string): boolean;
  knownScenario(id: string): boolean;
  /** An UNKNOWN_* issue for a name that does not resolve, with the nearest valid names. */
  unknown(
    code: IssueCode,
    file: Locatable,
    path: IssuePath,
    what: string,
    value: string,
    candidates: Iterable<string | NameCandidate>,
    hint?: string,
  ): Issue;
}

export function buildValidationContext(kb: ParsedKb): ValidationContext {
  const technologies = new Map<string, FileData<Technology>>();
  for (const t of kb.technologies) if (!technologies.has(t.data.id)) technologies.set(t.data.id, t);
  const sourceIds = new Set<string>();
  for (const s of kb.sources) for (const src of s.data.sources) sourceIds.add(src.id);
  const scenarioIds = new Set<string>(kb.scenarios?.data.scenarios.map((s) => s.id) ?? []);

  let dimensions: Map<string, Dimension> | undefined;
  const levels = new Map<string, Map<string, Level>>();
  if (kb.dimensions !== undefined) {
    dimensions = new Map();
    for (const d of kb.dimensions.data.dimensions) {
      for (const k of [d.key, ...(d.keyAliases ?? [])]) if (!dimensions.has(k)) dimensions.set(k, d);
      levels.set(d.key, new Map((d.levels ?? []).map((l) => [l.code, l])));
    }
  }
  const vocab = kb.vocabulary?.data;
  const metrics = vocab === undefined ? undefined : new Map(vocab.metrics.map((m) => [m.id, m]));
  const traits = vocab === undefined ? undefined : new Map(vocab.traits.map((t) => [t.id, t]));

  const technologyCandidates: NameCandidate[] = [];
  for (const t of kb.technologies) {
    const { id, names, aliases } = t.data;
    for (const label of [id, names.en, names.zh, ...(aliases ?? [])]) technologyCandidates.push({ label, value: id });
  }
  const scenarioCandidates: NameCandidate[] = [];
  for (const s of kb.scenarios?.data.scenarios ?? []) {
    for (const label of [s.id, s.names.en, s.names.zh, ...(s.aliases ?? [])])
      scenarioCandidates.push({ label, value: s.id });
  }

  return {
    kb,
    technologies,
    sourceIds,
    scenarioIds,
    dimensions,
    levels,
    metrics,
    traits,
    technologyCandidates,
    scenarioCandidates,
    knownTechnology: (id) => technologies.has(id) || kb.unverifiedIds.technologies.has(id),
    knownSource: (id) => sourceIds.has(id) || kb.unverifiedIds.sources.has(id),
    knownScenario: (id) => scenarioIds.has(id) || kb.unverifiedIds.scenarios.has(id),
    unknown(code, file, path, what, value, candidates, hint) {
      const suggestions = suggestNames(value, candidates, 3);
      return issueAt(
        code,
        file,
        path,
        `unknown ${what} "${value}" in ${formatIssuePath(path)}${didYouMean(suggestions)}`,
        {
          suggestions,
          ...(hint === undefined ? {} : { hint }),
        },
      );
    },
  };
}
