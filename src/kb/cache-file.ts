/**
 * @module kb/cache-file — the user's cache folder (trusted only when this user owns it and no one else may
 * write in it) and its files: each starts with a SHA-256 of its content, so one cut short or edited is
 * ignored; written atomically through a temporary file of a random name. Snapshots, manifests
 * (kb-snapshot.ts) and values derived from a knowledge base are kept in it.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * node:crypto, loaded on first use: a snapshot found by sizes and times hashes nothing, and loading the
 * module is a noticeable part of a command's start-up.
 */
let crypto: typeof import("node:crypto") | undefined;
export function sha256() {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha256");
}

/** Bumped when the layout of a cache file, a snapshot or a manifest (or the key's recipe) changes. */
export const CACHE_FORMAT = 3;

/**
 * Where snapshots are kept: `STACKATLAS_CACHE_DIR`, else `stackatlas` in the user's cache folder
 * (`$XDG_CACHE_HOME`, else `~/.cache`) — never a folder other users share. See {@link usableCacheDir}.
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

// Cache files are `stackatlas-cache <format> sha256:<hex of the rest>\n` then the JSON: a file cut short,
// edited or left by another version fails the checksum and is ignored (the data are read again).
const HEADER = `stackatlas-cache ${CACHE_FORMAT} sha256:`;

/** Reads a cache file written by {@link writeCacheJson}; undefined unless its folder is trusted and its checksum holds. */
export function readCacheJson(dir: string, name: string): unknown {
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
export function writeCacheJson(dir: string, name: string, value: unknown): void {
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

/**
 * Reads a value derived from a knowledge base (e.g. an evaluation that takes seconds) saved beside its
 * snapshot under the same key; undefined when absent or unreadable.
 * @example readDerived<WeightEvaluation>(key, "weights")
 */
export function readDerived<T>(key: string, name: string, dir = snapshotDir()): T | undefined {
  return readCacheJson(dir, `${key}.${name}.json`) as T | undefined;
}

/** Saves a value derived from a knowledge base beside its snapshot; failures are ignored. */
export function writeDerived(key: string, name: string, value: unknown, dir = snapshotDir()): void {
  writeCacheJson(dir, `${key}.${name}.json`, value);
}
