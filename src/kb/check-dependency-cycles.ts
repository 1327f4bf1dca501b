/** @module kb/check-dependency-cycles — `depends-on` relations form no cycle. */
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";

/**
 * DEPENDENCY_CYCLE, once per group of technologies that depend on each other in a circle, naming
 * one cycle of the group and located at its first edge. `anyOf` options count as edges.
 * @example const issues = checkDependencyCycles(ctx); // 'depends-on cycle: a → b → a'
 */
export function checkDependencyCycles(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  // Edges with the index of the relation that makes them, for locating the issue.
  const edges = new Map<string, { to: string; relation: number; anyOf?: number }[]>();
  for (const t of ctx.kb.technologies) {
    const out: { to: string; relation: number; anyOf?: number }[] = [];
    (t.data.relations ?? []).forEach((r, i) => {
      if (r.type !== "depends-on") return;
      if (r.target !== undefined && r.target !== t.data.id) out.push({ to: r.target, relation: i });
      (r.anyOf ?? []).forEach((id, j) => {
        if (id !== t.data.id) out.push({ to: id, relation: i, anyOf: j });
      });
    });
    if (!edges.has(t.data.id)) edges.set(t.data.id, out);
  }
  for (const scc of stronglyConnected(edges)) {
    if (scc.length < 2) continue;
    const members = new Set(scc);
    const start = [...scc].sort()[0]!;
    const cycle = cycleWithin(edges, members, start);
    const from = ctx.technologies.get(start)!;
    const first = (edges.get(start) ?? []).find((e) => e.to === cycle[1])!;
    issues.push(
      issueAt(
        "DEPENDENCY_CYCLE",
        from.file,
        first.anyOf === undefined
          ? ["relations", first.relation, "target"]
          : ["relations", first.relation, "anyOf", first.anyOf],
        `depends-on cycle: ${cycle.join(" → ")}`,
        { hint: "a dependency cannot lead back to itself: make one edge runs-on, compatible-with or part-of instead" },
      ),
    );
  }
  return issues;
}

/** Tarjan's strongly connected components, iteratively (no recursion limit on long chains). */
function stronglyConnected(edges: ReadonlyMap<string, readonly { to: string }[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = (edges.get(frame.node) ?? []).filter((e) => edges.has(e.to));
      if (frame.next < succ.length) {
        const to = succ[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const comp: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          comp.push(x);
        } while (x !== frame.node);
        out.push(comp);
      }
    }
  }
  return out;
}

/** A shortest cycle start → … → start inside one component (breadth-first). */
function cycleWithin(
  edges: ReadonlyMap<string, readonly { to: string }[]>,
  members: ReadonlySet<string>,
  start: string,
): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const x = queue.shift()!;
    for (const { to } of edges.get(x) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let p: string | undefined = x; p !== undefined && p !== start; p = prev.get(p)) path.push(p);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!prev.has(to)) {
        prev.set(to, x);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
