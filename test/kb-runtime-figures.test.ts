// Every runtime, sandbox and VMM of the knowledge base carries its own sourced start-up and memory
// figures, graded A or B wherever a primary source exists; the known gaps are listed, with why, and
// the lists cannot go stale: an entry whose figure has since been added fails until it is removed.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CompiledTechnology } from "../src/kb/kb.js";
import { loadKb } from "../src/kb/load-kb.js";

/** The roles whose members isolate workloads: OCI runtimes, sandboxes, Wasm and V8 runtimes, VMMs, hypervisors. */
const ISOLATING_ROLES = new Set(["runtime", "hypervisor"]);
/** How long an instance takes to become usable, by whatever name its source gives it. */
const START_METRICS = new Set(["cold-start", "boot-time", "instantiation-time", "startup-time"]);
/** What one instance costs in memory (an overhead, a footprint, or the least it runs in). */
const MEMORY_METRICS = new Set(["memory", "min-memory"]);
/** Per-instance scopes: a node's or a cluster's figure says nothing about one sandbox. */
const INSTANCE_SCOPES = new Set(["instance", "pod", "process"]);

type Side = "start" | "memory";

/** A gap: the sides with no figure, and why none is recorded. */
interface Gap {
  readonly sides: readonly Side[];
  readonly why: string;
}

const KERNEL_HYPERVISOR =
  "a kernel hypervisor: an instance's start-up and footprint are those of the VMM on top of it, recorded there";

/**
 * No published figure of this kind was found (as of 2026-12), each with the reason. A gap is listed
 * only after the project's own documentation, its papers and its maintainers' benchmarks were searched.
 */
const NO_FIGURE: Readonly<Record<string, Gap>> = {
  kvm: { sides: ["start", "memory"], why: KERNEL_HYPERVISOR },
  "hyper-v": {
    sides: ["start"],
    why: "Microsoft states no VM or utility-VM start time for Hyper-V (only the sizing of a Hyper-V isolated container's utility VM, recorded); the VMMs on it (Cloud Hypervisor through MSHV, Hyperlight) carry their own figures",
  },
  esxi: {
    sides: ["start"],
    why: "VMware documents each VM's overhead memory (recorded) but no time to power on and boot a VM; that is the guest's boot, which VMware does not state",
  },
  "xen-pv": {
    sides: ["memory"],
    why: "LightVM (SOSP 2017), whose guests are PV guests, states boot time and density, not a per-guest overhead in MiB; xl's per-guest paging pool (recorded on xen) is for HVM and PVH guests, not PV",
  },
  lxc: {
    sides: ["memory"],
    why: "the LXC, LXD and Incus documentation states no per-container memory figure; a system container's memory is that of the distribution it boots",
  },
  "confidential-containers": {
    sides: ["start"],
    why: "judged by the runs-inside rule on its Kata pod VMs (≥ 125 ms, derived); the only start-up timings, in the peer-pods trackers (cloud-api-adaptor #343, #1315: about 15 s of pod-VM initialisation on Azure before the image pull), are for cloud pod VMs and would wrongly bound the bare-metal TEE path, for which none is published",
  },
  "nitro-enclaves": {
    sides: ["start"],
    why: "AWS documents enclave sizing, not the time to boot an enclave; nitro-cli's boot timeout (a minute per 6 GiB of image or per 100 GiB of memory, PRs #161 and #633) is a heuristic, not a measurement",
  },
  urunc: {
    sides: ["start", "memory"],
    why: "the project's spawn-time results are plotted in talks and a workshop paper without a stated figure, and its maintainers' evaluation plan (issue #574, 2026) says CPU and memory usage were never evaluated; Nubificus's Raspberry Pi 5 benchmark (2026) times 100-replica K3s deployments to readiness, not one sandbox; its host VMMs' figures do not bound it (QEMU states none)",
  },
  sysbox: {
    sides: ["memory"],
    why: "Nestybox's 2020 performance analysis plots memory against VMs without per-instance numbers in text, and the README states only relative density (2× VMs); a system container's memory is its workload's, and Sysbox's own daemons run once per host",
  },
  dragonball: {
    sides: ["start"],
    why: "the Dragonball README and Kata's virtualization design doc (4.1.0: startup latency \"Best\", in words) give no time, and Kata's removed metrics baselines covered QEMU, Cloud Hypervisor and StratoVirt only; RunD's measurements (RunD runs on Dragonball) are RunD's, recorded there",
  },
  gramine: {
    sides: ["start"],
    why: "Gramine's performance guide and manifest reference (v1.9) give tuning advice and say EDMM shortens enclave loading, without a start-up time; the EDMM paper (arXiv 2504.16251) states only relative gains (28–93 % shorter loading)",
  },
  crosvm: {
    sides: ["start", "memory"],
    why: "the crosvm book (memory layout, architecture) states no boot time or per-VM overhead, and no maintainer benchmark was found",
  },
  nsjail: {
    sides: ["start", "memory"],
    why: "a namespace sandbox around one process; the project publishes no figures",
  },
  bubblewrap: {
    sides: ["start", "memory"],
    why: "a namespace sandbox around one process; the project publishes no figures (its maintainers say start-up time is not what it optimises for, PR #788), Flatpak's measured start (issue #2275) is Flatpak's, not bwrap's, and third-party blog timings (jvns.ca 2022, tech.kmicklas.com 2023) are not yet recorded",
  },
};

/** Only third-party (grade C) figures were found for this side: no project, vendor or paper states one. */
const THIRD_PARTY_ONLY: Readonly<Record<string, readonly Side[]>> = {
  gvisor: ["start", "memory"],
  wasmedge: ["start", "memory"],
  wasmtime: ["memory"],
  wasmer: ["start", "memory"],
  wamr: ["start", "memory"],
  wazero: ["start", "memory"],
  // Neither libkrun nor crun's krun handler documents a boot time; a third-party console log does.
  libkrun: ["start"],
  // youki's README benchmarks start-up only; its memory floor is a contributor's observation.
  youki: ["memory"],
};

function figures(t: CompiledTechnology, side: Side) {
  const metrics = side === "start" ? START_METRICS : MEMORY_METRICS;
  return t.facts.filter((f) => metrics.has(f.metric) && INSTANCE_SCOPES.has(f.scope));
}

/** What is missing for one technology: a side with no figure, or with no A/B figure, unless listed. */
function runtimeFigureProblems(
  technologies: readonly CompiledTechnology[],
  noFigure: Readonly<Record<string, Gap>> = NO_FIGURE,
  thirdPartyOnly: Readonly<Record<string, readonly Side[]>> = THIRD_PARTY_ONLY,
): string[] {
  const problems: string[] = [];
  for (const t of technologies) {
    if (!ISOLATING_ROLES.has(t.role)) continue;
    for (const side of ["start", "memory"] as const) {
      const own = figures(t, side);
      const gap = noFigure[t.id]?.sides.includes(side) ?? false;
      const cOnly = thirdPartyOnly[t.id]?.includes(side) ?? false;
      const primary = own.some((f) => f.grade === "A" || f.grade === "B");
      if (own.length === 0 && !gap) problems.push(`${t.id}: no ${side} figure`);
      if (own.length > 0 && gap) problems.push(`${t.id}: listed without a ${side} figure, but has one`);
      if (own.length > 0 && !primary && !cOnly && !gap) problems.push(`${t.id}: ${side} figures are all grade C`);
      if (primary && cOnly) problems.push(`${t.id}: listed as third-party only for ${side}, but has an A/B figure`);
    }
  }
  for (const id of [...Object.keys(noFigure), ...Object.keys(thirdPartyOnly)]) {
    if (!technologies.some((t) => t.id === id && ISOLATING_ROLES.has(t.role)))
      problems.push(`${id}: listed, but no runtime or hypervisor has that id`);
  }
  return problems;
}

const kb = loadKb(resolve(import.meta.dirname, "../data"));
const technologies = [...kb.technologies.values()];

describe("start-up and memory figures of every runtime, sandbox and VMM", () => {
  it("every runtime and hypervisor has its own figures, A/B where a primary source exists, or is a listed gap", () => {
    const problems = runtimeFigureProblems(technologies);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every listed gap says why no figure is recorded", () => {
    const unexplained = Object.entries(NO_FIGURE)
      .filter(([, gap]) => gap.sides.length === 0 || gap.why.trim().length < 20)
      .map(([id]) => id);
    expect(unexplained).toEqual([]);
  });

  it("every such figure states its conditions and cites a known source", () => {
    const bad: string[] = [];
    for (const t of technologies) {
      if (!ISOLATING_ROLES.has(t.role)) continue;
      for (const f of [...figures(t, "start"), ...figures(t, "memory")]) {
        const conditions = typeof f.conditions === "string" ? f.conditions : f.conditions.en;
        if (conditions.trim().length < 10) bad.push(`${t.id}: ${f.metric} without conditions`);
        if (!kb.sources.has(f.source)) bad.push(`${t.id}: ${f.metric} cites unknown source ${f.source}`);
      }
    }
    expect(bad, bad.join("\n")).toEqual([]);
  });

  it("reports a runtime without figures, a stale gap entry and a stale third-party entry", () => {
    const runc = kb.technologies.get("runc");
    const firecracker = kb.technologies.get("firecracker");
    expect(runc).toBeDefined();
    expect(firecracker).toBeDefined();
    if (runc === undefined || firecracker === undefined) return;
    const bare: CompiledTechnology = { ...runc, id: "bare-runtime", facts: [] };
    const onlyC: CompiledTechnology = {
      ...runc,
      id: "c-runtime",
      facts: runc.facts.map((f) => ({ ...f, grade: "C" })),
    };
    const problems = runtimeFigureProblems(
      [bare, onlyC, firecracker],
      { firecracker: { sides: ["start"], why: "test" } },
      { firecracker: ["memory"], "no-such-runtime": ["start"] },
    );
    expect(problems).toEqual([
      "bare-runtime: no start figure",
      "bare-runtime: no memory figure",
      "c-runtime: start figures are all grade C",
      "c-runtime: memory figures are all grade C",
      "firecracker: listed without a start figure, but has one",
      "firecracker: listed as third-party only for memory, but has an A/B figure",
      "no-such-runtime: listed, but no runtime or hypervisor has that id",
    ]);
  });
});
