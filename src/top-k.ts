/** @module top-k — the best k of a stream of items, kept sorted. */

/**
 * Keeps the best k items offered, in order: `compare(a, b) < 0` when a ranks before b. An item equal
 * to one held goes after it, so of equal items the first offered wins.
 * @example const t = new TopK<number>(2, (a, b) => a - b); for (const x of [3, 1, 2]) t.offer(x); t.items // [1, 2]
 */
export class TopK<T> {
  readonly items: T[] = [];
  constructor(
    readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}
  /** The k-th item, once k are held (an item must rank before it to enter); undefined until then. */
  get last(): T | undefined {
    return this.items.length < this.k ? undefined : this.items[this.k - 1];
  }
  offer(x: T): void {
    const n = this.items.length;
    if (n >= this.k && (this.k === 0 || this.compare(x, this.items[n - 1]!) >= 0)) return;
    let i = n;
    while (i > 0 && this.compare(x, this.items[i - 1]!) < 0) i--;
    this.items.splice(i, 0, x);
    if (this.items.length > this.k) this.items.pop();
  }
}
