// `recommend` as a command: flags, a requirements file, JSON output, errors with exit codes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "@commander-js/extra-typings";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../src/cli/_context.js";
import type { Io } from "../src/cli/_output.js";
import { recommendCommand } from "../src/cli/recommend-command.js";
import { AtlasError } from "../src/errors.js";
import { loadKb } from "../src/kb/load-kb.js";

const DATA = resolve(import.meta.dirname, "../data");
const FIX = resolve(import.meta.dirname, "fixtures/requirements");
const kb = loadKb(DATA);

async function runRecommend(format: "json" | "table", ...argv: string[]) {
  return runRecommendIn("en", format, ...argv);
}

async function runRecommendIn(lang: "en" | "zh", format: "json" | "table", ...argv: string[]) {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    isTty: false,
  };
  const ctx: CliContext = {
    io,
    format,
    lang,
    dataDir: DATA,
    setExitCode: () => {},
    loadResult: () => ({ ok: true, kb, warnings: [] }),
    cacheKey: () => undefined,
    kb: () => kb,
  };
  const program = new Command().exitOverride();
  program.addCommand(recommendCommand(() => ctx).exitOverride() as unknown as Command);
  let error: unknown;
  try {
    await program.parseAsync(["recommend", ...argv], { from: "user" });
  } catch (e) {
    error = e;
  }
  return { out, err, error };
}

describe("recommend command", () => {
  it("recommends from flags, as JSON with the documented keys (docs/architecture.md, Contracts)", async () => {
    const r = await runRecommend(
      "json",
      "--scenario",
      "edge",
      "--cold-start-ms",
      "10",
      "--memory-mib",
      "5",
      "--policy",
      "Z3",
      "--observability",
      "O1,O2",
      "--top",
      "3",
      "--weights",
      "hand",
    );
    expect(r.error).toBeUndefined();
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["requirements", "stacks", "rejected"]));
    const s = json.stacks[0];
    for (const key of ["rank", "score", "components", "coordinate", "explanation", "tradeoffs"])
      expect(s).toHaveProperty(key);
    for (const key of ["runtime", "orchestrator", "policy", "observability", "supporting"])
      expect(s.components).toHaveProperty(key);
    expect(s.components.runtime).toEqual({ id: "wasmedge", name: "WasmEdge" });
    expect(json.stacks).toHaveLength(3);
  });

  it("reads a requirements file, flags overriding it key by key", async () => {
    const r = await runRecommend(
      "json",
      "--requirements",
      resolve(FIX, "case-1.yaml"),
      "--exclude",
      "gatekeeper",
      "--weights",
      "hand",
    );
    const json = JSON.parse(r.out);
    expect(json.requirements.must.coldStartMs).toEqual({ max: 10 });
    expect(json.stacks[0].components.policy.id).not.toBe("gatekeeper");
  });

  it("--raw gives the k best scores however alike; by default each stack has its own runtime (en, zh)", async () => {
    const args = ["--scenario", "edge", "--top", "3", "--weights", "hand"];
    const diverse = JSON.parse((await runRecommend("json", ...args)).out);
    const raw = JSON.parse((await runRecommend("json", ...args, "--raw")).out);
    expect(diverse.ranking).toBe("diverse");
    expect(raw.ranking).toBe("raw");
    const runtimes = (j: { stacks: { components: { runtime: { id: string } } }[] }) =>
      new Set(j.stacks.map((s) => s.components.runtime.id)).size;
    expect(runtimes(diverse)).toBe(3);
    expect(runtimes(raw)).toBeLessThan(3);
    expect((await runRecommend("table", ...args)).out).toMatch(/ranking: each stack the best of its runtime/);
    expect((await runRecommend("table", ...args, "--raw")).out).toMatch(/ranking: the k best scores/);
    expect((await runRecommendIn("zh", "table", ...args)).out).toMatch(/排序：每个技术栈都是其运行时/);
    expect((await runRecommendIn("zh", "table", ...args, "--raw")).out).toMatch(/排序：得分最高的 k 个技术栈/);
  });

  it("reads `raw: true` from a requirements file and rejects a `raw` that is not a yes/no", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stackatlas-raw-"));
    const good = join(dir, "raw.yaml");
    writeFileSync(good, "scenario: edge\nraw: true\n");
    const r = await runRecommend("json", "--requirements", good, "--top", "3", "--weights", "hand");
    expect(JSON.parse(r.out).ranking).toBe("raw");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "scenario: edge\nraw: often\n");
    const b = await runRecommend("json", "--requirements", bad);
    expect(b.error).toBeInstanceOf(AtlasError);
    expect((b.error as AtlasError).code).toBe("INVALID_REQUIREMENTS");
    expect((b.error as Error).message).toMatch(/bad\.yaml:2:/);
  });

  it("prints a table for people, with the rejected alternatives", async () => {
    const r = await runRecommend("table", "--scenario", "serverless", "--pareto", "--weights", "hand");
    expect(r.out).toMatch(/target coordinate/);
    expect(r.out).toMatch(/rejected:/);
    expect(r.out).toMatch(/pareto:/);
  });

  it("fails with INVALID_REQUIREMENTS and the file's line for a bad file", async () => {
    const r = await runRecommend("json", "--requirements", resolve(FIX, "bad/min-above-max.yaml"));
    expect(r.error).toBeInstanceOf(AtlasError);
    expect((r.error as AtlasError).code).toBe("INVALID_REQUIREMENTS");
    expect((r.error as Error).message).toMatch(/min-above-max\.yaml:3:/);
  });

  it("reports leave-one-out accuracy with --evaluate", async () => {
    const r = await runRecommend("json", "--evaluate");
    const json = JSON.parse(r.out);
    expect(json.records).toBeGreaterThan(10);
    expect(json.overall.hand.n).toBe(json.records);
    // The per-scenario tallies add up to the overall ones.
    type Acc = { n: number; top1: number; top3: number };
    const per = json.perScenario as { scenario: string; hand: Acc; learned: Acc; uses: string }[];
    for (const k of ["n", "top1", "top3"] as const) {
      expect(per.reduce((s, p) => s + p.hand[k], 0)).toBe(json.overall.hand[k]);
      expect(per.reduce((s, p) => s + p.learned[k], 0)).toBe(json.overall.learned[k]);
    }
    // The held-out real deployments: per slot and family, hand-set and learned; they decide the weights used.
    expect(json.deployments.deployments).toBeGreaterThanOrEqual(40);
    expect(json.deployments.overall.hand.runtime.hit1).toBeLessThanOrEqual(json.deployments.overall.hand.runtime.hit3);
    expect(json.deployments.perFamily.map((f: { family: string }) => f.family)).toContain("serverless");
    for (const p of per) {
      const held = json.deployments.perScenario.find((d: { scenario: string }) => d.scenario === p.scenario);
      expect(p.uses, p.scenario).toBe(held?.uses ?? "hand");
    }
    // One search per recorded stack and one fit per fold: minutes on a loaded machine (a ceiling, not a measure).
  }, 300_000);

  it("prints the real-deployment table in English and in Chinese", async () => {
    const en = await runRecommendIn("en", "table", "--evaluate");
    expect(en.out).toMatch(/held-out real deployments \(\d+\)/);
    expect(en.out).toMatch(/runtime hit@3 with hand-set weights: \d+\/\d+/);
    expect(en.out).toMatch(/agent-sandbox/);
    const zh = await runRecommendIn("zh", "table", "--evaluate");
    expect(zh.out).toMatch(/留出的真实部署（\d+ 个）/);
    expect(zh.out).toMatch(/运行时使用人工权重的 hit@3：\d+\/\d+/);
    expect(zh.out).toMatch(/智能体\/代码执行沙盒/);
  }, 300_000);
});
