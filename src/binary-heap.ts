/** @module binary-heap — a binary min-heap over any order. */

/**
 * A binary heap: `pop` returns the item that `before` puts first (`before(a, b)`: a strictly before b).
 * Items that neither precedes come out in no particular order.
 * @example const h = new BinaryHeap<number>((a, b) => a < b); h.push(3); h.push(1); h.pop() // 1
 */
export class BinaryHeap<T> {
  private readonly a: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.a.length;
  }
  peek(): T | undefined {
    return this.a[0];
  }
  push(x: T): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(x, a[p]!)) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = x;
  }
  pop(): T | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      // Sift the last item down from the root through the hole, moving the earlier child up.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = last;
        if (l < a.length && this.before(a[l]!, best)) {
          m = l;
          best = a[l]!;
        }
        if (r < a.length && this.before(a[r]!, best)) {
          m = r;
          best = a[r]!;
        }
        if (m === i) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
