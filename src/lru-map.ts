/** @module lru-map — a Map that keeps at most a fixed number of entries, dropping the least recently used. */

/**
 * A memo bounded by entry count: `get` marks an entry as recently used, `set` past the limit drops the
 * entry unused the longest. For caches whose keys come from request input (a hostile stream of distinct
 * queries must not grow memory without bound); a knowledge base's own caches need none.
 * @example const memo = new LruMap<string, number>(2); memo.set("a", 1); memo.set("b", 2); memo.get("a"); memo.set("c", 3); [...memo.keys()] // ["a", "c"]
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  /** The most entries kept (at least 1). */
  readonly maxEntries: number;

  constructor(maxEntries: number) {
    if (!(Number.isInteger(maxEntries) && maxEntries >= 1))
      throw new Error(`invariant failed: an LruMap keeps at least one entry, not ${maxEntries}`);
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, marked as the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const entries = this.#entries;
    if (!entries.has(key)) return undefined;
    const value = entries.get(key) as V;
    entries.delete(key);
    entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Keeps the value as the most recently used, dropping the least recently used past the limit. */
  set(key: K, value: V): this {
    const entries = this.#entries;
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > this.maxEntries) entries.delete(entries.keys().next().value as K);
    return this;
  }

  /** Keys from the least to the most recently used. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
