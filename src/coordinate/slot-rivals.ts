/** @module coordinate/slot-rivals — parts that compete for one slot of a stack, and why. */
import type { Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { holdsLevelFor, SLOT_CANDIDATES, type Slot } from "./assign-slots.js";

/**
 * A part that could fill a slot another part holds, and is not a piece of it: the stack as written
 * is two stacks in one. `alternative`: the knowledge base records them as alternatives (or one
 * supersedes the other), with the relation's source; `unrelated`: both have the slot's role and no
 * relation links them (neither runs on, depends on, implements what the other needs, nor works with it).
 */
export interface SlotRival {
  readonly slot: Exclude<Slot, "observability">;
  /** The part the stack is placed by. */
  readonly kept: string;
  readonly other: string;
  readonly kind: "alternative" | "unrelated";
  readonly source?: string;
}

const RIVAL_TYPES = new Set(["alternative-to", "supersedes"]);
const LINK_TYPES = new Set(["depends-on", "runs-on", "compatible-with", "part-of", "implements"]);

/**
 * The supporting parts of a stack that rival the part in a slot (see `SlotRival`).
 * @example slotRivals(kb, parseStack(kb, "K3s + Kubernetes").components)[0] // { slot: "orchestrator", kept: "k3s", other: "kubernetes", kind: "alternative", … }
 */
export function slotRivals(kb: Kb, components: StackComponents): SlotRival[] {
  const rivals: SlotRival[] = [];
  for (const other of components.supporting ?? []) {
    const tech = kb.technologies.get(other);
    if (tech === undefined) continue;
    for (const [slot, { roles }] of Object.entries(SLOT_CANDIDATES) as [
      SlotRival["slot"],
      { roles: readonly string[] },
    ][]) {
      const kept = components[slot];
      const keptTech = kept === undefined ? undefined : kb.technologies.get(kept);
      if (kept === undefined || keptTech === undefined || !roles.includes(tech.role)) continue;
      if (!holdsLevelFor(kb, tech, slot)) continue;
      const rival = relationBetween(kb, kept, other, RIVAL_TYPES);
      if (rival !== undefined) {
        rivals.push({ slot, kept, other, kind: "alternative", source: rival });
        break;
      }
      if (tech.role === keptTech.role && !linked(kb, kept, other)) {
        rivals.push({ slot, kept, other, kind: "unrelated" });
        break;
      }
    }
  }
  return rivals;
}

/** The source of a relation of one of `types` between a and b, either way. */
function relationBetween(kb: Kb, a: string, b: string, types: ReadonlySet<string>): string | undefined {
  const r =
    kb.relations.out(a).find((x) => types.has(x.type) && x.targets.includes(b)) ??
    kb.relations.out(b).find((x) => types.has(x.type) && x.targets.includes(a));
  return r?.source;
}

/** Whether one part is a piece of the other: a direct relation, or a dependency on an interface the other implements. */
function linked(kb: Kb, a: string, b: string): boolean {
  if (relationBetween(kb, a, b, LINK_TYPES) !== undefined) return true;
  const implemented = (id: string) => new Set(kb.relations.out(id, "implements").flatMap((r) => r.targets));
  const needs = (from: string, to: string) => {
    const offers = implemented(to);
    return kb.relations.out(from, "depends-on").some((r) => r.targets.some((t) => offers.has(t)));
  };
  return needs(a, b) || needs(b, a);
}
