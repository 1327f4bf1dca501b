import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BinaryHeap } from "./binary-heap.js";

describe("BinaryHeap", () => {
  it("pops in the order `before` gives, whatever the pushes and pops interleaved", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined })), (ops) => {
        const h = new BinaryHeap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const op of ops) {
          if (op === undefined) {
            model.sort((a, b) => a - b);
            expect(h.pop()).toBe(model.shift());
          } else {
            h.push(op);
            model.push(op);
          }
          expect(h.size).toBe(model.length);
          expect(h.peek()).toBe(model.length === 0 ? undefined : Math.min(...model));
        }
      }),
    );
  });
  it("answers undefined when empty", () => {
    const h = new BinaryHeap<string>((a, b) => a < b);
    expect(h.pop()).toBeUndefined();
    expect(h.peek()).toBeUndefined();
    h.push("b");
    h.push("a");
    expect([h.pop(), h.pop(), h.pop()]).toEqual(["a", "b", undefined]);
  });
});
