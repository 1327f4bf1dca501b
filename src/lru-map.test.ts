import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map.js";

describe("LruMap", () => {
  it("keeps N entries after N + k distinct keys: the k least recently used are gone", () => {
    const memo = new LruMap<string, number>(100);
    for (let i = 0; i < 130; i++) memo.set(`k${i}`, i);
    expect(memo.size).toBe(100);
    expect(memo.has("k29")).toBe(false);
    expect(memo.get("k30")).toBe(30);
    expect(memo.get("k129")).toBe(129);
  });

  it("drops the least recently used, not the oldest written, and counts a key set twice once", () => {
    const memo = new LruMap<string, number>(2);
    memo.set("a", 1).set("b", 2);
    expect(memo.get("a")).toBe(1);
    memo.set("c", 3);
    expect([...memo.keys()]).toEqual(["a", "c"]);
    memo.set("a", 4);
    expect(memo.size).toBe(2);
    expect([...memo.keys()]).toEqual(["c", "a"]);
    expect(memo.get("a")).toBe(4);
  });

  it("keeps falsy values apart from absent ones", () => {
    const memo = new LruMap<string, number | null>(2);
    memo.set("zero", 0).set("null", null);
    expect(memo.get("zero")).toBe(0);
    expect(memo.get("null")).toBeNull();
    expect(memo.get("none")).toBeUndefined();
  });

  it("refuses a limit below one", () => {
    expect(() => new LruMap(0)).toThrow(/at least one/);
    expect(() => new LruMap(Number.NaN)).toThrow(/at least one/);
  });
});
