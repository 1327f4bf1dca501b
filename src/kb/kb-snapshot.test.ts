import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDerived, snapshotDir, takeCacheDirRefusals, writeDerived } from "./cache-file.js";
import { RACY_MS, scanFolder, unchangedSince } from "./folder-scan.js";
import { probeSnapshot } from "./kb-snapshot.js";
import { safeLoadKb } from "./load-kb.js";

const root = join(import.meta.dirname, "..", "..");
const valid = join(root, "test", "fixtures", "kb", "valid");
const realData = join(root, "data");

/** The snapshots in the cache folder (the folders' manifests are beside them). */
const snapshots = (cache: string) => readdirSync(cache).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));

/** Waits long enough for the file system's clock (coarse: a few ms) to move on. */
const tick = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);

/** Rewrites a file with one substring replaced by another of the same length in bytes. */
function editSameSize(file: string, find: string, replace: string): void {
  expect(Buffer.byteLength(replace)).toBe(Buffer.byteLength(find));
  const before = readFileSync(file, "utf8");
  expect(before).toContain(find);
  writeFileSync(file, before.replace(find, replace));
  expect(statSync(file).size).toBe(Buffer.byteLength(before));
}

let cache: string;
let dir: string;
const before = process.env.STACKATLAS_CACHE_DIR;
const temp: string[] = [];
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), "sa-cache-"));
  dir = mkdtempSync(join(tmpdir(), "sa-kb-"));
  temp.push(cache, dir);
  cpSync(valid, dir, { recursive: true });
  tick();
  process.env.STACKATLAS_CACHE_DIR = cache;
});
afterEach(() => {
  if (before === undefined) delete process.env.STACKATLAS_CACHE_DIR;
  else process.env.STACKATLAS_CACHE_DIR = before;
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("knowledge-base snapshots", () => {
  it("a second load of unchanged files comes from the snapshot and compiles to the same knowledge base", () => {
    const first = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(first.ok).toBe(true);
    expect(snapshots(cache)).toHaveLength(1);
    const second = safeLoadKb(dir, { snapshotBuild: "test" });
    if (!first.ok || !second.ok) throw new Error("expected valid loads");
    expect(second.kb.counts).toEqual(first.kb.counts);
    expect([...second.kb.technologies.keys()]).toEqual([...first.kb.technologies.keys()]);
    expect(second.warnings).toEqual(first.warnings);
  });

  it("a changed file or another build misses the snapshot", () => {
    safeLoadKb(dir, { snapshotBuild: "test" });
    safeLoadKb(dir, { snapshotBuild: "other build" });
    expect(snapshots(cache)).toHaveLength(2);
    const file = join(dir, "scenarios.yaml");
    writeFileSync(file, "scenarios: 3\n");
    const broken = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(broken.ok).toBe(false);
  });

  it("an invalid knowledge base is never snapshotted", () => {
    writeFileSync(join(dir, "scenarios.yaml"), "scenarios: [\n");
    expect(safeLoadKb(dir, { snapshotBuild: "test" }).ok).toBe(false);
    expect(readdirSync(cache)).toHaveLength(0);
  });

  it("gives the key that values derived from the knowledge base are saved under, and reads them back", () => {
    const r = safeLoadKb(dir, { snapshotBuild: "test" });
    if (!r.ok || r.snapshotKey === undefined) throw new Error("expected a valid load with a key");
    expect(readDerived(r.snapshotKey, "weights")).toBeUndefined();
    writeDerived(r.snapshotKey, "weights", { top1: 3 });
    expect(readDerived(r.snapshotKey, "weights")).toEqual({ top1: 3 });
    const again = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(again.ok && again.snapshotKey).toBe(r.snapshotKey);
    writeFileSync(join(dir, "claims.yaml"), "claims: []\n");
    const changed = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(changed.ok && changed.snapshotKey).not.toBe(r.snapshotKey);
  });

  it("without a build identity nothing is cached", () => {
    safeLoadKb(dir);
    expect(readdirSync(cache)).toHaveLength(0);
  });
});

// The rule (kb-snapshot.ts): a snapshot is found by the folder's sizes, mtimes, ctimes and inodes when all
// are as recorded and the files were older than RACY_MS when recorded; by hashing the data files again
// when any differ (or are too recent); and a changed file is always noticed.
describe("finding a snapshot by sizes and times, never a stale one", () => {
  // Tests pass racyMs: 0 to see the sizes-and-times path on files just written; `tick` keeps the
  // file system's coarse clock from giving an edit the very times the scan recorded.
  const fast = { racyMs: 0 };

  it("finds an unchanged folder by sizes and times alone, and a touched one by its content", () => {
    const first = safeLoadKb(dir, { snapshotBuild: "test" });
    if (!first.ok) throw new Error("expected a valid load");
    tick();
    const byStat = probeSnapshot(dir, "test", fast);
    expect(byStat.hit && byStat.via).toBe("stat");
    expect(byStat.hit && byStat.key).toBe(first.snapshotKey);

    // New times, same content: hashed again, found, and recorded for the next start.
    const file = join(dir, "technologies", "k3s.yaml");
    utimesSync(file, new Date(), new Date(Date.now() - 10_000));
    tick();
    const byContent = probeSnapshot(dir, "test", fast);
    expect(byContent.hit && byContent.via).toBe("content");
    expect(byContent.hit && byContent.key).toBe(first.snapshotKey);
    tick();
    const again = probeSnapshot(dir, "test", fast);
    expect(again.hit && again.via).toBe("stat");
  });

  it("does not trust sizes and times of files changed just before they were recorded (racily clean)", () => {
    // The fixture was copied a moment ago: its files' ctimes are within RACY_MS of the manifest's scan.
    safeLoadKb(dir, { snapshotBuild: "test" });
    const probe = probeSnapshot(dir, "test");
    expect(probe.hit && probe.via).toBe("content");
    expect(RACY_MS).toBeGreaterThanOrEqual(2000);
  });

  it("notices an entry added or removed, whatever the data files' times", () => {
    safeLoadKb(dir, { snapshotBuild: "test" });
    tick();
    writeFileSync(join(dir, "technologies", "extra.yaml"), "id: extra\n");
    expect(probeSnapshot(dir, "test", fast).hit).toBe(false);
    const r = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(r.ok).toBe(false);
    rmSync(join(dir, "technologies", "extra.yaml"));
    rmSync(join(dir, "cases", "edge-2025.yaml"));
    expect(probeSnapshot(dir, "test", fast).hit).toBe(false);
  });

  it("a file beside the data that the loader ignores still reuses the snapshot, found by content", () => {
    const first = safeLoadKb(dir, { snapshotBuild: "test" });
    tick();
    writeFileSync(join(dir, "NOTES.md"), "not data\n");
    tick();
    expect(probeSnapshot(dir, "test", fast).hit).toBe(false);
    const second = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(second.ok && second.snapshotKey).toBe(first.ok && first.snapshotKey);
    tick();
    const probe = probeSnapshot(dir, "test", fast);
    expect(probe.hit && probe.via).toBe("stat");
  });

  describe("in a copy of the real data/", () => {
    let data: string;
    beforeEach(() => {
      data = mkdtempSync(join(tmpdir(), "sa-data-"));
      temp.push(data);
      cpSync(realData, data, { recursive: true });
      tick();
    });

    it("notices an edit that keeps the file's size but changes its mtime", () => {
      const first = safeLoadKb(data, { snapshotBuild: "test" });
      if (!first.ok) throw new Error("expected the real data to be valid");
      expect(first.kb.technologies.get("k3s")?.names.en).toBe("K3s");
      tick();
      expect(probeSnapshot(data, "test", fast).hit).toBe(true);

      const file = join(data, "technologies", "k3s.yaml");
      const was = statSync(file);
      editSameSize(file, "names: { en: K3s,", "names: { en: K4s,");
      utimesSync(file, was.atime, new Date(was.mtimeMs + 5_000));
      expect(statSync(file).mtimeMs).not.toBe(was.mtimeMs);

      // Not served from the old snapshot: its content is new, so no snapshot has it.
      expect(probeSnapshot(data, "test", fast).hit).toBe(false);
      const second = safeLoadKb(data, { snapshotBuild: "test" });
      if (!second.ok) throw new Error("expected a valid load");
      expect(second.kb.technologies.get("k3s")?.names.en).toBe("K4s");
      expect(second.snapshotKey).not.toBe(first.snapshotKey);
    });

    it("notices an edit that keeps the file's size and sets its old mtime back (by its ctime)", () => {
      // Whole seconds, so that the very same mtime can be set back after the edit.
      const file = join(data, "technologies", "k3s.yaml");
      const t = Math.floor(Date.now() / 1000) - 100;
      utimesSync(file, t, t);
      tick();
      const first = safeLoadKb(data, { snapshotBuild: "test" });
      if (!first.ok) throw new Error("expected the real data to be valid");
      tick();
      expect(probeSnapshot(data, "test", fast).hit).toBe(true);
      const was = statSync(file, { bigint: true });
      editSameSize(file, "names: { en: K3s,", "names: { en: K5s,");
      utimesSync(file, t, t);
      const now = statSync(file, { bigint: true });
      expect(now.size).toBe(was.size);
      expect(now.mtimeNs).toBe(was.mtimeNs);
      expect(now.ino).toBe(was.ino);
      expect(now.ctimeNs).not.toBe(was.ctimeNs);

      expect(probeSnapshot(data, "test", fast).hit).toBe(false);
      const second = safeLoadKb(data, { snapshotBuild: "test" });
      if (!second.ok) throw new Error("expected a valid load");
      expect(second.kb.technologies.get("k3s")?.names.en).toBe("K5s");
    });
  });
});

describe("scanFolder and unchangedSince", () => {
  it("lists every entry, data or not, and tells when a size or time changed", () => {
    writeFileSync(join(dir, "README.md"), "x");
    tick();
    const scan = scanFolder(dir);
    if (scan === undefined) throw new Error("expected a scan");
    const paths = scan.entries.map((e) => e[0]);
    expect(paths).toContain("README.md");
    expect(paths).toContain("technologies");
    expect(paths).toContain("technologies/k3s.yaml");
    tick();
    expect(unchangedSince(scan, scanFolder(dir), 0)).toBe(true);
    // Files written within RACY_MS of the scan are never trusted to be unchanged.
    expect(unchangedSince(scan, scanFolder(dir))).toBe(false);
    writeFileSync(join(dir, "README.md"), "y");
    expect(unchangedSince(scan, scanFolder(dir), 0)).toBe(false);
  });

  it("gives no scan of a folder that does not exist", () => {
    expect(scanFolder(join(dir, "no-such-folder"))).toBeUndefined();
  });
});

// A cache no one else can poison: the folder is the user's own, every file carries a checksum of its
// content, a snapshot's shape is checked, temporary files are created exclusively under random names.
describe("a snapshot cache no one else can poison", () => {
  /** Rewrites a cache file's JSON body with `edit`, keeping (`resign`) or breaking its checksum. */
  function tamper(file: string, edit: (body: string) => string, resign: boolean): void {
    const text = readFileSync(file, "utf8");
    const nl = text.indexOf("\n");
    const header = text.slice(0, nl);
    const body = edit(text.slice(nl + 1));
    const sum = header.slice(0, header.lastIndexOf(":") + 1);
    writeFileSync(
      file,
      resign ? `${sum}${createHash("sha256").update(body).digest("hex")}\n${body}` : `${header}\n${body}`,
    );
  }
  const opaName = (r: ReturnType<typeof safeLoadKb>) => (r.ok ? r.kb.technologies.get("opa")?.names.en : undefined);

  it("rejects a snapshot edited after it was written, reads the files again and writes it anew", () => {
    const first = safeLoadKb(dir, { snapshotBuild: "test" });
    const name = opaName(first)!;
    const [snap] = snapshots(cache);
    tamper(join(cache, snap!), (b) => b.replace(`"en":"${name}"`, `"en":"POISONED"`), false);
    expect(readFileSync(join(cache, snap!), "utf8")).toContain("POISONED");
    const again = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(opaName(again)).toBe(name);
    expect(readFileSync(join(cache, snap!), "utf8")).not.toContain("POISONED");
    expect(probeSnapshot(dir, "test").hit).toBe(true);
  });

  it("rejects a snapshot whose checksum holds but whose shape does not (a technology without a role)", () => {
    safeLoadKb(dir, { snapshotBuild: "test" });
    const [snap] = snapshots(cache);
    tamper(join(cache, snap!), (b) => b.replace(/"role":"[a-z-]+",/, ""), true);
    expect(probeSnapshot(dir, "test").hit).toBe(false);
    expect(safeLoadKb(dir, { snapshotBuild: "test" }).ok).toBe(true);
    expect(probeSnapshot(dir, "test").hit).toBe(true);
  });

  it("a fresh load reads and validates the files even when a snapshot has them", () => {
    const name = opaName(safeLoadKb(dir, { snapshotBuild: "test" }))!;
    const [snap] = snapshots(cache);
    tamper(join(cache, snap!), (b) => b.replace(`"en":"${name}"`, `"en":"RESIGNED"`), true);
    // Signed again with a valid shape, the snapshot is used (only its owner could write it) …
    expect(opaName(safeLoadKb(dir, { snapshotBuild: "test" }))).toBe("RESIGNED");
    // … but never for a verdict on the data.
    expect(opaName(safeLoadKb(dir, { snapshotBuild: "test", fresh: true }))).toBe(name);
  });

  it("does not use a folder other users may write in, and says so once", () => {
    takeCacheDirRefusals();
    chmodSync(cache, 0o777);
    expect(safeLoadKb(dir, { snapshotBuild: "test" }).ok).toBe(true);
    expect(readdirSync(cache)).toEqual([]);
    expect(takeCacheDirRefusals()).toEqual([expect.objectContaining({ dir: cache, reason: "writable-by-others" })]);
    expect(takeCacheDirRefusals()).toEqual([]);
    chmodSync(cache, 0o700);
    safeLoadKb(dir, { snapshotBuild: "test" });
    expect(snapshots(cache)).toHaveLength(1);
  });

  it("does not use a folder another user owns", () => {
    takeCacheDirRefusals();
    const uid = process.getuid?.();
    if (uid === 0) chownSync(cache, 65534, 65534);
    // Not root: a folder root owns and only root may write in.
    const foreign = uid === 0 ? cache : "/usr";
    process.env.STACKATLAS_CACHE_DIR = foreign;
    const before = readdirSync(foreign).length;
    expect(safeLoadKb(dir, { snapshotBuild: "test" }).ok).toBe(true);
    expect(readdirSync(foreign)).toHaveLength(before);
    expect(takeCacheDirRefusals()).toEqual([expect.objectContaining({ dir: foreign, reason: "not-owned" })]);
  });

  it("creates its folder with mode 0700, under XDG_CACHE_HOME or ~/.cache by default", () => {
    const own = join(cache, "nested", "stackatlas");
    process.env.STACKATLAS_CACHE_DIR = own;
    safeLoadKb(dir, { snapshotBuild: "test" });
    expect(statSync(own).mode & 0o777).toBe(0o700);
    expect(snapshots(own)).toHaveLength(1);
    const xdg = process.env.XDG_CACHE_HOME;
    try {
      delete process.env.STACKATLAS_CACHE_DIR;
      process.env.XDG_CACHE_HOME = cache;
      expect(snapshotDir()).toBe(join(cache, "stackatlas"));
      process.env.XDG_CACHE_HOME = "relative/is/ignored";
      expect(snapshotDir()).toBe(join(homedir(), ".cache", "stackatlas"));
    } finally {
      if (xdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = xdg;
    }
  });

  it("never writes through a file planted at a predictable temporary name", () => {
    const first = safeLoadKb(dir, { snapshotBuild: "test" });
    const key = first.ok ? first.snapshotKey! : "";
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious\n");
    symlinkSync(victim, join(cache, `${key}.weights.json.${process.pid}.tmp`));
    writeDerived(key, "weights", { top1: 3 });
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(readDerived(key, "weights")).toEqual({ top1: 3 });
    // Only the planted link is left: the real temporary file was renamed into place.
    expect(readdirSync(cache).filter((f) => f.endsWith(".tmp"))).toEqual([`${key}.weights.json.${process.pid}.tmp`]);
  });
});
