// The project's own knowledge base stays current and keeps the corrections of its review: first public
// releases, superseded defaults, sources that state their figures, dated version pins and figures.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { timeline } from "../src/evolution/timeline.js";
import { loadKb } from "../src/kb/load-kb.js";
import { staleFigures } from "../src/kb/stale-figures.js";

const kb = loadKb(resolve(import.meta.dirname, "../data"));
const tech = (id: string) => {
  const t = kb.technologies.get(id);
  if (t === undefined) throw new Error(`${id} is missing`);
  return t;
};

describe("corrections of the knowledge review", () => {
  it("dates local-path-provisioner by its first tag, v0.0.1 (2018-10-03)", () => {
    expect(tech("local-path-provisioner").releasedYear).toBe(2018);
    expect(kb.sources.get(tech("local-path-provisioner").released.source)?.title).toContain("v0.0.1 2018-10-03");
  });

  it("dates crun by its first tagged release v0.2 (January 2019), the first commit apart", () => {
    const crun = tech("crun");
    expect(crun.releasedYear).toBe(2019);
    expect(crun.released.firstCommit).toBe(2017);
    expect(kb.sources.get(crun.released.source)?.title).toContain("v0.2 2019-01-19");
  });

  it("gives Gatekeeper's validating-webhook timeout default as 3 s, with no 10 s default left", () => {
    const timeouts = tech("gatekeeper").facts.filter((f) => f.metric === "timeout");
    expect(timeouts.some((f) => f.value === 10)).toBe(false);
    const upstream = timeouts.find((f) => f.grade === "A" && /validating/.test(String(f.conditions)));
    expect(upstream?.value).toBe(3);
    expect(upstream?.asOf).toBeDefined();
  });

  it("cites for the K3s v1.19.2 profile a page pinned to the commit that states it", () => {
    const url = kb.sources.get("k3s-resource-profiling-v1-19")?.url ?? "";
    expect(url).toMatch(/\/blob\/[0-9a-f]{40}\//);
    const v119 = tech("k3s").facts.filter((f) => f.source === "k3s-resource-profiling-v1-19");
    expect(v119.length).toBeGreaterThan(0);
    expect(v119.every((f) => f.asOf !== undefined)).toBe(true);
  });

  it("cites KubeEdge's ~70 MB EdgeCore figure to the project page that states it, not the README", () => {
    const seventy = tech("kubeedge").facts.find((f) => f.normalized.representative > 60 && f.metric === "memory");
    expect(seventy?.source).not.toBe("kubeedge-readme");
    expect(kb.sources.get(seventy?.source ?? "")?.url).toContain("kubeedge.io");
  });

  it("cites Firecracker's creation rate in the Lambda case to the design document", () => {
    const lambda = kb.cases.all.find((c) => c.id === "serverless-2018-lambda-firecracker");
    const rate = lambda?.outcomes?.find((o) => /per host core/.test(String(o.statement)));
    expect(rate?.source).toBe("firecracker-design-md");
  });

  it("points the T5 milestone at the claim that rejects its statement, in both languages", () => {
    const t5 = kb.dimension("T")?.levelByCode.get("T5");
    expect(t5?.claim).toBe("kubernetes-native-wasm");
    expect(kb.claims.find((c) => c.id === t5?.claim)?.resolution?.choice).toMatch(/^Rejected/);
    for (const lang of ["en", "zh"] as const) {
      const m = timeline(kb, { lang }).milestones.find((e) => e.subject === "T5");
      expect(m?.claim).toBe("kubernetes-native-wasm");
      expect(m?.text).toContain("kubernetes-native-wasm");
    }
  });
});

describe("currency", () => {
  it("records a current, dated version beside every pin of the 2025 practice stack", () => {
    for (const id of ["kubernetes", "k3s", "opa", "gatekeeper", "wasmedge", "containerd"]) {
      const current = tech(id).versions.filter((v) => v.status === "current");
      expect(current, id).toHaveLength(1);
      expect(current[0]?.asOf, id).toBeDefined();
    }
    expect(tech("opa").versions.find((v) => v.status === "current")?.version).toMatch(/^v?1\./);
  });

  it("cites figures of drifting documentation through versioned addresses", () => {
    for (const id of ["firecracker-spec-md", "firecracker-design-md", "beyla-performance", "gatekeeper-metrics"]) {
      const url = kb.sources.get(id)?.url ?? "";
      expect(url, id).not.toMatch(/\/latest\/|\/blob\/main\//);
    }
  });

  it("ages fast-moving figures visibly: some are stale by the end of 2026, none judged without a date", () => {
    const stale = staleFigures(kb, { today: "2026-12-07" });
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((s) => s.ageYears >= s.thresholdYears)).toBe(true);
  });
});
