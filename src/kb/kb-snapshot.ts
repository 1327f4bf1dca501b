/** @module kb/kb-snapshot — a validated knowledge base saved as JSON, so an unchanged one loads without parsing. */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CompileInput } from "./compile-kb.js";
import type { ParsedKb } from "./group-parsed-files.js";
import type { Issue } from "./issue.js";
import type { KbFile } from "./read-kb-files.js";

/** Bumped when the snapshot's layout changes. */
const FORMAT = 1;

interface SnapshotFile {
  readonly relativePath: string;
  readonly data: unknown;
}

/** What is saved: the validated data by kind, and the warnings the load gave. */
export interface KbSnapshot {
  readonly format: number;
  readonly key: string;
  readonly warnings: readonly Issue[];
  readonly single: Readonly<
    Record<"dimensions" | "vocabulary" | "scenarios" | "claims" | "diagnostics", SnapshotFile | null>
  >;
  readonly many: Readonly<Record<"sources" | "technologies" | "cases", readonly SnapshotFile[]>>;
}

/** Where snapshots are kept: `STACKATLAS_CACHE_DIR`, else a folder in the system's temporary directory. */
export function snapshotDir(): string {
  return process.env.STACKATLAS_CACHE_DIR ?? join(tmpdir(), "stackatlas-cache");
}

/**
 * The key of a knowledge base's snapshot: a hash of every file's path and text and of the code that
 * validated it (`build`), so a change to either misses the cache.
 * @example snapshotKey(read.files, "0.1.0+1732744000000")
 */
export function snapshotKey(files: readonly KbFile[], build: string): string {
  const h = createHash("sha256");
  h.update(`stackatlas-kb-snapshot ${FORMAT} ${build}\0`);
  for (const f of files) h.update(`${f.relativePath}\0${f.text}\0`);
  return h.digest("hex");
}

/** Reads a snapshot; undefined when there is none, or it cannot be read (a cache never fails a load). */
export function readSnapshot(key: string, dir = snapshotDir()): KbSnapshot | undefined {
  try {
    const s = JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as KbSnapshot;
    return s.format === FORMAT && s.key === key ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a validated knowledge base's data; failures are ignored (the cache is only a speed-up). */
export function writeSnapshot(key: string, parsed: ParsedKb, warnings: readonly Issue[], dir = snapshotDir()): void {
  const one = (f: { file: { relativePath: string }; data: unknown } | undefined): SnapshotFile | null =>
    f === undefined ? null : { relativePath: f.file.relativePath, data: f.data };
  const snapshot: KbSnapshot = {
    format: FORMAT,
    key,
    warnings,
    single: {
      dimensions: one(parsed.dimensions),
      vocabulary: one(parsed.vocabulary),
      scenarios: one(parsed.scenarios),
      claims: one(parsed.claims),
      diagnostics: one(parsed.diagnostics),
    },
    many: {
      sources: parsed.sources.map((f) => one(f)!),
      technologies: parsed.technologies.map((f) => one(f)!),
      cases: parsed.cases.map((f) => one(f)!),
    },
  };
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // A read-only or full disk only costs the next load its speed.
  }
}

/** The snapshot as the compiler's input. */
export function snapshotInput(dir: string, s: KbSnapshot): CompileInput {
  const one = <T>(f: SnapshotFile | null) =>
    f === null ? undefined : { file: { relativePath: f.relativePath }, data: f.data as T };
  const many = <T>(fs: readonly SnapshotFile[]) =>
    fs.map((f) => ({ file: { relativePath: f.relativePath }, data: f.data as T }));
  return {
    dir,
    dimensions: one(s.single.dimensions),
    vocabulary: one(s.single.vocabulary),
    scenarios: one(s.single.scenarios),
    claims: one(s.single.claims),
    diagnostics: one(s.single.diagnostics),
    sources: many(s.many.sources),
    technologies: many(s.many.technologies),
    cases: many(s.many.cases),
  } as CompileInput;
}

/**
 * Reads a value derived from a knowledge base (e.g. an evaluation that takes seconds) saved beside its
 * snapshot under the same key; undefined when absent or unreadable.
 * @example readDerived<WeightEvaluation>(key, "weights")
 */
export function readDerived<T>(key: string, name: string, dir = snapshotDir()): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.${name}.json`), "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Saves a value derived from a knowledge base beside its snapshot; failures are ignored. */
export function writeDerived(key: string, name: string, value: unknown, dir = snapshotDir()): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, `${key}.${name}.json`));
  } catch {
    // Only the next run's speed is lost.
  }
}
