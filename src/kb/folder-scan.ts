/**
 * @module kb/folder-scan — the stat of every entry under a knowledge-base folder, taken without reading a
 * file, and the rules that tell from two scans that nothing changed (see kb-snapshot.ts for why sizes,
 * times and inodes, and when a scan is trusted).
 */
import { type Dirent, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** How much older than its scan a file must be for the manifest to be trusted on sizes and times alone. */
export const RACY_MS = 2000;

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
export function sameEntries(a: readonly ScanEntry[], b: readonly ScanEntry[]): boolean {
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
export function trusted(scan: FolderScan, racyMs: number): boolean {
  const limit = BigInt(Math.floor(scan.takenAtMs - racyMs)) * 1_000_000n;
  return scan.entries.every((e) => e[1] === "d" || (BigInt(e[3]) < limit && BigInt(e[4]) < limit));
}

/**
 * Whether a folder still looks as `before` saw it, by sizes and times, and `before` is old enough to be
 * trusted (see kb-snapshot.ts): what a process may keep a load of the folder for.
 */
export function unchangedSince(before: FolderScan, now: FolderScan | undefined, racyMs = RACY_MS): boolean {
  return now !== undefined && sameStats(before.entries, now.entries) && trusted(before, racyMs);
}
