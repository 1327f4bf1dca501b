import { describe, expect, it } from "vitest";
import { AtlasError } from "../errors.js";
import { loadKb } from "../kb/load-kb.js";
import { scenarioPath } from "./scenario-path.js";

const kb = loadKb();

function thrown(f: () => unknown): AtlasError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error("expected the call to throw");
}

describe("scenarioPath: the seed's case 2 (Serverless evolution)", () => {
  const path = scenarioPath(kb, "serverless", { from: 2020, to: 2025 });
  const year = (y: number) => path.years.find((x) => x.year === y)!;

  it("has one entry per year from 2020 to 2025, following the seed's series", () => {
    expect(path.scenario.id).toBe("serverless");
    expect(path.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(path.series).toBe("seed-case-2");
  });

  it("passes through the three coordinates the seed gives", () => {
    expect(year(2020).coordinate).toMatchObject({ D: 3, X: 1, Z: 2, T: 2020, A: 1, S: "serverless", O: ["O3"] });
    expect(year(2020).coordinate!.text).toBe("(3, 1, 2, 2020, 1, serverless, Prometheus)");
    expect(year(2023).coordinate).toMatchObject({ D: 4, X: 2, Z: 3, T: 2023, A: 1, S: "serverless", O: ["O1"] });
    expect(year(2023).coordinate!.text).toBe("(4, 2, 3, 2023, 1, serverless, OTLP)");
    expect(year(2025).coordinate).toMatchObject({ D: 4, X: 2, Z: 4, T: 2025, A: 1, S: "serverless", O: ["O1", "O2"] });
    expect(year(2025).coordinate!.text).toBe("(4, 2, 4, 2025, 1, serverless, OTLP+eBPF)");
  });

  it("takes each year's stack from a dated case of the seed", () => {
    for (const y of [2020, 2023, 2025]) {
      expect(year(y).case?.year).toBe(y);
      expect(year(y).case?.source).toBe("seed-30-6");
      expect(year(y).stack).not.toBeNull();
    }
  });

  it("names every change with its direction, cause and source", () => {
    const d2023 = year(2023).changes;
    expect(d2023.map((c) => c.dimension)).toEqual(["D", "X", "Z", "O"]);
    expect(d2023.find((c) => c.dimension === "D")).toMatchObject({ from: 3, to: 4, direction: "more" });
    expect(d2023.find((c) => c.dimension === "X")).toMatchObject({ from: 1, to: 2 });
    const d2025 = year(2025).changes;
    expect(d2025.map((c) => c.dimension)).toEqual(["Z", "O"]);
    expect(d2025.find((c) => c.dimension === "Z")).toMatchObject({ from: 3, to: 4, direction: "more" });
    expect(d2025.find((c) => c.dimension === "O")).toMatchObject({ from: ["O1"], to: ["O1", "O2"], direction: "more" });
    for (const c of [...d2023, ...d2025]) {
      expect(c.cause.length, c.dimension).toBeGreaterThan(0);
      expect(kb.sources.has(c.source), c.dimension).toBe(true);
      expect(c.text.length).toBeGreaterThan(0);
    }
  });

  it("over the whole path, moves isolation, orchestration, policy and observability as the seed says", () => {
    const first = year(2020).coordinate!;
    const last = year(2025).coordinate!;
    expect([first.D, last.D]).toEqual([3, 4]);
    expect([first.X, last.X]).toEqual([1, 2]);
    expect([first.Z, last.Z]).toEqual([2, 4]);
    expect([first.O, last.O]).toEqual([["O3"], ["O1", "O2"]]);
  });

  it("changes nothing in a year without a new case", () => {
    for (const y of [2021, 2022, 2024]) expect(year(y).changes).toEqual([]);
  });

  it("resolves the scenario by its Chinese name", () => {
    const zh = scenarioPath(kb, "无服务器", { from: 2020, to: 2025, lang: "zh" });
    expect(zh.scenario.id).toBe("serverless");
    expect(zh.years.map((y) => y.coordinate?.T)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it("throws NOT_FOUND for an unknown scenario and INVALID_ARGUMENT for a backwards range", () => {
    const e = thrown(() => scenarioPath(kb, "serverles", { from: 2020, to: 2025 }));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.suggestions.some((s) => s.startsWith("serverless"))).toBe(true);
    expect(thrown(() => scenarioPath(kb, "serverless", { from: 2025, to: 2020 })).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => scenarioPath(kb, "serverless", { series: "no-such-series" })).code).toBe("INVALID_ARGUMENT");
  });
});

describe("scenarioPath: one series unless told otherwise", () => {
  it("follows the seed's series by default, over the series' years, and never mixes in another case", () => {
    const p = scenarioPath(kb, "serverless");
    expect(p.series).toBe("seed-case-2");
    expect([p.from, p.to]).toEqual([2020, 2025]);
    expect(p.seriesOptions[0]).toMatchObject({ id: "seed-case-2", seed: true, cases: 3 });
    const cases = p.years.map((y) => y.case?.id).filter((id): id is string => id !== undefined);
    expect(cases.every((id) => kb.cases.all.find((c) => c.id === id)?.series === "seed-case-2")).toBe(true);
    // Isolation never moves back from a sandbox to a container on the seed's path.
    const weaker = p.years.flatMap((y) => y.changes).filter((c) => c.dimension === "D" && c.direction !== "more");
    expect(weaker).toEqual([]);
  });

  it("shows nothing before the series' first case when asked for earlier years", () => {
    const p = scenarioPath(kb, "serverless", { from: 2018, to: 2020 });
    expect(p.years.map((y) => y.coordinate?.text ?? null)).toEqual([
      null,
      null,
      "(3, 1, 2, 2020, 1, serverless, Prometheus)",
    ]);
    expect(p.years.flatMap((y) => y.changes)).toEqual([]);
  });

  it("with series all, follows every case but reads no change between cases of different series", () => {
    const p = scenarioPath(kb, "serverless", { series: "all" });
    expect(p.series).toBeNull();
    expect(p.years.some((y) => y.switched)).toBe(true);
    for (const y of p.years) {
      if (y.switched) expect(y.changes).toEqual([]);
      for (const c of y.changes) expect(c.cause.length).toBeGreaterThan(0);
    }
  });

  it("suggests the scenario's series and all for an unknown series", () => {
    const e = thrown(() => scenarioPath(kb, "serverless", { series: "seed-case2" }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.suggestions).toEqual(["seed-case-2", "all"]);
  });
});
