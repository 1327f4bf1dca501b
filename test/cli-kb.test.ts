import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

const root = join(import.meta.dirname, "..");
const fixtures = join(root, "test", "fixtures", "kb");

describe("stackatlas validate", () => {
  it("reports the built-in knowledge base valid, with counts per level", async () => {
    const r = await runJson<{
      valid: boolean;
      errors: unknown[];
      counts: { technologies: number; perLevel: Record<string, Record<string, number>> };
    }>("validate");
    expect(r.code).toBe(0);
    expect(r.json.valid).toBe(true);
    expect(r.json.errors).toEqual([]);
    expect(r.json.counts.technologies).toBeGreaterThanOrEqual(100);
    for (const key of ["D", "X", "Z"]) {
      for (const n of Object.values(r.json.counts.perLevel[key]!)) expect(n).toBeGreaterThanOrEqual(3);
    }
  });

  it("prints every error of a broken knowledge base with file:line:column and exits 1", async () => {
    const r = await runCli("validate", "--data", join(fixtures, "invalid", "unknown-source"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\S+\.yaml:\d+:\d+: error UNKNOWN_SOURCE/);
  });

  it("answers a missing folder with an error, not a crash", async () => {
    const r = await runJson<{ valid: boolean; errors: { code: string }[] }>(
      "validate",
      "--data",
      join(fixtures, "no-such-folder"),
    );
    expect(r.code).toBe(1);
    expect(r.json.valid).toBe(false);
    expect(r.json.errors.map((e) => e.code)).toContain("MISSING_FILE");
  });

  it("speaks Chinese with --lang zh", async () => {
    const r = await runCli("validate", "--lang", "zh");
    expect(r.out).toContain("知识库校验通过");
  });

  it("warns about figures of fast-moving metrics older than their threshold, judged at --as-of", async () => {
    const valid = join(fixtures, "valid");
    type Report = { valid: boolean; warnings: { code: string; file: string }[] };
    const old = await runJson<Report>("validate", "--data", valid, "--as-of", "2026-12-07");
    expect(old.code).toBe(0);
    expect(old.json.valid).toBe(true);
    expect(old.json.warnings.filter((w) => w.code === "STALE_FIGURE")).toEqual([
      expect.objectContaining({ file: "technologies/wasmedge.yaml" }),
    ]);
    const young = await runJson<Report>("validate", "--data", valid, "--as-of", "2023-01-01");
    expect(young.json.warnings.filter((w) => w.code === "STALE_FIGURE")).toEqual([]);
    const strict = await runJson<Report>("validate", "--data", valid, "--as-of", "2023-01-01", "--stale-after", "1");
    expect(strict.json.warnings.filter((w) => w.code === "STALE_FIGURE")).toHaveLength(1);
  });

  it("refuses an --as-of that is not a date", async () => {
    const r = await runCli("validate", "--as-of", "last week");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("YYYY-MM-DD");
  });
});

describe("stackatlas list", () => {
  it("filters by level code, KEY=value and Chinese level name alike", async () => {
    const a = await runJson<{ technologies: { id: string }[] }>("list", "--level", "L-4");
    const b = await runJson<{ technologies: { id: string }[] }>("list", "--level", "D=4");
    const c = await runJson<{ technologies: { id: string }[] }>("list", "--level", "沙盒");
    expect(a.json.technologies.map((t) => t.id)).toContain("wasmedge");
    expect(b.json.technologies).toEqual(a.json.technologies);
    expect(c.json.technologies).toEqual(a.json.technologies);
  });

  it("combines role, year range and text (en or zh)", async () => {
    const r = await runJson<{ technologies: { id: string; released: number; role: string }[] }>(
      "list",
      "--role",
      "orchestrator",
      "--until",
      "2016",
    );
    expect(r.json.technologies.length).toBeGreaterThan(0);
    for (const t of r.json.technologies) {
      expect(t.role).toBe("orchestrator");
      expect(t.released).toBeLessThanOrEqual(2016);
    }
    const zh = await runJson<{ technologies: { id: string }[] }>("list", "--scenario", "边缘计算");
    expect(zh.json.technologies.map((t) => t.id)).toContain("k3s");
  });

  it("rejects an unknown role or level with the valid names", async () => {
    const r = await runCli("list", "--role", "runtim");
    expect(r.code).toBe(1);
    expect(r.err).toContain("unknown role");
    expect(r.err).toContain("runtime");
    const l = await runCli("list", "--level", "L-9");
    expect(l.code).toBe(1);
  });

  it("rejects a year range that is empty", async () => {
    const r = await runCli("list", "--since", "2020", "--until", "2010");
    expect(r.code).toBe(1);
  });
});

describe("stackatlas show", () => {
  it("finds a technology by alias and gives its facts with sources and grades", async () => {
    const r = await runJson<{
      id: string;
      facts: { source: string; grade: string; citation: { title: string } }[];
      claims: unknown[];
    }>("show", "runsc");
    expect(r.code).toBe(0);
    expect(r.json.id).toBe("gvisor");
    expect(r.json.facts.length).toBeGreaterThan(0);
    for (const f of r.json.facts) {
      expect(f.citation.title.length).toBeGreaterThan(0);
      expect("ABCU").toContain(f.grade);
    }
    expect(r.json.claims.length).toBeGreaterThan(0);
  });

  it("answers an unknown name with exit 1 and the nearest names", async () => {
    const r = await runCli("show", "wasmedg");
    expect(r.code).toBe(1);
    expect(r.err).toContain("wasmedge");
  });

  it("keeps per-instance and per-node figures apart", async () => {
    const k3s = await runJson<{ facts: { metric: string; scope: string; value?: number }[] }>("show", "k3s");
    const agent = k3s.json.facts.find((f) => f.metric === "min-memory" && f.value === 275);
    expect(agent?.scope).toBe("node");
  });
});

describe("the installed command", () => {
  it("runs as a user runs it: node bin/stackatlas.mjs", () => {
    const out = execFileSync(
      process.execPath,
      [join(root, "bin", "stackatlas.mjs"), "show", "K8s", "--format", "json"],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out).id).toBe("kubernetes");
  });

  it("exits 2 on a usage error without a stack trace", () => {
    const r = spawnSync(process.execPath, [join(root, "bin", "stackatlas.mjs"), "no-such-command"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops quietly when the reader closes the pipe early (stackatlas export | head -c 1)", () => {
    const bin = join(root, "bin", "stackatlas.mjs");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" export --as json | head -c 1 >/dev/null`], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.stderr).not.toMatch(/EPIPE/);
  });
});
