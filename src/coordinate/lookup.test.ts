import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { valueArbitrary } from "../../test/_coordinate-arbitrary.js";
import { AtlasError } from "../errors.js";
import { loadKb } from "../kb/load-kb.js";
import { type Coordinate, tupleDimensions, valuesEqual } from "./coordinate.js";
import { coordinateDistance } from "./coordinate-distance.js";
import { lookup } from "./lookup.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { recordedStacks } from "./recorded-stacks.js";

const kb = loadKb();
const dims = tupleDimensions(kb);
const EDGE = "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)";

describe("lookup: the seed's coordinate → stack map", () => {
  it("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF) → K3s + WasmEdge + Gatekeeper, exact", () => {
    const r = lookup(kb, EDGE);
    expect(r.exact).toBe(true);
    const first = r.matches[0]!;
    expect(first.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
    expect(first.stack.components).toMatchObject({ orchestrator: "k3s", runtime: "wasmedge", policy: "gatekeeper" });
    expect(first.exact).toBe(true);
    expect(first.distance.total).toBe(0);
    expect(first.coordinate).toMatchObject({ D: 4, X: 2, Z: 3, T: 2025, A: 1, S: "edge", O: ["O1", "O2"] });
    expect(first.records.some((rec) => rec.source === "seed-30-6")).toBe(true);
    expect(r.query.text).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
  });

  it("(3,1,2,2025,1,微服务,Prometheus) → K8s + containerd + OPA, exact", () => {
    const r = lookup(kb, "(3,1,2,2025,1,微服务,Prometheus)");
    expect(r.exact).toBe(true);
    const first = r.matches[0]!;
    expect(first.stack.label).toBe("K8s + containerd + OPA");
    expect(first.stack.components.orchestrator).toBe("kubernetes");
    expect(first.stack.components.policy).toBe("opa");
    // containerd hosts runc here: it is in the stack, in its slot or as a supporting piece.
    expect([first.stack.components.runtime, ...(first.stack.components.supporting ?? [])]).toContain("containerd");
    expect(first.exact).toBe(true);
  });

  it("(4,2,4,2025,1,Serverless,OTLP) → K3s + WasmEdge + OPA with business rules, exact", () => {
    const r = lookup(kb, "(4,2,4,2025,1,Serverless,OTLP)");
    expect(r.exact).toBe(true);
    const first = r.matches[0]!;
    expect(first.stack.label).toBe("K3s + WasmEdge + OPA + business rules");
    expect(first.stack.components).toMatchObject({
      orchestrator: "k3s",
      runtime: "wasmedge",
      policy: "opa-business-rules",
    });
    expect(first.exact).toBe(true);
  });

  it("answers a parsed coordinate like its text", () => {
    expect(lookup(kb, parseCoordinate(kb, EDGE))).toEqual(lookup(kb, EDGE));
  });

  it("matches partially: every match agrees with the dimensions given", () => {
    const r = lookup(kb, "D=4 X=2 S=edge");
    expect(r.exact).toBe(true);
    expect(r.matches.length).toBeGreaterThan(1);
    for (const m of r.matches) {
      expect(m.exact).toBe(true);
      expect(m.coordinate).toMatchObject({ D: 4, X: 2, S: "edge" });
    }
    expect(r.matches.map((m) => m.stack.label)).toContain("K3s + WasmEdge + Gatekeeper");
  });

  it("speaks Chinese", () => {
    const r = lookup(kb, EDGE, { lang: "zh" });
    expect(r.query.text).toBe("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    expect(r.matches[0]!.why).toContain("边缘计算");
  });

  it("throws INVALID_COORDINATE for a malformed coordinate", () => {
    for (const text of ["(4, 2, 3, 2025, 1, edgy, OTLP)", "(4, 2, 3)", "D=9", "O=OTLQ", "Q=1"]) {
      let error: unknown;
      try {
        lookup(kb, text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(AtlasError);
      expect((error as AtlasError).code, text).toBe("INVALID_COORDINATE");
    }
  });
});

describe("lookup: one dimension off a known stack", () => {
  for (const [key, text] of [
    ["Z", "(4, 2, 2, 2025, 1, 边缘计算, OTLP+eBPF)"],
    ["T", "(4, 2, 3, 2024, 1, 边缘计算, OTLP+eBPF)"],
    ["O", "(4, 2, 3, 2025, 1, 边缘计算, OTLP)"],
  ] as const) {
    it(`returns K3s + WasmEdge + Gatekeeper first, naming ${key}`, () => {
      const r = lookup(kb, text);
      expect(r.exact).toBe(false);
      const first = r.matches[0]!;
      expect(first.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
      expect(first.exact).toBe(false);
      const off = Object.entries(first.distance.perDimension).filter(([, d]) => d > 0);
      expect(off.map(([k]) => k)).toEqual([key]);
      expect(first.why).toContain(key);
      expect(first.why).toMatch(/differs/);
    });
  }

  it("returns the k nearest when nothing matches exactly", () => {
    const r = lookup(kb, "(4, 2, 2, 2025, 1, 边缘计算, OTLP+eBPF)", { k: 3 });
    expect(r.matches).toHaveLength(3);
    const totals = r.matches.map((m) => m.distance.total);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
  });

  it("property: a recorded stack with one dimension changed is found at the minimal distance, differing only there", () => {
    const records = recordedStacks(kb);
    const perturbed = fc
      .record({ index: fc.nat(records.length - 1), dim: fc.constantFrom(...dims) })
      .chain(({ index, dim }) =>
        valueArbitrary(kb, dim)
          .filter((v) => {
            const own = records[index]!.coordinate[dim.key];
            return own === null || own === undefined || !valuesEqual(v, own);
          })
          .map((value) => ({ record: records[index]!, dim, value })),
      );
    fc.assert(
      fc.property(perturbed, ({ record, dim, value }) => {
        const query: Coordinate = { ...record.coordinate, [dim.key]: value };
        const own = coordinateDistance(kb, query, record.coordinate);
        expect(own.total).toBeGreaterThan(0);
        // The change can land nearer another recorded stack (or on one); the law is for when it does not.
        const nearest = Math.min(...records.map((r) => coordinateDistance(kb, query, r.coordinate).total));
        fc.pre(nearest === own.total);
        const r = lookup(kb, query, { k: 1000 });
        expect(r.exact).toBe(false);
        expect(r.matches[0]!.distance.total).toBe(own.total);
        const atMin = r.matches.filter((m) => m.distance.total === own.total);
        expect(atMin.map((m) => m.stack.label)).toContain(record.label);
        const mine = atMin.find((m) => m.records.some((x) => x.id === record.id));
        expect(mine, `${record.id} ${dim.key}=${JSON.stringify(value)}`).toBeDefined();
        expect(mine!.stack.label).toBe(record.label);
        const off = Object.entries(mine!.distance.perDimension).filter(([, d]) => d > 0);
        expect(off.map(([k]) => k)).toEqual([dim.key]);
        expect(mine!.why).toContain(dim.key);
      }),
      { numRuns: 200 },
    );
  });
});
