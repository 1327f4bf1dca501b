/**
 * @module kb/kb-snapshot — a validated knowledge base saved as JSON, so an unchanged one loads without
 * parsing, found through a manifest of its folder's scan (folder-scan.ts) that tells, from file sizes
 * and times alone, that it is unchanged.
 *
 * This module imports no YAML parser and no schema library: the CLI finds a snapshot with it alone and
 * loads those (see load-kb.ts) only when the snapshot misses.
 *
 * When a snapshot may be used — the rule that keeps a stale one from ever being served:
 * - A snapshot is named by its *content key*: a hash of the build's identity and of every data file's
 *   path and text ({@link snapshotKey}). Only the full loader writes one, after those very texts loaded
 *   without an issue. Found by that key, a snapshot is only ever used for the content it was made from;
 *   the manifest below lets a start find the key without reading the files.
 * - Each folder has a *manifest* (per build and file-size limit): the scan of the folder taken before its
 *   files were read — every entry below it, data or not: path and type, and for files and links the size,
 *   mtime, ctime and inode (nanoseconds where the file system has them) — with the paths of the data
 *   files and their content key.
 * - A start scans the folder again (reading no file). When every entry has the manifest's path, type,
 *   size, mtime, ctime and inode, and the manifest is *trusted* (below), its content key is used as is.
 * - When the same entries are there but a size or time differs (an edit, a `touch`, a checkout, a copy),
 *   or the manifest is not trusted, the data files are read and hashed again: the snapshot of that
 *   content key is used if there is one, and the manifest is updated. Which files are data files, and
 *   that none is refused, depends only on the entries' names, types and sizes, which is why the
 *   manifest's list can be used.
 * - When an entry appeared, vanished or changed type, the full loader decides: it reads the folder, and
 *   validates it unless a snapshot has its content key (a new README, for instance, changes nothing).
 * - Why size and mtime are not enough: an edit that keeps the size and sets the old mtime back
 *   (`touch -d`, `utimes`, some archive and sync tools) still sets ctime to the current time, which no
 *   call can set; a file replaced by another (editors that write a copy and rename it) has a new inode.
 * - A manifest is trusted only when every file's mtime and ctime are older than the moment its scan began
 *   by {@link RACY_MS}. File times come from a coarse clock (a few ms, up to 2 s on some file systems):
 *   a second write within the same tick as the scanned one would leave the same size and times
 *   ("racily clean", as git calls it). Files changed that recently are hashed at each start until the
 *   manifest is rewritten after they have aged.
 * So a changed data file is always noticed, whatever its size and times, unless the file system's clock
 * lags the system's by more than {@link RACY_MS} *and* two same-size writes land in one tick of it; file
 * times in the future are never trusted.
 *
 * Whose cache it is: the folder ({@link snapshotDir}) is the user's own — used only when this user owns
 * it and no one else may write in it — and every file in it starts with a SHA-256 of its content, so a
 * file cut short or edited is ignored; a snapshot's shape is checked before it is compiled. Temporary
 * files get random names and are created exclusively.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CACHE_FORMAT, readCacheJson, sha256, snapshotDir, writeCacheJson } from "./cache-file.js";
import type { CompileInput } from "./compile-kb.js";
import { type FolderScan, RACY_MS, sameEntries, sameStats, scanFolder, trusted } from "./folder-scan.js";
import type { ParsedKb } from "./group-parsed-files.js";
import type { Issue } from "./issue.js";

/** The largest data file read, as in read-kb-files.ts (kept here so that this module needs no schema). */
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

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
  readonly many: Readonly<Record<"sources" | "technologies" | "cases" | "deployments", readonly SnapshotFile[]>>;
}

/** A file's path (relative to the knowledge-base folder, forward slashes) and text, as hashed. */
export interface KeyedFile {
  readonly relativePath: string;
  readonly text: string;
}

/**
 * The key of a knowledge base's snapshot: a hash of every data file's path and text and of the code that
 * validated it (`build`), so a change to either misses the cache.
 * @example snapshotKey(read.files, "0.1.0+1732744000000")
 */
export function snapshotKey(files: readonly KeyedFile[], build: string): string {
  const h = sha256();
  h.update(`stackatlas-kb-snapshot ${CACHE_FORMAT} ${build}\0`);
  for (const f of files) h.update(`${f.relativePath}\0${f.text}\0`);
  return h.digest("hex");
}

/** Reads a snapshot; undefined when there is none, or it cannot be read or trusted (a cache never fails a load). */
export function readSnapshot(key: string, dir = snapshotDir()): KbSnapshot | undefined {
  const s = readCacheJson(dir, `${key}.json`) as KbSnapshot | undefined;
  return s !== undefined && s.format === CACHE_FORMAT && s.key === key && snapshotShapeOk(s) ? s : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const SINGLE_KINDS = ["dimensions", "vocabulary", "scenarios", "claims", "diagnostics"] as const;
const MANY_KINDS = ["sources", "technologies", "cases", "deployments"] as const;

/**
 * Whether a snapshot has the shape the compiler reads: every kind present, every file a path and an
 * object, every technology an id (its file's name), names and a role. A cheap guard, not validation:
 * a snapshot only ever comes from a folder that validated, and its checksum and folder are checked.
 */
function snapshotShapeOk(s: KbSnapshot): boolean {
  if (!isRecord(s.single) || !isRecord(s.many) || !Array.isArray(s.warnings)) return false;
  const fileOk = (f: unknown): f is SnapshotFile =>
    isRecord(f) && typeof f.relativePath === "string" && isRecord(f.data);
  for (const k of SINGLE_KINDS) {
    const f = s.single[k];
    if (f !== null && !fileOk(f)) return false;
  }
  for (const k of MANY_KINDS) {
    const list = s.many[k];
    if (!Array.isArray(list) || !list.every(fileOk)) return false;
  }
  const ids = new Set<string>();
  for (const t of s.many.technologies) {
    const d = t.data as Record<string, unknown>;
    const names = d.names;
    const id = d.id;
    const ok =
      typeof id === "string" &&
      /^[a-z0-9][a-z0-9.-]*$/.test(id) &&
      t.relativePath === `technologies/${id}.yaml` &&
      isRecord(names) &&
      typeof names.en === "string" &&
      typeof names.zh === "string" &&
      typeof d.role === "string" &&
      !ids.has(id);
    if (!ok) return false;
    ids.add(id);
  }
  return true;
}

/** Saves a validated knowledge base's data; failures are ignored (the cache is only a speed-up). */
export function writeSnapshot(key: string, parsed: ParsedKb, warnings: readonly Issue[], dir = snapshotDir()): void {
  const one = (f: { file: { relativePath: string }; data: unknown } | undefined): SnapshotFile | null =>
    f === undefined ? null : { relativePath: f.file.relativePath, data: f.data };
  const snapshot: KbSnapshot = {
    format: CACHE_FORMAT,
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
      deployments: parsed.deployments.map((f) => one(f)!),
    },
  };
  writeCacheJson(dir, `${key}.json`, snapshot);
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
    deployments: many(s.many.deployments ?? []),
  } as CompileInput;
}

// ---- the manifest ----

/** What a folder's manifest records; see the module's comment. */
interface Manifest {
  readonly format: number;
  readonly dir: string;
  readonly build: string;
  readonly maxFileBytes: number;
  readonly scan: FolderScan;
  /** The data files, in the order their texts are hashed into the key. */
  readonly dataFiles: readonly string[];
  readonly key: string;
}

export interface SnapshotOptions {
  /** The loader's limit on a data file's size (default 1 MiB); a manifest is kept per limit. */
  readonly maxFileBytes?: number;
  /** Where snapshots and manifests are kept (default {@link snapshotDir}). */
  readonly cacheDir?: string;
  /** Overrides {@link RACY_MS} (tests). */
  readonly racyMs?: number;
  /** A scan of the folder just taken, to use instead of scanning again. */
  readonly scan?: FolderScan;
}

/**
 * The manifest's file name: a 64-bit FNV-1a hash of what it is for. Not a cryptographic hash, and it need
 * not be: the manifest repeats what it is for inside, and one that does not match is ignored.
 */
function manifestName(dir: string, build: string, maxFileBytes: number): string {
  const text = `${CACHE_FORMAT}\0${build}\0${maxFileBytes}\0${resolve(dir)}`;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `folder-${h.toString(16).padStart(16, "0")}.json`;
}

function readManifest(dir: string, build: string, maxFileBytes: number, cacheDir: string): Manifest | undefined {
  const m = readCacheJson(cacheDir, manifestName(dir, build, maxFileBytes)) as Manifest | undefined;
  const ok =
    m !== undefined &&
    m.format === CACHE_FORMAT &&
    m.build === build &&
    m.dir === resolve(dir) &&
    m.maxFileBytes === maxFileBytes &&
    Array.isArray(m.dataFiles) &&
    isRecord(m.scan) &&
    Array.isArray(m.scan.entries);
  return ok ? m : undefined;
}

/**
 * Records that the folder, as `scan` saw it before its files were read, holds the data files
 * `dataFiles` whose content key is `key`. Call it only when those files loaded without an issue.
 */
export function writeManifest(
  dir: string,
  build: string,
  scan: FolderScan,
  dataFiles: readonly string[],
  key: string,
  options: SnapshotOptions = {},
): void {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const manifest: Manifest = { format: CACHE_FORMAT, dir: resolve(dir), build, maxFileBytes, scan, dataFiles, key };
  writeCacheJson(options.cacheDir ?? snapshotDir(), manifestName(dir, build, maxFileBytes), manifest);
}

/** The answer of {@link probeSnapshot}. */
export type SnapshotProbe =
  | {
      readonly hit: true;
      readonly key: string;
      readonly snapshot: KbSnapshot;
      /** How the key was found: from sizes and times alone, or by hashing the data files again. */
      readonly via: "stat" | "content";
    }
  | {
      readonly hit: false;
      /** The scan taken before any file was read: record it with {@link writeManifest} after loading. */
      readonly scan: FolderScan | undefined;
    };

/**
 * Finds the snapshot of the knowledge base in `dir` without a YAML parser or a schema: by the folder's
 * manifest when no size or time changed, else by hashing its data files again; a miss when an entry
 * appeared or vanished, or no snapshot has that content. Never throws.
 * @example const p = probeSnapshot("data", BUILD_ID); if (p.hit) compileKb(snapshotInput("data", p.snapshot))
 */
export function probeSnapshot(dir: string, build: string, options: SnapshotOptions = {}): SnapshotProbe {
  const scan = options.scan ?? scanFolder(dir);
  if (scan === undefined) return { hit: false, scan };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const cacheDir = options.cacheDir ?? snapshotDir();
  const manifest = readManifest(dir, build, maxFileBytes, cacheDir);
  if (manifest === undefined || !sameEntries(scan.entries, manifest.scan.entries)) return { hit: false, scan };
  let key = manifest.key;
  let via: "stat" | "content" = "stat";
  if (!sameStats(scan.entries, manifest.scan.entries) || !trusted(manifest.scan, options.racyMs ?? RACY_MS)) {
    // Sizes or times differ, or changed too recently to tell: the content decides.
    const sizes = new Map(scan.entries.map((e) => [e[0], e[2]]));
    const files: KeyedFile[] = [];
    for (const relativePath of manifest.dataFiles) {
      const size = sizes.get(relativePath);
      if (size === undefined || size > maxFileBytes) return { hit: false, scan };
      try {
        files.push({ relativePath, text: readFileSync(join(dir, relativePath), "utf8") });
      } catch {
        return { hit: false, scan };
      }
    }
    key = snapshotKey(files, build);
    via = "content";
  }
  const snapshot = readSnapshot(key, cacheDir);
  if (snapshot === undefined) return { hit: false, scan };
  if (via === "content") writeManifest(dir, build, scan, manifest.dataFiles, key, { maxFileBytes, cacheDir });
  return { hit: true, key, snapshot, via };
}
