import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPartialOrder, compare, type PartialOrder, parseOrderingChain } from "./partial-order.js";

const STRENGTH = "L-0 = L-4 > L-1 > L-2 > L-3";
const OVERHEAD = "L-3 < L-4 < L-2 < L-1 < L-0";

describe("parseOrderingChain", () => {
  it("splits codes and relations", () => {
    expect(parseOrderingChain(STRENGTH)).toEqual({
      elements: ["L-0", "L-4", "L-1", "L-2", "L-3"],
      relations: ["=", ">", ">", ">"],
    });
    expect(parseOrderingChain("X0<X1")).toEqual({ elements: ["X0", "X1"], relations: ["<"] });
  });
  it("refuses a malformed chain", () => {
    expect(() => parseOrderingChain("L-0 > > L-1")).toThrow(/invariant/);
  });
});

describe("buildPartialOrder and compare", () => {
  it("answers the seed's isolation-strength order, with its tie, transitively", () => {
    const { order, problems } = buildPartialOrder([STRENGTH]);
    expect(problems).toEqual([]);
    expect(compare(order, "L-0", "L-4")).toBe("equal");
    expect(compare(order, "L-4", "L-3")).toBe("greater");
    expect(compare(order, "L-3", "L-0")).toBe("less");
    expect(compare(order, "L-1", "L-3")).toBe("greater");
    expect(compare(order, "L-2", "L-2")).toBe("equal");
    expect(compare(order, "L-2", "L-9")).toBe("incomparable");
  });
  it("reads `<` chains the other way round", () => {
    const { order } = buildPartialOrder([OVERHEAD]);
    expect(compare(order, "L-0", "L-3")).toBe("greater");
    expect(compare(order, "L-4", "L-2")).toBe("less");
  });
  it("leaves unrelated branches incomparable", () => {
    const { order } = buildPartialOrder(["A > B", "A > C"]);
    expect(compare(order, "B", "C")).toBe("incomparable");
  });
  it("finds a cycle across chains and names it", () => {
    const { problems } = buildPartialOrder([STRENGTH, "L-3 > L-1"]);
    expect(problems.map((p) => p.code)).toEqual(["ORDERING_CYCLE"]);
    expect(problems[0]!.message).toMatch(/L-1 > L-2 > L-3 > L-1/);
  });
  it("finds a tie that is also a step", () => {
    const { problems } = buildPartialOrder([STRENGTH, "L-4 > L-0"]);
    expect(problems.map((p) => p.code)).toEqual(["NOT_PARTIAL_ORDER"]);
  });
  it("finds a two-element cycle", () => {
    const { problems } = buildPartialOrder(["X1 > X2", "X1 < X2"]);
    expect(problems.map((p) => p.code)).toEqual(["ORDERING_CYCLE"]);
  });
});

// Random chain sets over a few codes.
const CODES = ["A0", "A1", "A2", "A3", "A4", "A5", "A6"];
const code = fc.constantFrom(...CODES);
const rel = fc.constantFrom("<", ">", "=");
const chain = fc
  .tuple(code, fc.array(fc.tuple(rel, code), { minLength: 1, maxLength: 5 }))
  .map(([first, rest]) => [first, ...rest.map(([r, c]) => `${r} ${c}`)].join(" "));
const chains = fc.array(chain, { minLength: 1, maxLength: 5 });

/** Chains consistent with a random ranking (ties where ranks are equal): always a partial order. */
const consistentChains = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: CODES.length, maxLength: CODES.length }),
    fc.array(fc.array(code, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  )
  .map(([ranks, lists]) => {
    const rank = (c: string) => ranks[CODES.indexOf(c)]!;
    return lists.map((list) => {
      let out = list[0]!;
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1]!;
        const b = list[i]!;
        out += ` ${rank(a) > rank(b) ? ">" : rank(a) < rank(b) ? "<" : "="} ${b}`;
      }
      return out;
    });
  });

function strictlyAbove(order: PartialOrder, a: string, b: string): boolean {
  return order.greater[order.classOf.get(a)!]!.has(order.classOf.get(b)!);
}

describe("partial-order laws (property tests)", () => {
  it("the closure is transitive", () => {
    fc.assert(
      fc.property(chains, (cs) => {
        const { order } = buildPartialOrder(cs);
        for (const a of order.elements)
          for (const b of order.elements)
            for (const c of order.elements)
              if (strictlyAbove(order, a, b) && strictlyAbove(order, b, c))
                expect(strictlyAbove(order, a, c)).toBe(true);
      }),
    );
  });

  it("compare is consistent: greater(a, b) ⇔ less(b, a), equal and incomparable are symmetric", () => {
    fc.assert(
      fc.property(chains, (cs) => {
        const { order } = buildPartialOrder(cs);
        const flip = { greater: "less", less: "greater", equal: "equal", incomparable: "incomparable" } as const;
        for (const a of CODES) for (const b of CODES) expect(compare(order, b, a)).toBe(flip[compare(order, a, b)]);
      }),
    );
  });

  it("chains consistent with a ranking form a partial order: antisymmetric on classes, every step holds", () => {
    fc.assert(
      fc.property(consistentChains, (cs) => {
        const { order, problems } = buildPartialOrder(cs);
        expect(problems).toEqual([]);
        order.classes.forEach((_, c) => {
          expect(order.greater[c]!.has(c)).toBe(false);
          for (const d of order.greater[c]!) expect(order.greater[d]!.has(c)).toBe(false);
        });
        for (const c of cs) {
          const { elements, relations } = parseOrderingChain(c);
          relations.forEach((r, i) => {
            const want = r === ">" ? "greater" : r === "<" ? "less" : "equal";
            expect(compare(order, elements[i]!, elements[i + 1]!)).toBe(want);
          });
        }
      }),
    );
  });

  it("reports a problem exactly when some class lies above itself", () => {
    fc.assert(
      fc.property(chains, (cs) => {
        const { order, problems } = buildPartialOrder(cs);
        const cyclic = order.classes.some((_, c) => order.greater[c]!.has(c));
        expect(problems.some((p) => p.code === "ORDERING_CYCLE")).toBe(cyclic);
      }),
    );
  });
});
