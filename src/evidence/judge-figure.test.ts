import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { slotDimension } from "../recommend/_validate-requirements.js";
import { figureVerdict, judgeFigure, levelHint, scoringFigure } from "./judge-figure.js";
import { ownFigures } from "./own-figures.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));
const judge = (id: string, metric: string, r: { min?: number; max?: number }) =>
  judgeFigure(kb, id, metric, "instance", r);

describe("figureVerdict", () => {
  it("meets a range only when every stated end lies inside it", () => {
    expect(figureVerdict({ lo: 6, hi: 185 }, { max: 200 })).toBe("met");
    expect(figureVerdict({ lo: 81, hi: 280 }, { max: 200 })).toBe("missed");
    expect(figureVerdict({ lo: undefined, hi: 10 }, { max: 10 })).toBe("met");
  });
  it("leaves a bound that does not reach the range open, and misses one beyond it", () => {
    expect(figureVerdict({ lo: 2.3, hi: undefined }, { max: 10 })).toBe("open");
    expect(figureVerdict({ lo: 125, hi: undefined }, { max: 10 })).toBe("missed");
    expect(figureVerdict({ lo: undefined, hi: 5 }, { min: 10 })).toBe("missed");
    expect(figureVerdict({ lo: undefined, hi: 50 }, { min: 10 })).toBe("open");
  });
});

describe("judgeFigure: own figures only", () => {
  it("judges Firecracker's cold start on its own VMM start plus boot to guest init (grade A), not on its level", () => {
    const ok = judge("firecracker", "cold-start", { max: 200 });
    expect(ok.status).toBe("met");
    expect(ok.figure?.derived?.rule).toBe("vmm-start-plus-boot");
    expect(ok.figure?.fact.grade).toBe("A");
    expect(judge("firecracker", "cold-start", { max: 10 }).status).toBe("missed");
  });

  const dim = slotDimension(kb, "runtime");
  // A runtime with no memory figure of its own whose level states one.
  const bare = [...kb.technologies.values()].find(
    (t) =>
      ownFigures(kb, t.id, "memory", "instance").length === 0 &&
      levelHint(kb, t.id, "memory", "instance", dim) !== undefined,
  )!;

  it("never decides on a level-wide figure: a runtime with no figure of its own is unknown and names the settling fact", () => {
    expect(bare).toBeDefined();
    const j = judgeFigure(kb, bare.id, "memory", "instance", { max: 8 }, dim);
    expect(j.status).toBe("unknown");
    expect(j.reason).toBe("no-figure");
    expect(j.settle).toEqual({ metric: "memory", scope: "instance" });
    expect(j.hint).toBeDefined();
  });

  it("derives Confidential Containers' bounds from Kata, whose pod VMs it runs (runs-inside)", () => {
    const cs = judge("confidential-containers", "cold-start", { max: 10 });
    expect(cs.status).toBe("missed");
    expect(cs.figure?.derived?.rule).toBe("runs-inside");
    expect(cs.figure?.derived?.via).toBe("kata-containers");
    expect(judge("confidential-containers", "memory", { max: 8 }).status).toBe("missed");
  });

  it("judges a precompiled module's cold start by its instantiation where the runtime's own docs say only that remains (Wasmtime)", () => {
    const j = judge("wasmtime", "cold-start", { max: 10 });
    expect(j.status).toBe("met");
    expect(j.figure?.derived?.rule).toBe("precompiled-instantiation");
    expect(j.figure?.fact.grade).toBe("B");
    expect(j.figure?.hi).toBeLessThan(1);
    // Equal ends read as one value, not a range.
    expect(j.figure?.fact.value).toBe(j.figure?.hi);
    expect(j.figure?.fact.min).toBeUndefined();
    // A figure, not only a bound: it scores start-up too, and a requirement below it is missed.
    expect(scoringFigure(kb, "wasmtime", "cold-start", "instance")?.derived?.rule).toBe("precompiled-instantiation");
    expect(judge("wasmtime", "cold-start", { max: 0.001 }).status).toBe("missed");
  });

  it("derives no start from an instantiation time without the runtime's own statement: the bound stays a bound", () => {
    const withTrait = [...kb.technologies.values()].filter(
      (t) => t.traits.get("precompiled-start")?.value === "instantiation",
    );
    expect(withTrait.map((t) => t.id)).toEqual(["wasmtime"]);
    // wasmCloud runs its components in Wasmtime: it inherits a lower bound only, never the figure.
    const wc = judge("wasmcloud", "cold-start", { max: 10 });
    expect(wc.status).toBe("unknown");
    expect(wc.reason).toBe("open");
    for (const f of ownFigures(kb, "wasmcloud", "cold-start", "instance"))
      expect(f.derived?.rule).not.toBe("precompiled-instantiation");
  });

  it("reads a hypervisor's per-instance memory as its VMM's overhead: a lower bound, never an admission", () => {
    const j = judge("firecracker", "memory", { max: 8 });
    expect(j.status).toBe("unknown");
    for (const f of ownFigures(kb, "firecracker", "memory", "instance")) expect(f.hi).toBeUndefined();
  });

  it("shows equally graded own figures that disagree as a dispute with both sources", () => {
    const j = judge("gvisor", "cold-start", { max: 200 });
    expect(j.status).toBe("unknown");
    expect(j.reason).toBe("disputed");
    expect(j.dispute?.met.fact.source).not.toBe(j.dispute?.missed.fact.source);
  });

  it("lets a higher grade win over a lower one: runc's B-graded 33.4 ms decides over its C-graded figures", () => {
    const j = judge("runc", "cold-start", { max: 50 });
    expect(j.status).toBe("met");
    expect(j.figure?.fact.grade).toBe("B");
    expect(judge("runc", "cold-start", { max: 30 }).status).toBe("missed");
  });

  it("scores on the level's figure only as a hint, marked estimated", () => {
    expect(scoringFigure(kb, bare.id, "memory", "instance", dim)?.estimated).toBe(true);
    expect(scoringFigure(kb, "wasmedge", "cold-start", "instance", dim)?.estimated).toBe(false);
    expect(levelHint(kb, "no-such-tech", "memory", "instance", dim)).toBeUndefined();
  });
});
