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
 *
 * Whose cache it is: the folder ({@link snapshotDir}) is the user's own — used only when this user owns
 * it and no one else may write in it — and every file in it starts with a SHA-256 of its content, so a
 * file cut short or edited is ignored; a snapshot's shape is checked before it is compiled. Temporary
 * files get random names and are created exclusively.
 */
import {
  type Dirent,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
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
const FORMAT = 3;

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

/**
 * Where snapshots are kept: `STACKATLAS_CACHE_DIR`, else `stackatlas` in the user's cache folder
 * (`$XDG_CACHE_HOME`, else `~/.cache`) — never a folder other users share. See {@link cacheDirRefusal}.
 * @example snapshotDir() // "/home/ada/.cache/stackatlas"
 */
export function snapshotDir(): string {
  const explicit = process.env.STACKATLAS_CACHE_DIR;
  if (explicit) return explicit;
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache"), "stackatlas");
}

/** Why a cache folder is not used: someone else owns it, others may write in it, or it is no folder. */
export interface CacheDirRefusal {
  readonly dir: string;
  readonly reason: "not-owned" | "writable-by-others" | "not-a-folder";
  /** The folder's owner (uid) and permission bits, as found. */
  readonly uid?: number;
  readonly mode?: string;
}

/** Refusals not reported yet, by folder (each folder is reported once per process). */
const refusals = new Map<string, CacheDirRefusal | null>();

/**
 * Whether the cache folder `dir` may be trusted: a folder (not a link) owned by this user that no
 * one else may write in. Created (mode 0700) when `create` and absent. A cache that cannot be
 * created (a read-only file system) is silently unused; one that is refused is recorded for
 * {@link takeCacheDirRefusals}.
 */
function usableCacheDir(dir: string, create: boolean): boolean {
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const uid = process.getuid?.();
    const mode = `0${(st.mode & 0o777).toString(8)}`;
    const reason: CacheDirRefusal["reason"] | undefined = !st.isDirectory()
      ? "not-a-folder"
      : uid !== undefined && st.uid !== uid
        ? "not-owned"
        : (st.mode & 0o022) !== 0
          ? "writable-by-others"
          : undefined;
    if (reason === undefined) return true;
    if (!refusals.has(dir)) refusals.set(dir, { dir, reason, uid: st.uid, mode });
    return false;
  } catch {
    return false;
  }
}

/**
 * The cache folders refused since the last call, each once per process: what a surface warns about
 * (the cache is then not used, which only costs speed).
 * @example for (const r of takeCacheDirRefusals()) console.error(`cache ${r.dir} refused: ${r.reason}`)
 */
export function takeCacheDirRefusals(): CacheDirRefusal[] {
  const out: CacheDirRefusal[] = [];
  for (const [dir, r] of refusals) {
    if (r === null) continue;
    out.push(r);
    refusals.set(dir, null);
  }
  return out;
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

/** Reads a snapshot; undefined when there is none, or it cannot be read or trusted (a cache never fails a load). */
export function readSnapshot(key: string, dir = snapshotDir()): KbSnapshot | undefined {
  const s = readJson(dir, `${key}.json`) as KbSnapshot | undefined;
  return s !== undefined && s.format === FORMAT && s.key === key && snapshotShapeOk(s) ? s : undefined;
}

// Cache files are `stackatlas-cache <format> sha256:<hex of the rest>\n` then the JSON: a file cut short,
// edited or left by another version fails the checksum and is ignored (the data are read again).
const HEADER = `stackatlas-cache ${FORMAT} sha256:`;

/** Reads a cache file written by {@link writeJson}; undefined unless its folder is trusted and its checksum holds. */
function readJson(dir: string, name: string): unknown {
  try {
    if (!usableCacheDir(dir, false)) return undefined;
    const text = readFileSync(join(dir, name), "utf8");
    const nl = text.indexOf("\n");
    if (!text.startsWith(HEADER) || nl < 0) return undefined;
    const body = text.slice(nl + 1);
    if (text.slice(HEADER.length, nl) !== sha256().update(body).digest("hex")) return undefined;
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Temporary files older than this are left-overs of a killed process, removed at the next write. */
const STALE_TMP_MS = 60 * 60 * 1000;

/**
 * Writes `value` to `dir/name` with its checksum, atomically: a temporary file of a random name, created
 * exclusively (never through a planted link) with mode 0600, then renamed. Failures are ignored.
 */
function writeJson(dir: string, name: string, value: unknown): void {
  let tmp: string | undefined;
  try {
    if (!usableCacheDir(dir, true)) return;
    const body = JSON.stringify(value);
    const text = `${HEADER}${sha256().update(body).digest("hex")}\n${body}`;
    crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
    tmp = join(dir, `${name}.${crypto.randomBytes(8).toString("hex")}.tmp`);
    writeFileSync(tmp, text, { flag: "wx", mode: 0o600 });
    renameSync(tmp, join(dir, name));
    tmp = undefined;
    removeStaleTemporaries(dir);
  } catch {
    // A read-only or full disk only costs the next load its speed.
    if (tmp !== undefined) {
      try {
        unlinkSync(tmp);
      } catch {
        // Already gone.
      }
    }
  }
}

/** Removes temporary files a killed process left behind (older than {@link STALE_TMP_MS}). */
function removeStaleTemporaries(dir: string): void {
  const limit = Date.now() - STALE_TMP_MS;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".tmp")) continue;
    try {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isFile() && st.mtimeMs < limit) unlinkSync(p);
    } catch {
      // Another process removed or renamed it.
    }
  }
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
  const m = readJson(cacheDir, manifestName(dir, build, maxFileBytes)) as Manifest | undefined;
  const ok =
    m !== undefined &&
    m.format === FORMAT &&
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
  return readJson(dir, `${key}.${name}.json`) as T | undefined;
}

/** Saves a value derived from a knowledge base beside its snapshot; failures are ignored. */
export function writeDerived(key: string, name: string, value: unknown, dir = snapshotDir()): void {
  writeJson(dir, `${key}.${name}.json`, value);
}
