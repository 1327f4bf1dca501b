import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopK } from "./top-k.js";

describe("TopK", () => {
  it("keeps the best k of any stream: a stable sort's first k", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat())), fc.nat({ max: 6 }), (xs, k) => {
        const t = new TopK<[number, number]>(k, (a, b) => a[0] - b[0]);
        for (const x of xs) t.offer(x);
        expect(t.items).toEqual([...xs].sort((a, b) => a[0] - b[0]).slice(0, k));
      }),
    );
  });
  it("keeps the first offered of equal items, and nothing when k is 0", () => {
    const t = new TopK<{ v: number; id: string }>(1, (a, b) => a.v - b.v);
    expect(t.last).toBeUndefined();
    t.offer({ v: 1, id: "a" });
    t.offer({ v: 1, id: "b" });
    expect(t.items.map((x) => x.id)).toEqual(["a"]);
    expect(t.last?.id).toBe("a");
    const none = new TopK<number>(0, (a, b) => a - b);
    none.offer(1);
    expect(none.items).toEqual([]);
  });
});
