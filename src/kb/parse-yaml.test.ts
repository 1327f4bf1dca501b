import { describe, expect, it } from "vitest";
import { MAX_YAML_ERRORS, parseYaml } from "./parse-yaml.js";

const budget = { maxChars: 10_000, maxNodes: 500, maxDepth: 8 };

describe("parseYaml", () => {
  it("reads a document within the budget with no problems", () => {
    const r = parseYaml("a: 1\nb: [x, y]\nc: { d: e }\n", budget);
    expect(r.errors).toEqual([]);
    expect(r.doc.toJS()).toEqual({ a: 1, b: ["x", "y"], c: { d: "e" } });
  });

  it("finds a duplicate key at its line, and keeps keys of different mappings apart", () => {
    const r = parseYaml("a: 1\nm:\n  a: 2\n  b: 3\n  a: 4\n", budget);
    expect(r.errors.map((e) => e.code)).toEqual(["DUPLICATE_KEY"]);
    expect(r.lineCounter.linePos(r.errors[0]!.offset).line).toBe(5);
  });

  it("tells 1 and '1' apart as keys, as the parser's own check does", () => {
    expect(parseYaml("1: a\n'1': b\n", budget).errors).toEqual([]);
  });

  it("reports the first duplicate keys of a huge mapping located and counts the rest", () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `k${i % 100}: ${i}`).join("\n");
    const r = parseYaml(text, { maxChars: 1 << 20, maxNodes: 100_000, maxDepth: 8 });
    expect(r.errors).toHaveLength(MAX_YAML_ERRORS + 1);
    expect(r.errors.at(-1)?.params).toEqual({ limit: MAX_YAML_ERRORS, found: 1_900 });
  });

  it("refuses text over the size budget before parsing it", () => {
    const r = parseYaml(`a: "${"x".repeat(20_000)}"\n`, budget);
    expect(r.errors.map((e) => e.code)).toEqual(["TOO_LARGE"]);
    expect(r.doc.contents).toBeNull();
  });

  it("refuses more nodes than the budget", () => {
    const r = parseYaml(`[${Array.from({ length: 600 }, (_, i) => i).join(", ")}]`, budget);
    expect(r.errors.map((e) => e.code)).toEqual(["TOO_MANY_NODES"]);
  });

  it("refuses nesting deeper than the budget, in block and in flow style", () => {
    const block = Array.from({ length: 10 }, (_, i) => `${" ".repeat(i * 2)}k${i}:`).join("\n") + " 1\n";
    expect(parseYaml(block, budget).errors.map((e) => e.code)).toEqual(["TOO_DEEP"]);
    expect(parseYaml(`${"[".repeat(9)}${"]".repeat(9)}`, budget).errors.map((e) => e.code)).toEqual(["TOO_DEEP"]);
  });

  it("refuses nesting deep enough to exhaust the parser's stack as too deep, without throwing", () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const r = parseYaml(deep, { maxChars: 1 << 20, maxNodes: 100_000, maxDepth: 64 });
    expect(r.errors.map((e) => e.code)).toEqual(["TOO_DEEP"]);
  });

  it("passes the parser's own syntax errors through with their codes", () => {
    const r = parseYaml("a: [1, 2\n", budget);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((e) => e.code !== "DUPLICATE_KEY")).toBe(true);
  });
});
