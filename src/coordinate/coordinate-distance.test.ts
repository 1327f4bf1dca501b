import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coordinateArbitrary, valueArbitrary } from "../../test/_coordinate-arbitrary.js";
import { loadKb } from "../kb/load-kb.js";
import { compare } from "../kb/partial-order.js";
import { tupleDimensions, valuesEqual } from "./coordinate.js";
import { coordinateDistance, dimensionDistance } from "./coordinate-distance.js";

const kb = loadKb();
const dims = tupleDimensions(kb);

describe("dimensionDistance", () => {
  it("measures isolation by strength: sandbox and hardware are tied, so near but not zero", () => {
    const d = kb.dimension("D")!;
    expect(dimensionDistance(d, 4, 4)).toBe(0);
    expect(dimensionDistance(d, 4, 0)).toBeGreaterThan(0);
    expect(dimensionDistance(d, 4, 0)).toBeLessThan(dimensionDistance(d, 4, 3));
    expect(dimensionDistance(d, 3, 4)).toBe(1);
  });

  it("measures signal sets by Jaccard distance", () => {
    const o = kb.dimension("O")!;
    expect(dimensionDistance(o, ["O1", "O2"], ["O2", "O1"])).toBe(0);
    expect(dimensionDistance(o, ["O1"], ["O1", "O2"])).toBe(0.5);
    expect(dimensionDistance(o, [], [])).toBe(0);
    expect(dimensionDistance(o, [], ["O3"])).toBe(1);
  });

  it("measures years by span and scenarios by identity", () => {
    expect(dimensionDistance(kb.dimension("T")!, 2024, 2025)).toBeCloseTo(0.1);
    expect(dimensionDistance(kb.dimension("T")!, 2000, 2030)).toBe(1);
    expect(dimensionDistance(kb.dimension("S")!, "edge", "serverless")).toBe(1);
  });

  it("is symmetric and in [0, 1] on every dimension", () => {
    for (const dim of dims) {
      fc.assert(
        fc.property(valueArbitrary(kb, dim), valueArbitrary(kb, dim), (a, b) => {
          const ab = dimensionDistance(dim, a, b);
          expect(ab).toBe(dimensionDistance(dim, b, a));
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThanOrEqual(1);
        }),
        { numRuns: 200 },
      );
    }
  });

  it("is zero exactly when the values are equal, on every dimension", () => {
    for (const dim of dims) {
      fc.assert(
        fc.property(valueArbitrary(kb, dim), valueArbitrary(kb, dim), (a, b) => {
          expect(dimensionDistance(dim, a, b) === 0).toBe(valuesEqual(a, b));
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe("coordinateDistance", () => {
  it("is zero exactly when every dimension the query gives equals the candidate's", () => {
    fc.assert(
      fc.property(
        coordinateArbitrary(kb, { wildcards: true }),
        coordinateArbitrary(kb, { wildcards: true }),
        // Bias towards near-equal pairs so that both sides of ⇔ are exercised.
        fc.subarray(dims.map((d) => d.key)),
        (q0, c, copy) => {
          const q = { ...q0, ...Object.fromEntries(copy.map((k) => [k, c[k] ?? null])) };
          const agrees = dims.every((d) => {
            const qv = q[d.key];
            const cv = c[d.key];
            if (qv === null || qv === undefined) return true;
            return cv !== null && cv !== undefined && valuesEqual(qv, cv);
          });
          expect(coordinateDistance(kb, q, c).total === 0).toBe(agrees);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts the query's wildcards as 0 and a candidate's missing value as 1", () => {
    const d = coordinateDistance(kb, { D: null, X: 2 }, { D: 3, X: null });
    expect(d.perDimension.D).toBe(0);
    expect(d.perDimension.X).toBe(1);
    expect(d.total).toBe(1);
  });

  it("sums the per-dimension distances", () => {
    fc.assert(
      fc.property(coordinateArbitrary(kb, { wildcards: true }), coordinateArbitrary(kb), (q, c) => {
        const d = coordinateDistance(kb, q, c);
        expect(Object.keys(d.perDimension).sort()).toEqual(dims.map((x) => x.key).sort());
        expect(d.total).toBeCloseTo(
          Object.values(d.perDimension).reduce((s, x) => s + x, 0),
          9,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("the compiled orderings of every dimension", () => {
  const orderings = dims.flatMap((dim) =>
    [...dim.orderings.entries()].map(([id, o]) => ({ name: `${dim.key} ${id}`, dim, order: o.order })),
  );

  it("exist for the ordinal dimensions", () => {
    expect(orderings.map((o) => o.name)).toEqual(expect.arrayContaining(["D strength", "D overhead"]));
  });

  for (const { name, dim, order } of orderings) {
    const codes = fc.constantFrom(...new Set([...dim.levels.map((l) => l.code), ...order.elements]));

    it(`${name}: greater is transitive and mirrored by less`, () => {
      fc.assert(
        fc.property(codes, codes, codes, (a, b, c) => {
          if (compare(order, a, b) === "greater" && compare(order, b, c) === "greater") {
            expect(compare(order, a, c)).toBe("greater");
          }
          expect(compare(order, a, b) === "greater").toBe(compare(order, b, a) === "less");
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: equal is an equivalence, and tied codes compare alike`, () => {
      fc.assert(
        fc.property(codes, codes, codes, (a, b, c) => {
          expect(compare(order, a, a)).toBe("equal");
          expect(compare(order, a, b) === "equal").toBe(compare(order, b, a) === "equal");
          if (compare(order, a, b) === "equal" && compare(order, b, c) === "equal") {
            expect(compare(order, a, c)).toBe("equal");
          }
          if (compare(order, a, b) === "equal") expect(compare(order, a, c)).toBe(compare(order, b, c));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("exhaustively, on every triple of levels", () => {
    for (const { name, dim, order } of orderings) {
      const all = dim.levels.map((l) => l.code);
      for (const a of all)
        for (const b of all)
          for (const c of all) {
            const ab = compare(order, a, b);
            const bc = compare(order, b, c);
            if (ab === "greater" && bc === "greater") expect(compare(order, a, c), name).toBe("greater");
            if (ab === "equal" && bc === "equal") expect(compare(order, a, c), name).toBe("equal");
          }
    }
  });
});
