import { describe, expect, it } from "vitest";
import { AtlasError } from "../errors.js";
import { loadKb } from "../kb/load-kb.js";
import { locate } from "./locate.js";

const kb = loadKb();

describe("locate: the seed's find_coordinate", () => {
  it('"K3s + WasmEdge + Gatekeeper" → (4, 2, 3, 2025, 1, edge, OTLP+eBPF)', () => {
    const r = locate(kb, "K3s + WasmEdge + Gatekeeper");
    expect(r.coordinate.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    expect(r.coordinate).toEqual({
      D: 4,
      X: 2,
      Z: 3,
      T: 2025,
      A: 1,
      S: "edge",
      O: ["O1", "O2"],
      text: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
    });
    expect(r.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
  });

  it("says which dimensions it took from the recorded stack, with the source", () => {
    const r = locate(kb, "K3s + WasmEdge + Gatekeeper");
    expect(r.inferred.map((i) => i.dimension).sort()).toEqual(["O", "S", "T"]);
    for (const i of r.inferred) expect(kb.sources.has(i.source)).toBe(true);
    expect(r.undetermined).toEqual([]);
  });

  it("keeps the year, scenario and view it is given", () => {
    const r = locate(kb, "K3s + WasmEdge + Gatekeeper", { year: 2023, scenario: "serverless", view: 5 });
    expect(r.coordinate).toMatchObject({ D: 4, X: 2, Z: 3, T: 2023, A: 5, S: "serverless" });
    expect(r.inferred.map((i) => i.dimension)).not.toContain("T");
  });

  it("is complete once crun or containerd-shim-wasmedge, containerd and opa are added", () => {
    const r = locate(kb, "K3s + WasmEdge + Gatekeeper");
    expect(r.complete).toBe(true);
    expect(r.consistent).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.conflicts).toEqual([]);
    const added = r.added.map((a) => a.id);
    expect(added.some((id) => id === "crun" || id === "containerd-shim-wasmedge")).toBe(true);
    expect(added).toContain("containerd");
    expect(added).toContain("opa");
    expect(r.added.find((a) => a.id === "opa")!.for).toBe("gatekeeper");
    for (const a of r.added) expect(kb.sources.has(a.source), a.id).toBe(true);
    expect(r.stack.components.supporting).toEqual(expect.arrayContaining(added));
  });

  it("is not consistent when read in a year before a part's release, and names the part", () => {
    const r = locate(kb, "K3s + WasmEdge + Gatekeeper", { year: 2015 });
    expect(r.consistent).toBe(false);
    expect(r.coordinate.T).toBe(2015);
    const late = r.notYetReleased.map((n) => n.id);
    expect(late).toEqual(expect.arrayContaining(["k3s", "wasmedge", "gatekeeper"]));
    for (const n of r.notYetReleased) expect(n.released).toBeGreaterThan(2015);
  });

  it("locates the microservices stack with its aliases", () => {
    const r = locate(kb, "K8s + containerd + OPA-Runtime");
    expect(r.coordinate).toMatchObject({ D: 3, X: 1, Z: 2 });
  });

  it("throws NOT_FOUND for an unknown technology", () => {
    let error: unknown;
    try {
      locate(kb, "K3s + WasmEdgy");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe("NOT_FOUND");
    expect((error as AtlasError).suggestions).toContain("wasmedge");
  });

  it("reports two runtimes that are not pieces of one another, and places every part", () => {
    const r = locate(kb, "gVisor + WasmEdge + Kata");
    expect(r.consistent).toBe(false);
    expect(r.parts.map((p) => p.id).sort()).toEqual(["gvisor", "kata-containers", "wasmedge"]);
    expect(
      r.rivals.map((x) => [x.slot, x.kind]).every(([slot, kind]) => slot === "runtime" && kind === "unrelated"),
    ).toBe(true);
    expect(r.rivals.map((x) => x.other).sort()).toEqual(
      ["gvisor", "kata-containers", "wasmedge"].filter((id) => id !== r.stack.components.runtime),
    );
  });

  it("reports two orchestrators", () => {
    const r = locate(kb, "K3s + Kubernetes");
    expect(r.consistent).toBe(false);
    expect(r.rivals).toEqual([expect.objectContaining({ slot: "orchestrator", kept: "k3s", other: "kubernetes" })]);
  });

  it("keeps a part that runs inside another as a supporting piece, not a rival", () => {
    for (const stack of ["crun + WasmEdge", "Kata + Firecracker", "containerd + runc", "K3s + WasmEdge + Gatekeeper"]) {
      expect(locate(kb, stack).rivals, stack).toEqual([]);
    }
  });
});
