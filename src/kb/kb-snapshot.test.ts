import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDerived, writeDerived } from "./kb-snapshot.js";
import { safeLoadKb } from "./load-kb.js";

const valid = join(import.meta.dirname, "..", "..", "test", "fixtures", "kb", "valid");

describe("knowledge-base snapshots", () => {
  let cache: string;
  let dir: string;
  const before = process.env.STACKATLAS_CACHE_DIR;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), "sa-cache-"));
    dir = mkdtempSync(join(tmpdir(), "sa-kb-"));
    cpSync(valid, dir, { recursive: true });
    process.env.STACKATLAS_CACHE_DIR = cache;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.STACKATLAS_CACHE_DIR;
    else process.env.STACKATLAS_CACHE_DIR = before;
  });

  it("a second load of unchanged files comes from the snapshot and compiles to the same knowledge base", () => {
    const first = safeLoadKb(dir, { snapshotBuild: "test" });
    expect(first.ok).toBe(true);
    expect(readdirSync(cache)).toHaveLength(1);
    const second = safeLoadKb(dir, { snapshotBuild: "test" });
    if (!first.ok || !second.ok) throw new Error("expected valid loads");
    expect(second.kb.counts).toEqual(first.kb.counts);
    expect([...second.kb.technologies.keys()]).toEqual([...first.kb.technologies.keys()]);
    expect(second.warnings).toEqual(first.warnings);
  });

  it("a changed file or another build misses the snapshot", () => {
    safeLoadKb(dir, { snapshotBuild: "test" });
    safeLoadKb(dir, { snapshotBuild: "other build" });
    expect(readdirSync(cache)).toHaveLength(2);
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
