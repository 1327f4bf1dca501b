/** @module kb/partial-order — a partial order with ties, built from chains such as `L-0 = L-4 > L-1 > L-3`. */

/** The answer of {@link compare}: how `a` stands to `b`. */
export type Comparison = "greater" | "less" | "equal" | "incomparable";

/**
 * A partial order over level codes with ties: tied codes form one class (union-find over `=`),
 * `greater[c]` holds every class strictly below class `c` (the transitive closure of `>`).
 */
export interface PartialOrder {
  /** Every code the chains mention, in order of first mention. */
  readonly elements: readonly string[];
  readonly classOf: ReadonlyMap<string, number>;
  /** The codes of each class. */
  readonly classes: readonly (readonly string[])[];
  /** `greater[c]`: the classes strictly below class `c`, transitively. */
  readonly greater: readonly ReadonlySet<number>[];
}

/** A reason the chains do not form a partial order. */
export interface PartialOrderProblem {
  /** `ORDERING_CYCLE`: a > … > a through other classes; `NOT_PARTIAL_ORDER`: a = b and a > b. */
  readonly code: "ORDERING_CYCLE" | "NOT_PARTIAL_ORDER";
  /** The codes involved, in order (a cycle ends where it starts). */
  readonly elements: readonly string[];
  readonly message: string;
}

export interface PartialOrderResult {
  readonly order: PartialOrder;
  readonly problems: readonly PartialOrderProblem[];
}

/** One parsed chain: `elements[i] relations[i] elements[i + 1]`. */
export interface ParsedChain {
  readonly elements: readonly string[];
  readonly relations: readonly ("<" | ">" | "=")[];
}

/**
 * Splits a chain into its codes and the relations between them.
 * @example parseOrderingChain("L-3 < L-4 = L-2") // { elements: ["L-3", "L-4", "L-2"], relations: ["<", "="] }
 */
export function parseOrderingChain(chain: string): ParsedChain {
  const elements: string[] = [];
  const relations: ("<" | ">" | "=")[] = [];
  for (const token of chain.match(/[A-Za-z][A-Za-z0-9-]*|[<>=]/g) ?? []) {
    if (token === "<" || token === ">" || token === "=") relations.push(token);
    else elements.push(token);
  }
  if (relations.length !== elements.length - 1) {
    throw new Error(
      `invariant failed: malformed ordering chain "${chain}" (the schema admits only well-formed chains)`,
    );
  }
  return { elements, relations };
}

/**
 * Builds the partial order of a set of chains and reports what stops it from being one
 * (cycles, or a tie that is also a strict step).
 * @example
 * const { order } = buildPartialOrder(["L-0 = L-4 > L-1 > L-2 > L-3"]);
 * compare(order, "L-4", "L-2") // "greater"
 */
export function buildPartialOrder(chains: readonly string[]): PartialOrderResult {
  const parsed = chains.map(parseOrderingChain);
  const elements: string[] = [];
  const index = new Map<string, number>();
  for (const c of parsed)
    for (const e of c.elements)
      if (!index.has(e)) {
        index.set(e, elements.length);
        elements.push(e);
      }
  // Union-find over `=`.
  const parent = elements.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const strict: [number, number][] = [];
  for (const c of parsed) {
    c.relations.forEach((rel, i) => {
      const a = index.get(c.elements[i]!)!;
      const b = index.get(c.elements[i + 1]!)!;
      if (rel === "=") parent[find(a)] = find(b);
      else if (rel === ">") strict.push([a, b]);
      else strict.push([b, a]);
    });
  }
  const rootClass = new Map<number, number>();
  const classes: string[][] = [];
  const classOf = new Map<string, number>();
  elements.forEach((e, i) => {
    const r = find(i);
    let c = rootClass.get(r);
    if (c === undefined) {
      c = classes.length;
      rootClass.set(r, c);
      classes.push([]);
    }
    classes[c]!.push(e);
    classOf.set(e, c);
  });

  const problems: PartialOrderProblem[] = [];
  const direct: Set<number>[] = classes.map(() => new Set<number>());
  const seenTie = new Set<string>();
  for (const [a, b] of strict) {
    const ca = classOf.get(elements[a]!)!;
    const cb = classOf.get(elements[b]!)!;
    if (ca === cb) {
      const key = `${a}>${b}`;
      if (!seenTie.has(key)) {
        seenTie.add(key);
        problems.push({
          code: "NOT_PARTIAL_ORDER",
          elements: [elements[a]!, elements[b]!],
          message: `${elements[a]} = ${elements[b]} and ${elements[a]} > ${elements[b]} cannot both hold`,
        });
      }
    } else direct[ca]!.add(cb);
  }

  // Transitive closure by a depth-first search from every class (the orders are small).
  const greater: Set<number>[] = classes.map((_, c) => {
    const below = new Set<number>();
    const stack = [...direct[c]!];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (below.has(d)) continue;
      below.add(d);
      for (const e of direct[d]!) stack.push(e);
    }
    return below;
  });

  // Every cycle among classes, reported once per strongly connected group.
  const reported = new Set<number>();
  for (let c = 0; c < classes.length; c++) {
    if (!greater[c]!.has(c) || reported.has(c)) continue;
    const cycle = findCycle(direct, c);
    for (const x of cycle) reported.add(x);
    for (let d = 0; d < classes.length; d++) if (greater[c]!.has(d) && greater[d]!.has(c)) reported.add(d);
    const names = [...cycle, c].map((x) => classes[x]!.join(" = "));
    problems.push({
      code: "ORDERING_CYCLE",
      elements: [...cycle, c].map((x) => classes[x]![0]!),
      message: `the chains form a cycle: ${names.join(" > ")}`,
    });
  }
  return { order: { elements, classOf, classes, greater }, problems };
}

/** A path c → … → (back to c) through direct edges, without the final return to c. */
function findCycle(direct: readonly ReadonlySet<number>[], start: number): number[] {
  const prev = new Map<number, number>();
  const queue = [start];
  const seen = new Set<number>([start]);
  while (queue.length > 0) {
    const x = queue.shift()!;
    for (const y of direct[x]!) {
      if (y === start) {
        const path = [x];
        let p = x;
        while (p !== start) {
          p = prev.get(p)!;
          path.push(p);
        }
        return path.reverse();
      }
      if (!seen.has(y)) {
        seen.add(y);
        prev.set(y, x);
        queue.push(y);
      }
    }
  }
  return [start];
}

/**
 * How `a` stands to `b` in the order: `greater` (a > b), `less`, `equal` (same class, or the same
 * code) or `incomparable` (no chain relates them, or a cycle relates them both ways).
 * @example compare(order, "L-3", "L-1") // "less" under "L-0 = L-4 > L-1 > L-2 > L-3"
 */
export function compare(order: PartialOrder, a: string, b: string): Comparison {
  if (a === b) return "equal";
  const ca = order.classOf.get(a);
  const cb = order.classOf.get(b);
  if (ca === undefined || cb === undefined) return "incomparable";
  if (ca === cb) return "equal";
  const ab = order.greater[ca]!.has(cb);
  const ba = order.greater[cb]!.has(ca);
  if (ab && !ba) return "greater";
  if (ba && !ab) return "less";
  return "incomparable";
}
