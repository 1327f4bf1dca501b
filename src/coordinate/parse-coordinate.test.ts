import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coordinateArbitrary, normalized } from "../../test/_coordinate-arbitrary.js";
import { AtlasError } from "../errors.js";
import { loadKb } from "../kb/load-kb.js";
import { tupleDimensions } from "./coordinate.js";
import { formatCoordinate, formatKeyedCoordinate } from "./format-coordinate.js";
import { parseCoordinate, parseValue } from "./parse-coordinate.js";

const kb = loadKb();
const EDGE = { D: 4, X: 2, Z: 3, T: 2025, A: 1, S: "edge", O: ["O1", "O2"] };

/** The error a call throws, so its `code` can be checked. */
function thrown(f: () => unknown): AtlasError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error("expected the call to throw");
}

describe("parseCoordinate: the seed's tuple", () => {
  it("reads the edge golden with its Chinese scenario name", () => {
    expect(parseCoordinate(kb, "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)")).toEqual(EDGE);
  });

  it("reads Chinese scenario names: 微服务, AI推理, AI 推理", () => {
    expect(parseCoordinate(kb, "(3,1,2,2025,1,微服务,Prometheus)")).toEqual({
      D: 3,
      X: 1,
      Z: 2,
      T: 2025,
      A: 1,
      S: "microservices",
      O: ["O3"],
    });
    expect(parseCoordinate(kb, "(4, *, 3, 2025, 1, AI推理, *)").S).toBe("ai-inference");
    expect(parseCoordinate(kb, "(4, *, 3, 2025, 1, AI 推理, *)").S).toBe("ai-inference");
    expect(parseCoordinate(kb, "(4,2,4,2025,1,Serverless,OTLP)").S).toBe("serverless");
  });

  it("accepts full-width parentheses and commas", () => {
    expect(parseCoordinate(kb, "（4，2，3，2025，1，边缘计算，OTLP+eBPF）")).toEqual(EDGE);
  });

  it("accepts quoted parts, with commas inside quotes kept whole", () => {
    expect(parseCoordinate(kb, `(4, 2, 3, 2025, 1, "边缘计算", 'OTLP+eBPF')`)).toEqual(EDGE);
    expect(parseCoordinate(kb, "(4, 2, 3, 2025, 1, “edge computing”, “OTLP, eBPF”)")).toEqual(EDGE);
  });

  it("reads * as a wildcard (null)", () => {
    expect(parseCoordinate(kb, "(*, 2, *, *, *, edge, *)")).toEqual({
      D: null,
      X: 2,
      Z: null,
      T: null,
      A: null,
      S: "edge",
      O: null,
    });
  });

  it("reads an empty signal set as none", () => {
    expect(parseCoordinate(kb, "(4, 2, 3, 2025, 1, edge, none)").O).toEqual([]);
  });

  it("orders and de-duplicates signals", () => {
    expect(parseCoordinate(kb, "O=eBPF+OTLP+OTLP").O).toEqual(["O1", "O2"]);
    expect(parseCoordinate(kb, "O=O3+O1").O).toEqual(["O1", "O3"]);
  });
});

describe("parseCoordinate: the keyed form", () => {
  it("reads every dimension by key", () => {
    expect(parseCoordinate(kb, "D=4 X=2 Z=3 T=2025 A=1 S=edge O=OTLP+eBPF")).toEqual(EDGE);
  });

  it("leaves out what is not given (a wildcard)", () => {
    expect(parseCoordinate(kb, "D=4 S=edge")).toEqual({ D: 4, S: "edge" });
  });

  it("reads level codes, names (en and zh) and the Y alias of isolation", () => {
    for (const text of ["D=L-4", "Y=4", "D=sandbox", "D=沙盒", "D=4"])
      expect(parseCoordinate(kb, text)).toEqual({ D: 4 });
    expect(parseCoordinate(kb, "X=lightweight Z=业务")).toEqual({ X: 2, Z: 4 });
  });

  it("reads a milestone T5 as its year 2025", () => {
    expect(parseCoordinate(kb, "T=T5")).toEqual({ T: 2025 });
    expect(parseCoordinate(kb, "T=T1")).toEqual({ T: 2013 });
  });

  it("reads O=none as the empty set", () => {
    expect(parseCoordinate(kb, "O=none")).toEqual({ O: [] });
    expect(parseCoordinate(kb, "O=无")).toEqual({ O: [] });
  });

  it("reads a quoted scenario name holding a space", () => {
    expect(parseCoordinate(kb, 'S="Serverless 无服务器"')).toEqual({ S: "serverless" });
  });
});

describe("parseCoordinate: malformed coordinates", () => {
  const bad: [string, string][] = [
    ["an unknown scenario", "(4, 2, 3, 2025, 1, edgy, OTLP)"],
    ["the wrong number of parts", "(4, 2, 3)"],
    ["an unknown level", "D=9"],
    ["a level out of a view's range", "A=0"],
    ["an unknown signal", "O=OTLQ"],
    ["an unknown key", "Q=1"],
    ["a key given twice", "D=4 D=3"],
    ["text that is not a pair", "D=4 junk"],
    ["an unclosed quote", '(4, 2, 3, 2025, 1, "edge, OTLP)'],
    ["an empty part", "(4, , 3, 2025, 1, edge, OTLP)"],
    ["nothing at all", "  "],
    ["a year that is not one", "T=12345"],
  ];
  for (const [what, text] of bad) {
    it(`refuses ${what} with INVALID_COORDINATE`, () => {
      expect(thrown(() => parseCoordinate(kb, text)).code).toBe("INVALID_COORDINATE");
    });
  }

  it("suggests the nearest scenario for a misspelt one", () => {
    expect(thrown(() => parseCoordinate(kb, "(4, 2, 3, 2025, 1, edgy, OTLP)")).suggestions).toContain(
      "edge (边缘计算)",
    );
  });

  it("suggests the valid keys and levels", () => {
    expect(thrown(() => parseCoordinate(kb, "Q=1")).suggestions.length).toBe(tupleDimensions(kb).length);
    expect(thrown(() => parseCoordinate(kb, "D=9")).suggestions.some((s) => s.includes("L-4"))).toBe(true);
    expect(thrown(() => parseCoordinate(kb, "O=OTLQ")).suggestions.some((s) => s.includes("O1"))).toBe(true);
  });

  it("parseValue throws the same code for one dimension", () => {
    expect(thrown(() => parseValue(kb, kb.dimension("D")!, "L-9", "test")).code).toBe("INVALID_COORDINATE");
    expect(parseValue(kb, kb.dimension("D")!, "L-4", "test")).toBe(4);
  });
});

describe("parse ∘ format is the identity", () => {
  it("for the tuple form, in English", () => {
    fc.assert(
      fc.property(coordinateArbitrary(kb, { wildcards: true }), (c) => {
        expect(normalized(kb, parseCoordinate(kb, formatCoordinate(kb, c, "en")))).toEqual(normalized(kb, c));
      }),
      { numRuns: 300 },
    );
  });

  it("for the tuple form, in Chinese", () => {
    fc.assert(
      fc.property(coordinateArbitrary(kb, { wildcards: true }), (c) => {
        expect(normalized(kb, parseCoordinate(kb, formatCoordinate(kb, c, "zh")))).toEqual(normalized(kb, c));
      }),
      { numRuns: 300 },
    );
  });

  it("for the keyed form, in English and Chinese", () => {
    fc.assert(
      fc.property(coordinateArbitrary(kb, { wildcards: true }), fc.constantFrom("en", "zh" as const), (c, lang) => {
        // Every dimension `*` formats as nothing, which is no coordinate at all.
        fc.pre(Object.values(c).some((v) => v !== null));
        expect(normalized(kb, parseCoordinate(kb, formatKeyedCoordinate(kb, c, lang)))).toEqual(normalized(kb, c));
      }),
      { numRuns: 300 },
    );
  });

  it("formats the edge golden as the seed writes it", () => {
    expect(formatCoordinate(kb, EDGE)).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    expect(formatCoordinate(kb, EDGE, "zh")).toBe("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    expect(formatKeyedCoordinate(kb, EDGE)).toBe("D=4 X=2 Z=3 T=2025 A=1 S=edge O=OTLP+eBPF");
    expect(formatKeyedCoordinate(kb, { D: 4, S: null })).toBe("D=4");
  });
});
