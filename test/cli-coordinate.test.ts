import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

interface CoordinateJson {
  D: number | null;
  X: number | null;
  Z: number | null;
  T: number | null;
  A: number | null;
  S: string | null;
  O: string[] | null;
  text: string;
}
interface LookupJson {
  exact: boolean;
  query: CoordinateJson;
  matches: {
    stack: { label: string; components: Record<string, unknown> };
    coordinate: CoordinateJson;
    exact: boolean;
    distance: { total: number; perDimension: Record<string, number> };
    why: string;
  }[];
}

describe("stackatlas lookup", () => {
  const goldens: [string, string, Record<string, string>][] = [
    [
      "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)",
      "K3s + WasmEdge + Gatekeeper",
      { orchestrator: "k3s", runtime: "wasmedge", policy: "gatekeeper" },
    ],
    ["(3,1,2,2025,1,微服务,Prometheus)", "K8s + containerd + OPA", { orchestrator: "kubernetes", policy: "opa" }],
    [
      "(4,2,4,2025,1,Serverless,OTLP)",
      "K3s + WasmEdge + OPA + business rules",
      { orchestrator: "k3s", runtime: "wasmedge", policy: "opa-business-rules" },
    ],
  ];
  for (const [coordinate, label, components] of goldens) {
    it(`${coordinate} → ${label}, exact`, async () => {
      const r = await runJson<LookupJson>("lookup", coordinate);
      expect(r.code).toBe(0);
      expect(r.json.exact).toBe(true);
      expect(r.json.matches[0]!.stack.label).toBe(label);
      expect(r.json.matches[0]!.stack.components).toMatchObject(components);
      expect(r.json.matches[0]!.exact).toBe(true);
    });
  }

  it("prints a table naming the stack and the exact match", async () => {
    const r = await runCli("lookup", "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    expect(r.code).toBe(0);
    expect(r.out).toContain("K3s + WasmEdge + Gatekeeper");
    expect(r.out).toContain("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    expect(r.err).toBe("");
  });

  it("takes the keyed form in several arguments", async () => {
    const r = await runJson<LookupJson>("lookup", "D=4", "X=2", "Z=3", "T=2025", "A=1", "S=edge", "O=OTLP+eBPF");
    expect(r.code).toBe(0);
    expect(r.json.matches[0]!.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
  });

  it("answers a coordinate one dimension off with the stack and the dimension that differs", async () => {
    for (const [key, coordinate] of [
      ["Z", "(4, 2, 2, 2025, 1, 边缘计算, OTLP+eBPF)"],
      ["T", "(4, 2, 3, 2024, 1, 边缘计算, OTLP+eBPF)"],
    ] as const) {
      const r = await runJson<LookupJson>("lookup", coordinate);
      expect(r.code).toBe(0);
      expect(r.json.exact).toBe(false);
      const first = r.json.matches[0]!;
      expect(first.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
      expect(first.exact).toBe(false);
      expect(Object.entries(first.distance.perDimension).filter(([, d]) => d > 0)).toEqual([
        [key, first.distance.perDimension[key]],
      ]);
      expect(first.why).toContain(key);
    }
  });

  it("--top limits the nearest stacks", async () => {
    const r = await runJson<LookupJson>("lookup", "(4, 2, 2, 2025, 1, 边缘计算, OTLP+eBPF)", "--top", "2");
    expect(r.json.matches).toHaveLength(2);
  });

  it("speaks Chinese", async () => {
    const r = await runCli("lookup", "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)", "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.out).toContain("完全匹配");
    expect(r.out).toContain("边缘计算");
  });
});

describe("stackatlas lookup: malformed coordinates exit 1 naming the bad part and the nearest names", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`an unknown scenario (${lang})`, async () => {
      const r = await runCli("lookup", "(4, 2, 3, 2025, 1, edgy, OTLP)", "--lang", lang);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toContain('"edgy"');
      expect(r.err).toContain("edge (边缘计算)");
    });
  }

  it("the wrong number of parts", async () => {
    const r = await runCli("lookup", "(4, 2, 3)");
    expect(r.code).toBe(1);
    expect(r.err).toContain("(4, 2, 3)");
    expect(r.err).toMatch(/\bD\b.*\bX\b.*\bZ\b.*\bT\b.*\bA\b.*\bS\b.*\bO\b/);
  });

  it("an unknown level", async () => {
    const r = await runCli("lookup", "D=9");
    expect(r.code).toBe(1);
    expect(r.err).toContain('"9"');
    expect(r.err).toContain("L-4");
  });

  it("an unknown signal", async () => {
    const r = await runCli("lookup", "O=OTLQ", "--lang", "zh");
    expect(r.code).toBe(1);
    expect(r.err).toContain('"OTLQ"');
    expect(r.err).toContain("O1");
  });

  it("an unknown key", async () => {
    const r = await runCli("lookup", "Q=1");
    expect(r.code).toBe(1);
    expect(r.err).toContain('"Q"');
    for (const key of ["D (", "X (", "Z (", "T (", "A (", "S (", "O ("]) expect(r.err).toContain(key);
  });
});

describe("stackatlas locate", () => {
  it('"K3s + WasmEdge + Gatekeeper" → (4, 2, 3, 2025, 1, edge, OTLP+eBPF)', async () => {
    const text = await runCli("locate", "K3s + WasmEdge + Gatekeeper");
    expect(text.code).toBe(0);
    expect(text.out).toContain("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    const r = await runJson<{ coordinate: CoordinateJson; complete: boolean; consistent: boolean }>(
      "locate",
      "K3s + WasmEdge + Gatekeeper",
    );
    expect(r.code).toBe(0);
    expect(r.json.coordinate).toEqual({
      D: 4,
      X: 2,
      Z: 3,
      T: 2025,
      A: 1,
      S: "edge",
      O: ["O1", "O2"],
      text: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
    });
    expect(r.json.complete).toBe(true);
    expect(r.json.consistent).toBe(true);
  });

  it("--year before a part's release makes the stack inconsistent, naming the part", async () => {
    const r = await runJson<{ consistent: boolean; notYetReleased: { id: string }[] }>(
      "locate",
      "K3s + WasmEdge + Gatekeeper",
      "--year",
      "2015",
    );
    expect(r.code).toBe(0);
    expect(r.json.consistent).toBe(false);
    expect(r.json.notYetReleased.map((n) => n.id)).toContain("k3s");
  });

  it("an unknown technology exits 1 and suggests wasmedge (en and zh)", async () => {
    for (const lang of ["en", "zh"]) {
      const r = await runCli("locate", "K3s + WasmEdgy", "--lang", lang);
      expect(r.code).toBe(1);
      expect(r.err).toContain('"WasmEdgy"');
      expect(r.err).toContain("wasmedge");
    }
  });

  it("two runtimes for one slot: the conflict, every part placed, exit 1 (en and zh)", async () => {
    const en = await runCli("locate", "gVisor + WasmEdge + Kata");
    expect(en.code).toBe(1);
    expect(en.out).toContain("consistent: ✘");
    expect(en.out).toContain("two runtimes: gVisor and WasmEdge");
    expect(en.out).toContain("Kata Containers (supporting)");
    const zh = await runCli("locate", "K3s + Kubernetes", "--lang", "zh");
    expect(zh.code).toBe(1);
    expect(zh.out).toContain("两个编排器");
    const json = await runJson<{ consistent: boolean; rivals: { other: string }[] }>("locate", "K3s + Kubernetes");
    expect(json.code).toBe(1);
    expect(json.json.consistent).toBe(false);
    expect(json.json.rivals.map((r) => r.other)).toEqual(["kubernetes"]);
  });

  it("an unknown --scenario exits 1 and suggests edge", async () => {
    const r = await runCli("locate", "K3s + WasmEdge", "--scenario", "edgy");
    expect(r.code).toBe(1);
    expect(r.err).toContain('"edgy"');
    expect(r.err).toContain("edge (边缘计算)");
  });
});

describe("stackatlas scenario", () => {
  for (const name of ["edge", "边缘计算", "ai-inference", "AI推理", "serverless", "microservices", "微服务"]) {
    it(`${name}: stacks with coordinates, checks and sources`, async () => {
      const r = await runJson<{
        scenario: { id: string };
        stacks: {
          coordinate: CoordinateJson;
          meets: unknown[];
          misses: unknown[];
          unknown: unknown[];
          source: { title: string };
        }[];
      }>("scenario", name);
      expect(r.code).toBe(0);
      expect(r.json.stacks.length).toBeGreaterThan(0);
      for (const s of r.json.stacks) {
        expect(s.coordinate.S).toBe(r.json.scenario.id);
        expect(Array.isArray(s.meets) && Array.isArray(s.misses) && Array.isArray(s.unknown)).toBe(true);
        expect(s.source.title.length).toBeGreaterThan(0);
      }
    });
  }

  it("an unknown scenario exits 1 and suggests the nearest (en and zh)", async () => {
    for (const lang of ["en", "zh"]) {
      const r = await runCli("scenario", "edgy", "--lang", lang);
      expect(r.code).toBe(1);
      expect(r.err).toContain('"edgy"');
      expect(r.err).toContain("edge (边缘计算)");
    }
  });
});

describe("stackatlas path", () => {
  interface PathJson {
    years: {
      year: number;
      coordinate: CoordinateJson | null;
      changes: { dimension: string; cause: string; source: string; text: string }[];
    }[];
  }

  it("serverless --from 2020 --to 2025 passes through the seed's case 2", async () => {
    const r = await runJson<PathJson>("path", "serverless", "--from", "2020", "--to", "2025");
    expect(r.code).toBe(0);
    const at = (y: number) => r.json.years.find((x) => x.year === y)!;
    expect(r.json.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(at(2020).coordinate?.text).toBe("(3, 1, 2, 2020, 1, serverless, Prometheus)");
    expect(at(2023).coordinate?.text).toBe("(4, 2, 3, 2023, 1, serverless, OTLP)");
    expect(at(2025).coordinate?.text).toBe("(4, 2, 4, 2025, 1, serverless, OTLP+eBPF)");
    expect(at(2023).changes.map((c) => c.dimension)).toEqual(["D", "X", "Z", "O"]);
    expect(at(2025).changes.map((c) => c.dimension)).toEqual(["Z", "O"]);
    for (const c of [...at(2023).changes, ...at(2025).changes]) {
      expect(c.cause.length).toBeGreaterThan(0);
      expect(c.source).toBe("seed-30-6");
    }
  });

  it("prints the path as a table", async () => {
    const r = await runCli("path", "无服务器", "--from", "2020", "--to", "2025", "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.out).toContain("(4, 2, 4, 2025, 1, Serverless 无服务器, OTLP+eBPF)");
  });

  it("path with no --from follows the seed's series; --series all marks other deployments (en and zh)", async () => {
    const r = await runCli("path", "serverless");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Serverless 2020–2025 (series seed-case-2)");
    expect(r.out).not.toContain("L-4 sandbox → L-3 container");
    const all = await runCli("path", "serverless", "--series", "all");
    expect(all.out).toContain("(series all cases)");
    expect(all.out).toContain("another deployment, not a change");
    const zh = await runCli("path", "serverless", "--series", "all", "--lang", "zh");
    expect(zh.out).toContain("全部案例");
    expect(zh.out).toContain("另一个部署，不是变化");
  });

  it("an unknown scenario exits 1 and suggests serverless", async () => {
    const r = await runCli("path", "serverles");
    expect(r.code).toBe(1);
    expect(r.err).toContain('"serverles"');
    expect(r.err).toContain("serverless");
  });

  it("a backwards range exits 1", async () => {
    const r = await runCli("path", "serverless", "--from", "2025", "--to", "2020");
    expect(r.code).toBe(1);
  });
});

describe("stackatlas compare", () => {
  it("names what moves between the seed's 2020 and 2025 Serverless coordinates", async () => {
    const r = await runJson<{ deltas: { dimension: string; direction: string }[] }>(
      "compare",
      "(3, 1, 2, 2020, 1, serverless, Prometheus)",
      "(4, 2, 4, 2025, 1, serverless, OTLP+eBPF)",
    );
    expect(r.code).toBe(0);
    expect(r.json.deltas.map((d) => d.dimension)).toEqual(["D", "X", "Z", "T", "O"]);
    expect(r.json.deltas.find((d) => d.dimension === "D")!.direction).toBe("more");
  });

  it("states the seed's four changes between case 2's 2020 and 2025 stacks, in its words", async () => {
    const r = await runJson<{ deltas: { dimension: string; direction: string; word?: string; text: string }[] }>(
      "compare",
      "case:serverless-2020-seed-case-2",
      "case:serverless-2025-seed-case-2",
    );
    expect(r.code).toBe(0);
    const word = (d: string) => r.json.deltas.find((x) => x.dimension === d)?.word;
    // The seed: isolation L-3 → L-4 (stronger); orchestration cluster → edge (lighter);
    // policy runtime → business (stronger); observability Prometheus → OTLP+eBPF (complete).
    expect(word("D")).toBe("stronger");
    expect(word("X")).toBe("lighter");
    expect(word("Z")).toBe("stronger");
    expect(word("O")).toBe("complete observability");
    expect(r.json.deltas.find((x) => x.dimension === "D")!.text).toContain("L-3 container → L-4 sandbox");
  });

  it("answers an ordering question from their own figures where both have them, else from the levels", async () => {
    const r = await runJson<{
      orderings: { ordering: string; relation: string; basis: string }[];
      figures: { metric: string; a?: { source: string }; b?: { source: string } }[];
    }>("compare", "gvisor", "runc");
    expect(r.json.orderings.find((o) => o.ordering === "strength")).toMatchObject({
      relation: "greater",
      basis: "levels",
    });
    expect(r.json.orderings.find((o) => o.ordering === "startup-speed")).toMatchObject({
      relation: "less",
      basis: "figures",
    });
    expect(r.json.figures.some((f) => f.metric === "cold-start" && f.a && f.b)).toBe(true);
    const text = await runCli("compare", "gvisor", "runc");
    expect(text.out).toContain("gVisor slower start than runc, by their own cold start figures");
    expect(text.out).not.toContain("faster start than runc");
  });

  it("speaks Chinese: 更强 / 更轻", async () => {
    const r = await runCli(
      "compare",
      "case:serverless-2020-seed-case-2",
      "case:serverless-2025-seed-case-2",
      "--lang",
      "zh",
    );
    expect(r.out).toContain("更强");
    expect(r.out).toContain("更轻");
  });

  it("an unknown technology exits 1 and suggests wasmedge", async () => {
    const r = await runCli("compare", "K3s + WasmEdgy", "runc");
    expect(r.code).toBe(1);
    expect(r.err).toContain('"WasmEdgy"');
    expect(r.err).toContain("wasmedge");
  });
});
