/** @module recommend/_order-by — a stable order of candidates by one number, ties by key rank. */

/** Candidates in the order they were made, with each one's bound and key rank at the same index. */
export interface Ranked<T> {
  readonly list: T[];
  readonly bounds: Float64Array;
  readonly ranks: Int32Array;
}

/**
 * `items` ordered by a number (`by[i]` for items[i]), higher first when `descending`, ties by key
 * rank: the order of a sort with `(a, b) => by[a] !== by[b] ? by[b] - by[a] : rank[a] - rank[b]`
 * (ranks are distinct, so the order is total), by a stable merge sort over the indices that compares
 * inline rather than through a callback.
 */
export function orderBy<T>(items: readonly T[], by: Float64Array, rank: Int32Array, descending: boolean): T[] {
  const n = items.length;
  const before = (a: number, b: number): boolean => {
    const x = by[a]!;
    const y = by[b]!;
    if (x !== y) return descending ? x > y : x < y;
    return rank[a]! < rank[b]!;
  };
  let src = new Int32Array(n);
  let dst = new Int32Array(n);
  const RUN = 16;
  for (let i = 0; i < n; i++) src[i] = i;
  // Insertion sort within runs, then merge runs pairwise.
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = src[i]!;
      let j = i - 1;
      while (j >= lo && before(v, src[j]!)) {
        src[j + 1] = src[j]!;
        j--;
      }
      src[j + 1] = v;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = before(src[j]!, src[i]!) ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[src[i]!]!;
  return out;
}
