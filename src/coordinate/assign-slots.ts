/** @module coordinate/assign-slots — puts a stack's parts into its slots: runtime, orchestrator, policy, observability. */
import type { CompiledTechnology, Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import type { Role } from "../model/technology.js";

export type Slot = "runtime" | "orchestrator" | "policy" | "observability";

/**
 * Which roles can fill a slot, best first, and the dimension whose level breaks ties (the
 * innermost boundary wins the runtime slot: WasmEdge over the crun that hosts it).
 */
export const SLOT_CANDIDATES: Readonly<
  Record<Exclude<Slot, "observability">, { roles: readonly Role[]; tieBreak: string }>
> = {
  runtime: { roles: ["runtime", "platform", "hypervisor", "engine"], tieBreak: "D" },
  orchestrator: { roles: ["orchestrator", "platform"], tieBreak: "X" },
  policy: { roles: ["policy"], tieBreak: "Z" },
};

/** Which slot a technology's position on a dimension qualifies it for, by the dimension's stack rule. */
export function holdsLevelFor(kb: Kb, tech: CompiledTechnology, slot: Slot): boolean {
  for (const dim of kb.dimensions.values()) {
    if (dim.stackRule.from === "slot" && dim.stackRule.slot === slot) return (tech.position[dim.key]?.length ?? 0) > 0;
  }
  return false;
}

function topLevel(tech: CompiledTechnology, key: string): number {
  return Math.max(-1, ...(tech.positionValues[key] ?? []));
}

/**
 * Assigns parts to slots. A part may fill two slots (Docker is a runtime and a single-host
 * orchestrator); parts that fill none are supporting pieces.
 * @example assignSlots(kb, ["k3s", "wasmedge", "gatekeeper"]).runtime // "wasmedge"
 */
export function assignSlots(
  kb: Kb,
  ids: readonly string[],
): StackComponents & { observability: string[]; addons: string[]; supporting: string[] } {
  const techs = ids.map((id) => kb.technologies.get(id)).filter((t): t is CompiledTechnology => t !== undefined);
  const chosen: Partial<Record<Slot, string>> = {};
  for (const [slot, { roles, tieBreak }] of Object.entries(SLOT_CANDIDATES) as [
    Exclude<Slot, "observability">,
    (typeof SLOT_CANDIDATES)["runtime"],
  ][]) {
    let best: { tech: CompiledTechnology; rank: number; level: number } | undefined;
    for (const tech of techs) {
      const rank = roles.indexOf(tech.role);
      if (rank < 0 || !holdsLevelFor(kb, tech, slot)) continue;
      const level = topLevel(tech, tieBreak);
      if (!best || rank < best.rank || (rank === best.rank && level > best.level)) best = { tech, rank, level };
    }
    if (best) chosen[slot] = best.tech.id;
  }
  const observability = techs.filter((t) => t.role === "observability").map((t) => t.id);
  const inSlot = new Set([...Object.values(chosen), ...observability]);
  const rest = techs.filter((t) => !inSlot.has(t.id));
  const addons = rest.filter((t) => isAddon(kb, t)).map((t) => t.id);
  const supporting = rest.filter((t) => !isAddon(kb, t)).map((t) => t.id);
  return {
    ...(chosen.runtime ? { runtime: chosen.runtime } : {}),
    ...(chosen.orchestrator ? { orchestrator: chosen.orchestrator } : {}),
    ...(chosen.policy ? { policy: chosen.policy } : {}),
    observability,
    addons,
    supporting,
  };
}

/**
 * Whether a part outside the slots is an add-on (a part the stack has for what it does) rather than a
 * supporting piece: its role is one a dimension's `stackRule.raisedBy` names, or it states a capability.
 */
export function isAddon(kb: Kb, tech: CompiledTechnology): boolean {
  for (const dim of kb.dimensions.values())
    if (dim.stackRule.from === "slot" && dim.stackRule.raisedBy?.includes(tech.role)) return true;
  for (const [trait, s] of tech.traits) if (s.value === true && kb.traits.get(trait)?.capability === true) return true;
  return false;
}

/** Every part of a stack once, slots first. */
export function stackParts(c: StackComponents): string[] {
  const all = [
    c.runtime,
    c.orchestrator,
    c.policy,
    ...(c.observability ?? []),
    ...(c.addons ?? []),
    ...(c.supporting ?? []),
  ];
  return [...new Set(all.filter((x): x is string => x !== undefined))];
}
