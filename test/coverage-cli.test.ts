// `analyze --coverage`: per role and per scenario, the technologies with own figures of each metric.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

interface Row {
  key: string;
  technologies: number;
  withFigures: number;
  metrics: Record<string, number>;
}

describe("stackatlas analyze --coverage", () => {
  it("answers JSON per role and per scenario, the runtimes' cold-start figures among them", async () => {
    const r = await runJson<{ byRole: Row[]; byScenario: Row[]; metrics: { id: string }[] }>("analyze", "--coverage");
    expect(r.code).toBe(0);
    const runtime = r.json.byRole.find((x) => x.key === "runtime");
    expect(runtime?.metrics["cold-start"]).toBeGreaterThan(0);
    expect(r.json.byScenario.map((x) => x.key)).toContain("ai-inference");
    for (const row of [...r.json.byRole, ...r.json.byScenario])
      expect(row.withFigures).toBeLessThanOrEqual(row.technologies);
  });

  it("prints the tables in Chinese with --lang zh", async () => {
    const r = await runCli("analyze", "--coverage", "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.out).toContain("各角色中有自有数据的技术数");
    expect(r.out).toContain("冷启动时间");
  });

  it("answers a broken knowledge base with its errors, not a crash", async () => {
    const r = await runCli(
      "analyze",
      "--coverage",
      "--data",
      join(import.meta.dirname, "fixtures", "kb", "no-such-folder"),
    );
    expect(r.code).not.toBe(0);
    expect(r.err + r.out).toMatch(/MISSING_FILE|missing/i);
  });
});
