import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { timeline } from "./timeline.js";

const kb = loadKb();

describe("timeline", () => {
  const all = timeline(kb);

  it("holds the seed's milestones T1–T5 and every kind of dated event, in year order", () => {
    expect(all.milestones.map((m) => [m.subject, m.year])).toEqual([
      ["T1", 2013],
      ["T2", 2015],
      ["T3", 2019],
      ["T4", 2021],
      ["T5", 2025],
    ]);
    expect(new Set(all.events.map((e) => e.kind))).toEqual(
      new Set(["milestone", "release", "cncf", "supersedes", "case"]),
    );
    const years = all.events.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(all.events).toContainEqual(
      expect.objectContaining({ kind: "cncf", subject: "kubernetes", date: "2018-03-06" }),
    );
  });

  it("filters by level: only technologies on it, cases at it", () => {
    const t = timeline(kb, { level: "D=4" });
    for (const e of t.events.filter((x) => x.kind === "release"))
      expect(kb.technologies.get(e.subject)?.position.D).toContain("L-4");
    expect(t.events.some((e) => e.subject === "wasmedge")).toBe(true);
    expect(t.events.some((e) => e.subject === "runc")).toBe(false);
    expect(timeline(kb, { level: "L-4" }).events).toEqual(t.events);
  });

  it("filters by scenario and years", () => {
    const t = timeline(kb, { scenario: "serverless", from: 2020, to: 2023 });
    expect(t.events.length).toBeGreaterThan(0);
    for (const e of t.events) {
      expect(e.year).toBeGreaterThanOrEqual(2020);
      expect(e.year).toBeLessThanOrEqual(2023);
      if (e.kind === "case") expect(kb.cases.all.find((c) => c.id === e.subject)?.scenario).toBe("serverless");
    }
  });

  it("draws lineages as chains: supersedes, each level's first appearance, each scenario's runtimes", () => {
    const kinds = new Set(all.lineages.map((l) => l.kind));
    expect(kinds).toEqual(new Set(["supersedes", "level", "succession"]));
    expect(
      all.lineages.find((l) => l.kind === "supersedes" && l.steps[0]?.id === "krustlet")?.steps.map((s) => s.id),
    ).toEqual(["krustlet", "runwasi"]);
    const isolation = all.lineages.find((l) => l.kind === "level" && l.steps.some((s) => s.level === "L-4"))!;
    expect(isolation.steps.map((s) => s.level).sort()).toEqual(["L-0", "L-1", "L-2", "L-3", "L-4"]);
    // The KB's supersedes edges are too short for a VM → container → microVM → Wasm chain: it says so.
    expect(all.notes.join(" ")).toMatch(/supersedes/);
  });

  it("rejects a bad range, an unknown level and an unknown scenario", () => {
    expect(() => timeline(kb, { from: 2025, to: 2020 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => timeline(kb, { level: "L-9" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => timeline(kb, { scenario: "nowhere" })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});
