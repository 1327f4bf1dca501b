// Add-ons: capabilities resolved to the parts that state them, raising the dimensions that name their
// role, in recommend's checks and coordinates, on a small fixture knowledge base.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { copyValidKb } from "../../test/fixtures/kb/copy-valid-kb.js";
import { assignSlots } from "../coordinate/assign-slots.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import { loadKb } from "../kb/load-kb.js";
import { capabilityProviders, checkCapabilities, chooseAddons } from "./choose-addons.js";
import { recommend } from "./recommend.js";
import { RequirementsError } from "./requirements-error.js";
import { requirementsFromFlags } from "./requirements-from-flags.js";
import { resolveRequirements } from "./resolve-requirements.js";

const tech = (id: string, body: string) => ({
  file: `technologies/${id}.yaml`,
  content: `id: ${id}\nnames: { en: ${id}, zh: ${id} 中文 }\n${body}`,
});

const dir = copyValidKb([
  {
    file: "vocabulary.yaml",
    find: "traits:\n",
    replace: [
      "traits:",
      "  - id: mtls",
      "    names: { en: mutual TLS, zh: 双向 TLS }",
      "    values: [true, false]",
      "    capability: true",
      "  - id: model-serving",
      "    names: { en: model serving, zh: 模型服务 }",
      "    values: [true, false]",
      "    capability: true",
      "",
    ].join("\n"),
  },
  {
    file: "dimensions.yaml",
    find: "stackRule: { from: slot, slot: policy, whenAbsent: Z0 }",
    replace: "stackRule: { from: slot, slot: policy, whenAbsent: Z0, raisedBy: [mesh] }",
  },
  {
    file: "dimensions.yaml",
    find: "stackRule: { from: slot, slot: observability }",
    replace: "stackRule: { from: slot, slot: observability, raisedBy: [mesh] }",
  },
  tech(
    "meshy",
    [
      "role: mesh",
      "summary: A service mesh.",
      "position: { Z: Z2, O: [O1] }",
      "released: { year: 2017, source: k8s-docs, grade: A }",
      "traits:",
      "  - { trait: mtls, value: true, source: k8s-docs, grade: A }",
      "relations:",
      "  - { type: depends-on, target: kubernetes-api, source: k8s-docs }",
      "",
    ].join("\n"),
  ),
  tech(
    "servy",
    [
      "role: serving",
      "summary: A model server.",
      "position: { S: [edge] }",
      "released: { year: 2020, source: k8s-docs, grade: A }",
      "traits:",
      "  - { trait: model-serving, value: true, source: k8s-docs, grade: B }",
      "",
    ].join("\n"),
  ),
  tech(
    "servy-next",
    [
      "role: serving",
      "summary: A later model server.",
      "position: { S: [edge] }",
      "released: { year: 2030, source: k8s-docs, grade: A }",
      "traits:",
      "  - { trait: model-serving, value: true, source: k8s-docs, grade: A }",
      "",
    ].join("\n"),
  ),
]);
const kb = loadKb(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("capabilities and add-ons", () => {
  it("finds a capability's providers, the best-graded first", () => {
    expect(capabilityProviders(kb, "model-serving").map((p) => p.tech.id)).toEqual(["servy-next", "servy"]);
    expect(capabilityProviders(kb, "model-serving", { include: ["servy"] })[0]?.tech.id).toBe("servy");
  });

  it("adds, per capability, the best provider the query allows (released by its year)", () => {
    const req = resolveRequirements(kb, { year: 2025, must: { capabilities: ["model-serving", "mtls"] } });
    const choice = chooseAddons(kb, req, () => false);
    expect(choice.addons.map((a) => [a.id, a.for])).toEqual([
      ["servy", "model-serving"],
      ["meshy", "mtls"],
    ]);
    expect(choice.unprovided).toEqual([]);
  });

  it("says which providers a query rules out when none is left", () => {
    const req = resolveRequirements(kb, { year: 2025, must: { capabilities: ["model-serving"], exclude: ["servy"] } });
    expect(chooseAddons(kb, req, () => false).unprovided).toEqual([
      { capability: "model-serving", ruledOut: ["servy-next", "servy"] },
    ]);
  });

  it("puts a mesh among a named stack's add-ons, where it raises Z and adds O1", () => {
    const c = assignSlots(kb, ["k3s", "wasmedge", "meshy"]);
    expect(c.addons).toEqual(["meshy"]);
    expect(c.supporting).not.toContain("meshy");
    const with_ = stackCoordinate(kb, c, { scenario: "edge" }).coordinate;
    const without = stackCoordinate(kb, { ...c, addons: [] }, { scenario: "edge" }).coordinate;
    expect(without.Z).toBe(0);
    expect(with_.Z).toBe(2);
    expect(with_.O).toEqual(["O1"]);
    // A policy above the mesh's level keeps its own.
    expect(stackCoordinate(kb, { ...c, policy: "gatekeeper" }).coordinate.Z).toBe(3);
  });

  it("checks a capability against the parts, with the provider's source", () => {
    const [met] = checkCapabilities(kb, ["k3s", "meshy"], ["mtls"], "zh");
    expect(met).toMatchObject({ requirement: "capabilities", status: "met", source: "k8s-docs", grade: "A" });
    expect(met?.detail).toContain("双向 TLS");
    expect(checkCapabilities(kb, ["k3s"], ["mtls"], "en")[0]?.status).toBe("missed");
  });

  it("recommends stacks that carry the add-ons, meet a policy bound through the mesh, and explain it", () => {
    const r = recommend(kb, { year: 2025, must: { capabilities: ["mtls"], policy: { atLeast: "Z2" } } }, { top: 3 });
    expect(r.stacks.length).toBeGreaterThan(0);
    for (const s of r.stacks) {
      expect(s.components.addons.map((a) => a.id)).toEqual(["meshy"]);
      expect(s.coordinate.Z).toBeGreaterThanOrEqual(2);
      expect(s.explanation.some((e) => e.includes("mutual TLS") && e.includes("[k8s-docs, A]"))).toBe(true);
    }
    // The mesh depends on the Kubernetes API: every stack reaches it, through its orchestrator or by
    // completion adding Kubernetes (the API's implementer) as a supporting part.
    for (const s of r.stacks) {
      const parts = [s.components.orchestrator?.id, ...s.components.supporting.map((p) => p.id)];
      expect(parts).toContain("kubernetes");
    }
  });

  it("ranks the same with the fast search and the brute force when add-ons raise the policy", () => {
    const req = { year: 2025, must: { capabilities: ["mtls"], policy: { atLeast: "Z2" } } };
    const fast = recommend(kb, req, { top: 5, weights: "hand" }).stacks.map((s) => [s.label, s.score]);
    const brute = recommend(kb, req, { top: 5, weights: "hand", search: "brute" }).stacks.map((s) => [
      s.label,
      s.score,
    ]);
    expect(fast).toEqual(brute);
  });

  it("admits no stack when a required capability has no provider, and says why", () => {
    const r = recommend(kb, { year: 2019, must: { capabilities: ["model-serving"] } }, { top: 3 });
    expect(r.stacks).toEqual([]);
    expect(r.relaxations?.map((x) => x.relax)).toContain("must.capabilities");
  });

  it("refuses an unknown capability with the nearest names", () => {
    expect(() => requirementsFromFlags(kb, { capabilities: ["mtl"] })).toThrow(RequirementsError);
    try {
      requirementsFromFlags(kb, { capabilities: ["mtl"] });
    } catch (e) {
      const p = (e as RequirementsError).problems[0];
      expect(p?.code).toBe("UNKNOWN_CAPABILITY");
      expect(p?.suggestions).toContain("mtls");
    }
  });
});
