/** @module kb/_components-of — the technologies a stack names, each with its path. */
import type { StackComponents } from "../model/stack.js";
import type { IssuePath } from "./issue.js";

/** Every technology a stack names, with its path. */
export function componentsOf(c: StackComponents, base: IssuePath): [IssuePath, string][] {
  const out: [IssuePath, string][] = [];
  for (const slot of ["runtime", "orchestrator", "policy"] as const) {
    const id = c[slot];
    if (id !== undefined) out.push([[...base, slot], id]);
  }
  for (const slot of ["observability", "addons", "supporting"] as const)
    (c[slot] ?? []).forEach((id, i) => {
      out.push([[...base, slot, i], id]);
    });
  return out;
}
