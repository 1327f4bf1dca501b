/**
 * @module kb/kb-snapshot — a validated knowledge base saved as JSON, so an unchanged one loads without
 * parsing; and the folder scan that tells, from file sizes and times alone, that it is unchanged.
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
 */
import { type Dirent, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CompileInput } from "./compile-kb.js";
import type { ParsedKb } from "./group-parsed-files.js";
import type { Issue } from "./issue.js";

/**
 * node:crypto, loaded on first use: a snapshot found by sizes and times hashes nothing, and loading the
 * module is a noticeable part of a command's start-up.
 */
let crypto: typeof import("node:crypto") | undefined;
function sha256() {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha256");
}

/** Bumped when the snapshot's or the manifest's layout (or the key's recipe) changes. */
const FORMAT = 2;

/** How much older than its scan a file must be for the manifest to be trusted on sizes and times alone. */
export const RACY_MS = 2000;

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

/** Where snapshots are kept: `STACKATLAS_CACHE_DIR`, else a folder in the system's temporary directory. */
export function snapshotDir(): string {
  return process.env.STACKATLAS_CACHE_DIR ?? join(tmpdir(), "stackatlas-cache");
}

/**
 * The key of a knowledge base's snapshot: a hash of every data file's path and text and of the code that
 * validated it (`build`), so a change to either misses the cache.
 * @example snapshotKey(read.files, "0.1.0+1732744000000")
 */
export function snapshotKey(files: readonly KeyedFile[], build: string): string {
  const h = sha256();
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

/** Writes `value` as JSON to `dir/name` atomically (a temporary file renamed); failures are ignored. */
function writeJson(dir: string, name: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, name));
  } catch {
    // A read-only or full disk only costs the next load its speed.
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
      deployments: parsed.deployments.map((f) => one(f)!),
    },
  };
  writeJson(dir, `${key}.json`, snapshot);
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

// ---- the folder scan and the manifest ----

/** One entry of a knowledge-base folder: path, type, and (files and links) size, times and inode. */
export type ScanEntry = readonly [
  path: string,
  type: "f" | "d" | "o",
  size: number,
  mtimeNs: string,
  ctimeNs: string,
  ino: string,
];

/** The stat of every entry under a folder, and when the scan began (ms since the epoch). */
export interface FolderScan {
  readonly takenAtMs: number;
  readonly entries: readonly ScanEntry[];
}

/**
 * Scans a knowledge-base folder without reading any file: every entry below it, however deep, data file
 * or not (a superset of what the loader reads, so nothing it reads can change unseen); symbolic links
 * are recorded, not followed. Undefined when the folder cannot be read.
 * @example const scan = scanFolder("data"); scan?.entries.length
 */
export function scanFolder(dir: string): FolderScan | undefined {
  const takenAtMs = Date.now();
  const entries: ScanEntry[] = [];
  const walk = (abs: string, rel: string): void => {
    const list: Dirent[] = readdirSync(abs, { withFileTypes: true });
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of list) {
      const path = rel === "" ? e.name : `${rel}/${e.name}`;
      const p = join(abs, e.name);
      if (e.isDirectory()) {
        entries.push([path, "d", 0, "", "", ""]);
        walk(p, path);
      } else {
        const st = lstatSync(p, { bigint: true });
        entries.push([
          path,
          st.isFile() ? "f" : "o",
          Number(st.size),
          String(st.mtimeNs),
          String(st.ctimeNs),
          String(st.ino),
        ]);
      }
    }
  };
  try {
    // A folder that is a symbolic link is not one to the loader either (it reports it missing).
    if (!lstatSync(dir).isDirectory()) return undefined;
    walk(dir, "");
  } catch {
    return undefined;
  }
  return { takenAtMs, entries };
}

/** Whether two scans list the same entries (path and type), whatever their sizes and times. */
function sameEntries(a: readonly ScanEntry[], b: readonly ScanEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e[0] === b[i]![0] && e[1] === b[i]![1]);
}

/**
 * Whether two scans agree on every entry's path, type, size, mtime, ctime and inode.
 * @example sameStats(before.entries, scanFolder(dir)?.entries ?? [])
 */
export function sameStats(a: readonly ScanEntry[], b: readonly ScanEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.every((v, j) => v === b[i]![j]));
}

/** Whether every file of the scan was last changed at least `racyMs` before the scan began. */
function trusted(scan: FolderScan, racyMs: number): boolean {
  const limit = BigInt(Math.floor(scan.takenAtMs - racyMs)) * 1_000_000n;
  return scan.entries.every((e) => e[1] === "d" || (BigInt(e[3]) < limit && BigInt(e[4]) < limit));
}

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
  const text = `${FORMAT}\0${build}\0${maxFileBytes}\0${resolve(dir)}`;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `folder-${h.toString(16).padStart(16, "0")}.json`;
}

function readManifest(dir: string, build: string, maxFileBytes: number, cacheDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(cacheDir, manifestName(dir, build, maxFileBytes)), "utf8")) as Manifest;
    const ok = m.format === FORMAT && m.build === build && m.dir === resolve(dir) && m.maxFileBytes === maxFileBytes;
    return ok ? m : undefined;
  } catch {
    return undefined;
  }
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
  const manifest: Manifest = { format: FORMAT, dir: resolve(dir), build, maxFileBytes, scan, dataFiles, key };
  writeJson(options.cacheDir ?? snapshotDir(), manifestName(dir, build, maxFileBytes), manifest);
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

/**
 * Whether a folder still looks as `before` saw it, by sizes and times, and `before` is old enough to be
 * trusted (see the module's comment): what a process may keep a load of the folder for.
 */
export function unchangedSince(before: FolderScan, now: FolderScan | undefined, racyMs = RACY_MS): boolean {
  return now !== undefined && sameStats(before.entries, now.entries) && trusted(before, racyMs);
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
  writeJson(dir, `${key}.${name}.json`, value);
}
