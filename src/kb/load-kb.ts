/** @module kb/load-kb — read, parse, validate and compile a knowledge base: `loadKb` and `safeLoadKb`. */
import { type CompileInput, compileKb } from "./compile-kb.js";
import { defaultDataDir } from "./default-data-dir.js";
import { type FolderScan, scanFolder } from "./folder-scan.js";
import { groupParsedFiles, type ParsedKb } from "./group-parsed-files.js";
import { InvalidKbError } from "./invalid-kb-error.js";
import type { Issue } from "./issue.js";
import type { Kb } from "./kb.js";
import {
  type KbSnapshot,
  probeSnapshot,
  readSnapshot,
  snapshotInput,
  snapshotKey,
  writeManifest,
  writeSnapshot,
} from "./kb-snapshot.js";
import { parseDataFile } from "./parse-data-file.js";
import { type ReadKbFilesOptions, readKbFiles } from "./read-kb-files.js";
import { sortIssues, validateKb } from "./validate-kb.js";

export interface LoadKbOptions extends ReadKbFilesOptions {
  /**
   * Keep a snapshot of the validated knowledge base and reuse it while neither the files nor the code
   * change: the build's identity (the bundled CLI passes its own). Without it nothing is cached.
   * See kb-snapshot.ts for when a snapshot is reused.
   */
  readonly snapshotBuild?: string;
  /** A scan of the folder (kb-snapshot.ts `scanFolder`) taken just before this call, to save a second one. */
  readonly scan?: FolderScan;
  /**
   * Read, parse and validate every file even when a snapshot has this content (what `validate` does: a
   * verdict on the data comes from the data); a snapshot is still written for later loads.
   */
  readonly fresh?: boolean;
}

/** The answer of {@link safeLoadKb}: the compiled knowledge base, or every error found. */
export type SafeLoadKbResult =
  | {
      readonly ok: true;
      readonly kb: Kb;
      readonly warnings: readonly Issue[];
      /** The snapshot key, when a build identity was given: values derived from this KB may be cached under it. */
      readonly snapshotKey?: string;
    }
  | { readonly ok: false; readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] };

/**
 * What {@link safeLoadKbInput} gives: the validated data the compiler takes (plain, structured-cloneable:
 * a worker thread can read and validate, another thread compile), or every error found.
 */
export type SafeLoadKbInputResult =
  | {
      readonly ok: true;
      readonly input: CompileInput;
      readonly warnings: readonly Issue[];
      readonly snapshotKey?: string;
    }
  | { readonly ok: false; readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] };

/** The parsed files as the compiler's input: each file's path and data, nothing of its text or YAML tree. */
function compileInputOf(parsed: ParsedKb): CompileInput {
  const one = <T extends { file: { relativePath: string }; data: unknown }>(f: T) => ({
    file: { relativePath: f.file.relativePath },
    data: f.data,
  });
  const maybe = <T extends { file: { relativePath: string }; data: unknown }>(f: T | undefined) =>
    f === undefined ? undefined : one(f);
  return {
    dir: parsed.dir,
    dimensions: maybe(parsed.dimensions),
    vocabulary: maybe(parsed.vocabulary),
    scenarios: maybe(parsed.scenarios),
    claims: maybe(parsed.claims),
    diagnostics: maybe(parsed.diagnostics),
    sources: parsed.sources.map(one),
    technologies: parsed.technologies.map(one),
    cases: parsed.cases.map(one),
    deployments: parsed.deployments.map(one),
  } as CompileInput;
}

/**
 * Reads, parses and validates the knowledge base in `dir` (or takes its snapshot) without compiling it:
 * {@link safeLoadKb} less the last step. Never throws for a problem of the data.
 * @example const r = safeLoadKbInput("data"); if (r.ok) compileKb(r.input)
 */
export function safeLoadKbInput(dir: string = defaultDataDir(), options: LoadKbOptions = {}): SafeLoadKbInputResult {
  const build = options.snapshotBuild;
  // Snapshots and manifests are kept per file-size limit (kb-snapshot.ts).
  const cache = options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes };
  // A fresh load still records the folder's scan, taken before its files are read, for later loads.
  let scan: FolderScan | undefined =
    build !== undefined && options.fresh === true ? (options.scan ?? scanFolder(dir)) : undefined;
  if (build !== undefined && options.fresh !== true) {
    const probe = probeSnapshot(dir, build, { ...cache, ...(options.scan ? { scan: options.scan } : {}) });
    if (probe.hit) return snapshotResult(dir, probe.key, probe.snapshot);
    scan = probe.scan;
  }
  const read = readKbFiles(dir, options);
  const key = build !== undefined && read.issues.length === 0 ? snapshotKey(read.files, build) : undefined;
  // The folder as scanned before it was read holds these data files, whose content has key `k`.
  const remember = (k: string) => {
    if (scan === undefined || build === undefined) return;
    writeManifest(
      dir,
      build,
      scan,
      read.files.map((f) => f.relativePath),
      k,
      cache,
    );
  };
  const hit = key === undefined || options.fresh === true ? undefined : readSnapshot(key);
  if (hit) {
    remember(key!);
    return snapshotResult(dir, key!, hit);
  }
  const parsedFiles = read.files.map(parseDataFile);
  const parsed = groupParsedFiles(dir, parsedFiles);
  const all = sortIssues([...read.issues, ...parsedFiles.flatMap((f) => f.issues), ...validateKb(parsed)]);
  const errors = all.filter((i) => i.severity === "error");
  const warnings = all.filter((i) => i.severity === "warning");
  if (errors.length > 0) return { ok: false, errors, warnings };
  if (key === undefined) return { ok: true, input: compileInputOf(parsed), warnings };
  writeSnapshot(key, parsed, warnings);
  remember(key);
  return { ok: true, input: compileInputOf(parsed), warnings, snapshotKey: key };
}

/** A valid load answered by a snapshot (no file parsed, nothing validated again). */
function snapshotResult(dir: string, key: string, snapshot: KbSnapshot): SafeLoadKbInputResult {
  return { ok: true, input: snapshotInput(dir, snapshot), warnings: snapshot.warnings, snapshotKey: key };
}

/** Compiles a valid {@link safeLoadKbInput} result; an invalid one passes through. */
export function compileLoaded(r: SafeLoadKbInputResult): SafeLoadKbResult {
  if (!r.ok) return r;
  return {
    ok: true,
    kb: compileKb(r.input),
    warnings: r.warnings,
    ...(r.snapshotKey !== undefined ? { snapshotKey: r.snapshotKey } : {}),
  };
}

/**
 * Loads the knowledge base in `dir` (default: the package's own data/) without throwing: every
 * problem of every file is collected, errors and warnings apart, in reading order.
 * @example
 * const r = safeLoadKb("data");
 * if (!r.ok) for (const e of r.errors) console.error(`${e.file}:${e.line}:${e.column} ${e.message}`);
 */
export function safeLoadKb(dir: string = defaultDataDir(), options: LoadKbOptions = {}): SafeLoadKbResult {
  return compileLoaded(safeLoadKbInput(dir, options));
}

/**
 * Loads the knowledge base in `dir` (default: the package's own data/), throwing an
 * {@link InvalidKbError} (code INVALID_KB) that carries every error when it is invalid.
 * @example const kb = loadKb(); kb.resolveName("K8s")?.id // "kubernetes"
 */
export function loadKb(dir: string = defaultDataDir(), options: LoadKbOptions = {}): Kb {
  const r = safeLoadKb(dir, options);
  if (!r.ok) throw new InvalidKbError(dir, r.errors, r.warnings);
  return r.kb;
}
