// The security capabilities the engines can require (mutual TLS between workloads, workload identity)
// are stated by the meshes and identity systems of the shipped knowledge base, each with a source, and a
// requirement for them picks one of those parts: recommend adds it to every stack and checks it with the
// statement's source, observe counts the mesh's signals, in English and Chinese.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../src/kb/load-kb.js";
import { capabilityProviders, checkCapabilities, chooseAddons } from "../src/recommend/choose-addons.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";
import { runCli, runJson } from "./_cli.js";

const kb = loadKb(resolve(import.meta.dirname, "../data"));

/** Who states each capability (as of 2026-12), from the projects' own documentation. */
const EXPECTED_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  mtls: ["cilium", "consul", "istio", "istio-ambient", "linkerd"],
  "workload-identity": ["cert-manager", "consul", "istio", "istio-ambient", "linkerd", "spire"],
};

/** The add-ons a query's capabilities bring (no part fills a slot here: meshes and identity systems do not). */
function addonsFor(capabilities: string[], scenario?: string, exclude: string[] = []) {
  const req = resolveRequirements(kb, {
    ...(scenario ? { scenario } : {}),
    must: { capabilities, ...(exclude.length > 0 ? { exclude } : {}) },
  });
  return chooseAddons(kb, req, () => false);
}

describe("mTLS and workload identity are stated, with sources", () => {
  for (const [capability, expected] of Object.entries(EXPECTED_PROVIDERS)) {
    it(`${capability}: stated by ${expected.join(", ")}, each citing a known source`, () => {
      expect(kb.traits.get(capability)?.capability).toBe(true);
      const providers = capabilityProviders(kb, capability);
      expect(providers.map((p) => p.tech.id).sort()).toEqual([...expected]);
      for (const { tech, statement } of providers) {
        expect(kb.sources.has(statement.source), `${tech.id} cites ${statement.source}`).toBe(true);
        expect(["A", "B"]).toContain(statement.grade);
      }
    });
  }

  it("a second-hand statement ranks after the projects' own documentation", () => {
    // Cilium's mutual authentication stands for mTLS only together with transparent encryption, by a
    // maintainers' statement (grade B): a mesh documenting mTLS itself (grade A) is offered first.
    const providers = capabilityProviders(kb, "mtls");
    const cilium = providers.findIndex((p) => p.tech.id === "cilium");
    expect(providers[cilium]?.statement.grade).toBe("B");
    expect(providers.slice(0, cilium).every((p) => p.statement.grade === "A")).toBe(true);
  });
});

describe("a requirement for mTLS or workload identity picks a part that states it", () => {
  it("microservices + mTLS + workload identity: one mesh provides both, from its own documentation", () => {
    const choice = addonsFor(["mtls", "workload-identity"], "microservices");
    expect(choice.unprovided).toEqual([]);
    expect(choice.addons).toHaveLength(1);
    const [mesh] = choice.addons;
    expect(kb.technologies.get(mesh!.id)?.role).toMatch(/^(mesh|platform)$/);
    expect(mesh!.grade).toBe("A");
    const checks = checkCapabilities(kb, [mesh!.id], ["mtls", "workload-identity"], "en");
    expect(checks.map((c) => c.status)).toEqual(["met", "met"]);
    expect(checks.every((c) => c.source !== undefined && kb.sources.has(c.source))).toBe(true);
  });

  it("multi-tenant: the sidecar-less mesh placed in the scenario provides mTLS", () => {
    const choice = addonsFor(["mtls"], "multi-tenant-untrusted");
    expect(choice.addons.map((a) => a.id)).toEqual(["istio-ambient"]);
    expect(choice.addons[0]?.source).toBe("istio-ambient-control-plane-1-24");
  });

  it("workload identity alone, every mesh excluded: an identity system provides it", () => {
    const choice = addonsFor(["workload-identity"], "multi-tenant-untrusted", [
      "istio",
      "istio-ambient",
      "linkerd",
      "consul",
    ]);
    expect(choice.addons.map((a) => a.id)).toEqual(["spire"]);
    expect(kb.technologies.get("spire")?.role).toBe("identity");
  });

  it("a stack without such a part misses the requirement, and says so in Chinese", () => {
    const [check] = checkCapabilities(kb, ["runc", "kubernetes"], ["mtls"], "zh");
    expect(check?.status).toBe("missed");
    expect(check?.detail).toContain("工作负载间双向 TLS");
  });

  it("every provider excluded: the capability is unprovided, naming the parts ruled out", () => {
    const choice = addonsFor(["mtls"], undefined, [...EXPECTED_PROVIDERS.mtls!]);
    expect(choice.addons).toEqual([]);
    expect(choice.unprovided).toEqual([{ capability: "mtls", ruledOut: expect.arrayContaining(["linkerd", "istio"]) }]);
  });
});

interface Recommendation {
  stacks: { label: string; components: { addons: { id: string; name: string }[] }; explanation: string[] }[];
}

// A scenario's first recommend waits for the learned-weights evaluation (seconds on an idle machine).
describe("the answers carry the mesh where the requirements call for it", () => {
  it("recommend, multi-tenant + mTLS: every stack carries the mesh and cites the statement", async () => {
    const r = await runJson<Recommendation>(
      "recommend",
      "--scenario",
      "multi-tenant-untrusted",
      "--capability",
      "mtls",
      "-k",
      "2",
    );
    expect(r.code).toBe(0);
    expect(r.json.stacks.length).toBeGreaterThan(0);
    for (const s of r.json.stacks) {
      expect(s.components.addons.map((a) => a.id)).toContain("istio-ambient");
      expect(s.explanation.some((e) => e.startsWith("meets capabilities") && e.includes("[istio-ambient-"))).toBe(true);
    }
  }, 240_000);

  it("recommend says the same in Chinese", async () => {
    const r = await runJson<Recommendation>(
      "recommend",
      "--scenario",
      "multi-tenant-untrusted",
      "--capability",
      "mtls",
      "-k",
      "1",
      "--lang",
      "zh",
    );
    expect(r.json.stacks[0]?.explanation.some((e) => e.startsWith("满足 能力") && e.includes("双向 TLS"))).toBe(true);
  }, 240_000);

  it("observe counts the mesh's horizontal signal, with its basis, in both languages", async () => {
    const stack = "Kubernetes + runc + KServe + Istio ambient mode";
    const en = await runJson<{ coverage: { signal: string; coverage: string; by: { id: string }[] }[] }>(
      "observe",
      stack,
    );
    expect(en.code).toBe(0);
    const o1 = en.json.coverage.find((c) => c.signal === "O1");
    expect(o1?.coverage).toBe("full");
    expect(o1?.by.map((b) => b.id)).toContain("istio-ambient");
    const zh = await runCli("observe", stack, "--lang", "zh");
    expect(zh.out).toContain("Istio Ambient 模式");
    expect(zh.out).toContain("KServe 模型服务");
  });
});

interface Design {
  platform: { components: { addons: { id: string; name: string }[] } };
  workloads: { name: string; checks: { requirement: string; status: string; source?: string }[] }[];
}

describe("design adds the mesh and the batch scheduler the workloads' capabilities call for", () => {
  const file = join(import.meta.dirname, "fixtures", "design", "multi-tenant-batch.yaml");

  it("puts a mesh (mTLS, identity) and a batch scheduler on the platform, each check citing its source", async () => {
    const r = await runJson<Design>("design", file);
    expect(r.code).toBe(0);
    const addons = r.json.platform.components.addons.map((a) => a.id);
    expect(addons.map((id) => kb.technologies.get(id)?.role).sort()).toEqual(["mesh", "scheduler"]);
    for (const w of r.json.workloads) {
      const caps = w.checks.filter((c) => c.requirement === "capabilities");
      expect(caps.length, w.name).toBe(2);
      for (const c of caps) {
        expect(c.status, w.name).toBe("met");
        expect(kb.sources.has(c.source ?? ""), `${w.name} cites ${c.source}`).toBe(true);
      }
    }
  }, 240_000);

  it("names the add-ons in Chinese", async () => {
    const r = await runCli("design", file, "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.out).toContain("附加部件");
    expect(r.out).toContain(kb.technologies.get("istio-ambient")!.names.zh);
    expect(r.out).toContain(kb.technologies.get("volcano")!.names.zh);
  }, 240_000);
});
