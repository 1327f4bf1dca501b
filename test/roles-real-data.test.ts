// The new roles in the real answers: recommend and design add a model server, a batch scheduler or a
// GPU-sharing layer where the requirements ask for the capability, with the statement's source, in
// English and Chinese.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

interface Ref {
  id: string;
  name: string;
}
interface Recommendation {
  stacks: { label: string; components: { addons: Ref[] }; explanation: string[] }[];
}

const roleOf = async (id: string) => (await runJson<{ role: string }>("show", id)).json.role;

describe("recommend uses the new roles where the requirements call for them", () => {
  const cases = [
    { scenario: "ai-inference", capability: "model-serving", role: "serving" },
    { scenario: "batch-hpc", capability: "gang-scheduling", role: "scheduler" },
    { scenario: "multi-tenant-untrusted", capability: "gpu-sharing", role: "scheduler" },
  ];
  for (const { scenario, capability, role } of cases) {
    it(`${scenario} + ${capability}: every stack carries a ${role} add-on, with its source`, async () => {
      const r = await runJson<Recommendation>(
        "recommend",
        "--scenario",
        scenario,
        "--capability",
        capability,
        "-k",
        "2",
      );
      expect(r.code).toBe(0);
      expect(r.json.stacks.length).toBeGreaterThan(0);
      for (const s of r.json.stacks) {
        const [addon] = s.components.addons;
        expect(addon, s.label).toBeDefined();
        expect(await roleOf(addon!.id)).toBe(role);
        expect(s.label).toContain(addon!.name);
        expect(
          s.explanation.some((e) => e.startsWith("meets capabilities") && /\[[a-z0-9.-]+, [ABCU]\]$/.test(e)),
        ).toBe(true);
      }
    });
  }

  it("says the same in Chinese", async () => {
    const r = await runJson<Recommendation>(
      "recommend",
      "--scenario",
      "batch-hpc",
      "--capability",
      "gang-scheduling",
      "-k",
      "1",
      "--lang",
      "zh",
    );
    expect(r.json.stacks[0]?.explanation.some((e) => e.startsWith("满足 能力") && e.includes("成组调度"))).toBe(true);
  });

  it("answers a capability nobody has with the nearest names, in Chinese too", async () => {
    const r = await runCli("recommend", "--capability", "gang-schedulin", "--lang", "zh");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("gang-scheduling");
    expect(r.err).toContain("未知能力");
  });
});

describe("design adds the add-ons a workload's capabilities call for", () => {
  it("puts a model server on the AI-inference platform, and names it in both languages", async () => {
    const file = join(import.meta.dirname, "..", "examples", "ai-inference-platform.yaml");
    const en = await runJson<{ platform: { label: string; components: { addons: Ref[] } } }>("design", file);
    expect(en.code).toBe(0);
    const addons = en.json.platform.components.addons;
    expect(addons.length).toBeGreaterThan(0);
    expect(await roleOf(addons[0]!.id)).toBe("serving");
    const zh = await runCli("design", file, "--lang", "zh");
    expect(zh.out).toContain("附加部件");
    expect(zh.out).toContain(addons[0]!.name);
  });
});
