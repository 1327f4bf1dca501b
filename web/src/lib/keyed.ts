/** @module web/lib/keyed — React keys for lists that never reorder (explanations, facts of one answer): their position. */

/**
 * Pairs each item with its position as a key: for answers shown as given, where items may repeat
 * and never move, so the position is a stable identity.
 * @example keyed(["a", "a"]).map(([k, x]) => <li key={k}>{x}</li>)
 */
export function keyed<T>(items: readonly T[]): [string, T][] {
  return items.map((x, i) => [String(i), x]);
}
