// Two technologies are ordered by their own figures when both have them, by their levels otherwise (said so).
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { compareOrderings } from "./compare-stacks.js";
import { orderByFigures, ownTopFigures } from "./order-by-figures.js";

const kb = loadKb();
const tech = (id: string) => kb.technologies.get(id)!;
const ordering = (dim: string, id: string) => kb.dimension(dim)!.orderings.get(id)!;

describe("orderByFigures", () => {
  it("says runc starts faster than gVisor, whatever their levels say", () => {
    const o = orderByFigures(tech("gvisor"), tech("runc"), ordering("D", "startup-speed"));
    expect(o?.relation).toBe("less");
    expect(o?.scope).toBe("instance");
    expect(o?.a.map((f) => f.source)).toContain("apoxy-gvisor-cold-start");
    expect(o?.b.map((f) => f.source)).toEqual(["crun-repo-readme"]);
    // The reverse question gets the reverse answer.
    expect(orderByFigures(tech("runc"), tech("gvisor"), ordering("D", "startup-speed"))?.relation).toBe("greater");
  });

  it("keeps only the best grade of a technology's own figures", () => {
    expect(ownTopFigures(tech("runc"), "cold-start", "instance").map((f) => f.grade)).toEqual(["B"]);
    expect(ownTopFigures(tech("gvisor"), "cold-start", "instance").length).toBeGreaterThanOrEqual(3);
  });

  it("gives no answer when one side has no own figure of the metric", () => {
    expect(orderByFigures(tech("gvisor"), tech("runc"), ordering("D", "strength"))).toBeUndefined();
  });
});

describe("compareOrderings", () => {
  it("cites both figures when it orders by them (en and zh)", () => {
    const en = compareOrderings(kb, "gvisor", "runc", "en").find((o) => o.ordering === "startup-speed")!;
    expect(en.basis).toBe("figures");
    expect(en.relation).toBe("less");
    expect(en.sentence).toContain("gVisor slower start than runc");
    expect(en.sentence).toContain("81–280 ms");
    expect(en.sentence).toContain("33.4 ms");
    const zh = compareOrderings(kb, "gvisor", "runc", "zh").find((o) => o.ordering === "startup-speed")!;
    expect(zh.sentence).toContain("启动更慢");
    expect(zh.sentence).toContain("33.4 ms");
  });

  it("falls back to the level ordering only without figures, and says whose figure is missing", () => {
    const o = compareOrderings(kb, "gvisor", "runc", "en").find((x) => x.ordering === "strength")!;
    expect(o.basis).toBe("levels");
    expect(o.relation).toBe("greater");
    expect(o.missing).toEqual(["runc"]);
    expect(o.sentence).toContain("by their levels only");
    const zh = compareOrderings(kb, "gvisor", "runc", "zh").find((x) => x.ordering === "strength")!;
    expect(zh.sentence).toContain("仅按层次");
  });
});
