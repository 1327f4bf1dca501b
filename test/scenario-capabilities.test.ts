// The scenarios' own capabilities: AI inference calls for model serving, batch and HPC for gang
// scheduling and job queueing (data/scenarios.yaml, each with its years and source). recommend and
// design add a provider to every stack with no --capability given, and say which part provides it and
// on what source, in English and Chinese; before the requirement's first year nothing is added.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

interface Ref {
  id: string;
  name: string;
}
interface Recommendation {
  requirements: { inForce: { key: string; value: unknown; origin: string; hard: boolean; source?: string }[] };
  stacks: { label: string; components: { addons?: Ref[] }; explanation: string[] }[];
}
interface Shown {
  traits: { trait: string; value: unknown; source: string }[];
}

const SCENARIOS = [
  { scenario: "ai-inference", capabilities: ["model-serving"], zh: ["模型服务"], before: 2018 },
  {
    scenario: "batch-hpc",
    capabilities: ["gang-scheduling", "job-queueing"],
    zh: ["成组调度", "批作业排队"],
    before: 2018,
  },
];

const provides = async (id: string, capability: string) =>
  (await runJson<Shown>("show", id)).json.traits.some((t) => t.trait === capability && t.value === true);

const dependsOn = async (id: string) =>
  (await runJson<{ relations: { type: string; direction: string; other: string[] }[] }>("show", id)).json.relations
    .filter((x) => x.type === "depends-on" && x.direction === "out")
    .flatMap((x) => x.other);

describe("recommend adds what a scenario's practice calls for", () => {
  for (const { scenario, capabilities, zh, before } of SCENARIOS) {
    it(`${scenario}: every stack carries a provider of ${capabilities.join(", ")}, with the source`, async () => {
      const r = await runJson<Recommendation>("recommend", "--scenario", scenario, "-k", "3");
      expect(r.code).toBe(0);
      const req = r.json.requirements.inForce.find((q) => q.key === "must.capabilities");
      expect(req).toMatchObject({ value: capabilities, origin: "scenario", hard: false });
      expect(req?.source).toBeDefined();
      expect(r.json.stacks.length).toBeGreaterThan(0);
      for (const s of r.json.stacks) {
        const addons = s.components.addons ?? [];
        for (const capability of capabilities) {
          const by = [];
          for (const a of addons) if (await provides(a.id, capability)) by.push(a);
          expect(by.length, `${s.label} provides ${capability}`).toBeGreaterThan(0);
          expect(s.label).toContain(by[0]!.name);
        }
        const met = s.explanation.filter((e) => e.startsWith("meets capabilities (from the scenario)"));
        expect(met.length).toBe(capabilities.length);
        for (const e of met) expect(e).toMatch(/\[[a-z0-9.-]+, [ABCU]\]$/);
      }
    });

    it(`${scenario}: says so in Chinese`, async () => {
      const r = await runJson<Recommendation>("recommend", "--scenario", scenario, "-k", "1", "--lang", "zh");
      const e = r.json.stacks[0]!.explanation.filter((x) => x.startsWith("满足 能力（来自场景）"));
      for (const name of zh) expect(e.some((x) => x.includes(name) && /\[[a-z0-9.-]+, [ABCU]\]$/.test(x))).toBe(true);
    });

    it(`${scenario}: as of ${before}, before the requirement holds, adds nothing`, async () => {
      const r = await runJson<Recommendation>("recommend", "--scenario", scenario, "--year", String(before), "-k", "2");
      expect(r.code).toBe(0);
      expect(r.json.requirements.inForce.some((q) => q.key === "must.capabilities")).toBe(false);
      for (const s of r.json.stacks) expect(s.components.addons ?? []).toEqual([]);
    });
  }
});

describe("the provider fits the query", () => {
  it("a single-host query gets a model server that needs no orchestrator, not an operator", async () => {
    const r = await runJson<Recommendation>(
      "recommend",
      "--scenario",
      "ai-inference",
      "--orchestration",
      "<=X0",
      "-k",
      "2",
    );
    expect(r.code).toBe(0);
    expect(r.json.stacks.length).toBeGreaterThan(0);
    for (const s of r.json.stacks) {
      const [addon] = s.components.addons ?? [];
      expect(addon, s.label).toBeDefined();
      expect(await provides(addon!.id, "model-serving")).toBe(true);
      expect(await dependsOn(addon!.id)).not.toContain("kubernetes-api");
    }
    const cluster = await runJson<Recommendation>("recommend", "--scenario", "ai-inference", "-k", "1");
    const [operator] = cluster.json.stacks[0]!.components.addons ?? [];
    expect(await dependsOn(operator!.id)).toContain("kubernetes-api");
  });
});

describe("design adds the providers a workload's scenario calls for", () => {
  const dir = mkdtempSync(join(tmpdir(), "scenario-capabilities-"));
  const file = join(dir, "system.yaml");
  writeFileSync(
    file,
    [
      "name: scenario capabilities",
      "workloads:",
      "  - { name: serve, scenario: ai-inference, replicas: 2 }",
      "  - { name: train, scenario: batch-hpc, replicas: 2 }",
      "",
    ].join("\n"),
  );

  it("puts a model server and a batch scheduler on the platform, named in both languages", async () => {
    const en = await runJson<{ platform: { label: string; components: { addons: Ref[] } } }>("design", file);
    expect(en.code).toBe(0);
    const addons = en.json.platform.components.addons;
    for (const capability of ["model-serving", "gang-scheduling", "job-queueing"]) {
      const by = [];
      for (const a of addons) if (await provides(a.id, capability)) by.push(a);
      expect(by.length, capability).toBeGreaterThan(0);
    }
    const zh = await runCli("design", file, "--lang", "zh");
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("附加部件");
    for (const a of addons) expect(zh.out).toContain(a.name);
  });
});
