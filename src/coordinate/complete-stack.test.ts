import { describe, expect, it } from "vitest";
import type { CompiledRelation, Kb, KbRelations } from "../kb/kb.js";
import { loadKb } from "../kb/load-kb.js";
import { completeStack, dependencyApplies } from "./complete-stack.js";
import { hasWayIn } from "./way-in.js";

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

/** The real knowledge base with extra relations, as if their files held them. */
function withRelations(base: Kb, extra: readonly CompiledRelation[]): Kb {
  const relations: KbRelations = {
    all: [...base.relations.all, ...extra],
    out: (id, type) => [
      ...base.relations.out(id, type),
      ...extra.filter((r) => r.from === id && (type === undefined || r.type === type)),
    ],
    in: (id, type) => [
      ...base.relations.in(id, type),
      ...extra.filter((r) => r.targets.includes(id) && (type === undefined || r.type === type)),
    ],
  };
  return { ...base, relations };
}

describe("completeStack: an interface dependency takes its technology's documented default", () => {
  const runtimeFor = (k: Kb, c: Parameters<typeof completeStack>[1], part: string) =>
    completeStack(k, c)
      .added.filter((a) => a.for === part)
      .map((a) => a.id);

  it("Kata on Kubernetes: containerd's OCI runtime is runc (its default), not gVisor", () => {
    const done = completeStack(kb, { runtime: "kata-containers", orchestrator: "kubernetes" });
    const ids = done.added.map((a) => a.id);
    expect(ids).toContain("containerd");
    expect(runtimeFor(kb, { runtime: "kata-containers", orchestrator: "kubernetes" }, "containerd")).toEqual(["runc"]);
    expect(ids).not.toContain("gvisor");
    expect(done.consistent).toBe(true);
  });

  it("the default comes from the data, with its own source", () => {
    const dep = kb.relations.out("containerd", "depends-on").find((r) => r.to === "oci-runtime-spec");
    expect(dep?.default?.technology).toBe("runc");
    expect(kb.sources.has(dep?.default?.source ?? "")).toBe(true);
    expect(runtimeFor(kb, { runtime: "docker" }, "containerd")).toEqual(["runc"]);
    expect(runtimeFor(kb, { runtime: "cri-o", orchestrator: "kubernetes" }, "cri-o")).toEqual(["crun"]);
    expect(runtimeFor(kb, { runtime: "podman" }, "podman")).toEqual(["crun"]);
  });

  it("a part already there that satisfies the need is kept: gVisor as the runtime gets no runc", () => {
    const ids = added({ runtime: "gvisor", orchestrator: "kubernetes" });
    expect(ids).toContain("containerd");
    expect(ids).not.toContain("runc");
    expect(ids.filter((id) => kb.implementersOf("oci-runtime-spec").some((t) => t.id === id))).toEqual([]);
  });

  it("a default that conflicts with a part already there is passed over for the usual choice", () => {
    const conflict: CompiledRelation = {
      type: "conflicts-with",
      from: "runc",
      to: "kata-containers",
      targets: ["kata-containers"],
      reason: "test conflict",
      source: "containerd-repo",
      index: 99,
    };
    const k = withRelations(kb, [conflict]);
    const c = { runtime: "kata-containers", orchestrator: "kubernetes" };
    const picked = runtimeFor(k, c, "containerd");
    expect(picked).toHaveLength(1);
    expect(picked).not.toContain("runc");
    expect(kb.implementersOf("oci-runtime-spec").map((t) => t.id)).toContain(picked[0]);
    expect(completeStack(k, c).consistent).toBe(true);
  });
});

describe("hasWayIn: a runtime sits under an orchestrator only along a recorded way in", () => {
  it.each([
    ["gvisor", "kubernetes"], // implements the OCI runtime spec containerd and CRI-O use
    ["kata-containers", "k3s"], // compatible with the OCI runtime spec; a shim under containerd
    ["wasmedge", "k3s"], // states how it runs orchestrated (runwasi shim or crun)
    ["confidential-containers", "kubernetes"], // a runtime built on Kata goes in along Kata's way
    ["kubevirt", "kubernetes"], // built on the Kubernetes API
    ["runc", "karmada"], // through the member clusters' Kubernetes API
    ["qemu", "nomad"], // Nomad states compatibility with it (its QEMU driver)
    ["firecracker", "aws-lambda"], // the platform is built on it: Lambda runs each function in a microVM
    ["gvisor", "google-cloud-run"], // Cloud Run's first-generation environment is gVisor
    ["spin", "kubernetes"], // states how it runs orchestrated (SpinKube's containerd-shim-spin)
    ["lxc", "docker"], // Docker's LXC execution driver
    ["runc", "docker-swarm"], // swarm mode is part of Docker Engine and runs its tasks through it
    ["kata-containers", "nomad"], // its orchestrated dependency, containerd, is Nomad's containerd driver
  ])("%s under %s: a way in", (runtime, orchestrator) => {
    expect(hasWayIn(kb, runtime, orchestrator)).toBe(true);
    expect(completeStack(kb, { runtime, orchestrator }).missing.map((m) => m.from)).not.toContain(runtime);
  });

  it.each([
    ["cloudflare-workers", "kubernetes"], // a hosted platform
    ["google-cloud-run", "kubernetes"], // a hosted platform built on gVisor does not inherit its way
    ["kvm", "kubernetes"], // a bare hypervisor
    ["firecracker", "k3s"], // a VMM: under Kubernetes only through Kata
    ["v8-isolates", "docker-compose"], // any orchestrator, not only X > 0
    ["containerd", "openshift"], // OpenShift runs CRI-O
    ["kata-containers", "aws-lambda"], // its orchestrated dependency (containerd, CRI-O) is not Lambda's way
    ["wasmedge", "aws-lambda"], // nor its shim's
  ])("%s under %s: no way in, a missing dependency that says so (en, zh)", (runtime, orchestrator) => {
    expect(hasWayIn(kb, runtime, orchestrator)).toBe(false);
    const done = completeStack(kb, { runtime, orchestrator });
    expect(done.complete).toBe(false);
    const m = done.missing.find((x) => x.from === runtime);
    expect(m?.requires).toEqual([orchestrator]);
    expect(m?.why).toMatch(/no recorded way to run/);
    expect(completeStack(kb, { runtime, orchestrator }, {}, "zh").missing[0]?.why).toMatch(/没有记录表明/);
    // Without an orchestrator the runtime stands alone: the rule does not apply.
    expect(completeStack(kb, { runtime }).missing.map((x) => x.from)).not.toContain(runtime);
  });
});
