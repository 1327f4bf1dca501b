/** @module kb/group-parsed-files — sort parsed data files by kind, keeping what failed for best-effort checks. */
import type { Case } from "../model/case.js";
import type { ClaimsFile } from "../model/claim.js";
import type { Deployment } from "../model/deployment.js";
import type { DiagnosticsFile } from "../model/diagnostics.js";
import type { DimensionsFile } from "../model/dimension.js";
import type { ScenariosFile } from "../model/scenario.js";
import type { SourcesFile } from "../model/source.js";
import type { Technology } from "../model/technology.js";
import type { VocabularyFile } from "../model/vocabulary.js";
import type { ParsedDataFile } from "./parse-data-file.js";

/** A schema-valid file's data, with the file for locating issues. */
export interface FileData<T> {
  readonly file: ParsedDataFile;
  readonly data: T;
}

/** A knowledge base's files after parsing, by kind; only schema-valid files carry data. */
export interface ParsedKb {
  readonly dir: string;
  readonly files: readonly ParsedDataFile[];
  readonly dimensions: FileData<DimensionsFile> | undefined;
  readonly vocabulary: FileData<VocabularyFile> | undefined;
  readonly scenarios: FileData<ScenariosFile> | undefined;
  readonly claims: FileData<ClaimsFile> | undefined;
  /** diagnostics.yaml, when the knowledge base has one (it is optional). */
  readonly diagnostics: FileData<DiagnosticsFile> | undefined;
  readonly sources: readonly FileData<SourcesFile>[];
  readonly technologies: readonly FileData<Technology>[];
  readonly cases: readonly FileData<Case>[];
  /** Held-out deployments (deployments/*.yaml): validated here, read only by the evaluation. */
  readonly deployments: readonly FileData<Deployment>[];
  /**
   * Ids declared by files that failed their schema (read from the raw value where possible), so a
   * reference to them is not reported a second time as unknown.
   */
  readonly unverifiedIds: {
    readonly technologies: ReadonlySet<string>;
    readonly sources: ReadonlySet<string>;
    readonly scenarios: ReadonlySet<string>;
  };
  /** Kinds whose file exists but failed: checks that need them are skipped rather than cascading. */
  readonly failed: ReadonlySet<string>;
}

/**
 * Sorts parsed files by kind.
 * @example const kb = groupParsedFiles("data", files.map(parseDataFile));
 */
export function groupParsedFiles(dir: string, files: readonly ParsedDataFile[]): ParsedKb {
  let dimensions: FileData<DimensionsFile> | undefined;
  let vocabulary: FileData<VocabularyFile> | undefined;
  let scenarios: FileData<ScenariosFile> | undefined;
  let claims: FileData<ClaimsFile> | undefined;
  let diagnostics: FileData<DiagnosticsFile> | undefined;
  const sources: FileData<SourcesFile>[] = [];
  const technologies: FileData<Technology>[] = [];
  const cases: FileData<Case>[] = [];
  const deployments: FileData<Deployment>[] = [];
  const unverified = { technologies: new Set<string>(), sources: new Set<string>(), scenarios: new Set<string>() };
  const failed = new Set<string>();
  for (const file of files) {
    const kind = file.file.kind.name;
    if (file.data === undefined) {
      failed.add(kind);
      if (kind === "technology") addId(unverified.technologies, file.raw);
      else if (kind === "case" || kind === "deployment") continue;
      else if (kind === "sources") addListIds(unverified.sources, file.raw, "sources");
      else if (kind === "scenarios") addListIds(unverified.scenarios, file.raw, "scenarios");
      continue;
    }
    switch (kind) {
      case "dimensions":
        dimensions = { file, data: file.data as DimensionsFile };
        break;
      case "vocabulary":
        vocabulary = { file, data: file.data as VocabularyFile };
        break;
      case "scenarios":
        scenarios = { file, data: file.data as ScenariosFile };
        break;
      case "claims":
        claims = { file, data: file.data as ClaimsFile };
        break;
      case "diagnostics":
        diagnostics = { file, data: file.data as DiagnosticsFile };
        break;
      case "sources":
        sources.push({ file, data: file.data as SourcesFile });
        break;
      case "technology":
        technologies.push({ file, data: file.data as Technology });
        break;
      case "case":
        cases.push({ file, data: file.data as Case });
        break;
      case "deployment":
        deployments.push({ file, data: file.data as Deployment });
        break;
      case "landscape-mapping":
        // The import's mapping table: checked against its schema above, not part of the compiled KB.
        break;
      default:
        throw new Error(`invariant failed: no grouping for data-file kind "${kind}"`);
    }
  }
  return {
    dir,
    files,
    dimensions,
    vocabulary,
    scenarios,
    claims,
    diagnostics,
    sources,
    technologies,
    cases,
    deployments,
    unverifiedIds: unverified,
    failed,
  };
}

function addId(into: Set<string>, raw: unknown): void {
  if (typeof raw === "object" && raw !== null && "id" in raw && typeof raw.id === "string") into.add(raw.id);
}

function addListIds(into: Set<string>, raw: unknown, key: string): void {
  if (typeof raw !== "object" || raw === null) return;
  const list = (raw as Record<string, unknown>)[key];
  if (Array.isArray(list)) for (const item of list) addId(into, item);
}
