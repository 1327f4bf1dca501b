import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { completeStack, dependencyApplies } from "./complete-stack.js";

const kb = loadKb();
const added = (c: Parameters<typeof completeStack>[1], gpu?: boolean) =>
  completeStack(kb, c, gpu === undefined ? {} : { gpu }).added.map((a) => a.id);

describe("completeStack: the path to the GPU is added only when the stack must reach one", () => {
  it("WasmEdge reaches the GPU itself (its wasi-nn plugins); a Kubernetes cluster through a device plugin", () => {
    const c = { runtime: "wasmedge", orchestrator: "kubernetes" };
    const plain = added(c);
    const gpu = added(c, true);
    for (const id of ["nvidia-gpu", "nvidia-gpu-operator"]) {
      expect(plain).not.toContain(id);
      expect(gpu).toContain(id);
    }
    const done = completeStack(kb, c, { gpu: true });
    // Only the host's eBPF (Cilium's dependency, a facility of the kernel) is left to the host.
    expect(done.missing.flatMap((m) => m.requires)).toEqual(["ebpf"]);
    expect(done.consistent).toBe(true);
  });

  it("a single host needs no device plugin: the seed's WasmEdge + GPU is WasmEdge (wasi-nn) and the GPU", () => {
    const gpu = added({ runtime: "wasmedge" }, true);
    expect(gpu).toContain("nvidia-gpu");
    expect(gpu).not.toContain("nvidia-gpu-operator");
  });

  it("each runtime takes its own path: containers the NVIDIA Container Toolkit, microVMs and VMs the device itself", () => {
    expect(added({ runtime: "runc" }, true)).toEqual(
      expect.arrayContaining(["nvidia-container-toolkit", "nvidia-gpu"]),
    );
    expect(added({ runtime: "gvisor" }, true)).toContain("nvidia-gpu");
    expect(added({ runtime: "kata-containers" }, true)).toContain("nvidia-gpu");
    expect(added({ runtime: "kata-containers" }, true)).not.toContain("nvidia-container-toolkit");
  });

  it("reads each condition against the stack", () => {
    expect(dependencyApplies({ when: "gpu" }, { orchestrated: true })).toBe(false);
    expect(dependencyApplies({ when: "gpu" }, { orchestrated: false, gpu: true })).toBe(true);
    expect(dependencyApplies({ when: "orchestrated" }, { orchestrated: false, gpu: true })).toBe(false);
    expect(dependencyApplies({ when: "standalone" }, { orchestrated: false })).toBe(true);
    expect(dependencyApplies({}, { orchestrated: false })).toBe(true);
  });
});
