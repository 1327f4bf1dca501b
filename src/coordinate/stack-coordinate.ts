/** @module coordinate/stack-coordinate — a stack's coordinate from its parts, by the rules the dimensions declare. */
import type { Lang } from "../i18n/lang.js";
import { STACK } from "../i18n/stack-phrases.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { stackParts } from "./assign-slots.js";
import type { Coordinate, CoordinateValue } from "./coordinate.js";

/** What the stack is placed in: the year, scenario and view it is read at, where known. */
export interface StackContext {
  readonly year?: number;
  readonly scenario?: string;
  /** A view level value (1 = A1 technical). */
  readonly view?: number;
  /** The language of the `undetermined` reasons (default English). */
  readonly lang?: Lang;
}

export interface StackCoordinate {
  readonly coordinate: Coordinate;
  /** The earliest year every part exists. */
  readonly earliestYear: number;
  /** Parts released after the year the stack is read at. */
  readonly notYetReleased: readonly { readonly id: string; readonly released: number }[];
  /** Dimensions the parts leave undetermined, and why. */
  readonly undetermined: readonly { readonly dimension: string; readonly why: string }[];
}

/**
 * The add-ons that count on a dimension (those whose role its `stackRule.raisedBy` names) and the level
 * codes they hold on it. One home for the rule: the coordinate and the query's slot checks ask it.
 * @example addonLevels(kb, kb.dimension("Z")!, ["linkerd"]) // [{ id: "linkerd", codes: ["Z2"] }]
 */
export function addonLevels(
  kb: Kb,
  dim: CompiledDimension,
  addons: readonly string[] | undefined,
): { readonly id: string; readonly codes: readonly string[] }[] {
  const rule = dim.stackRule;
  if (rule.from !== "slot" || rule.raisedBy === undefined || addons === undefined) return [];
  const out: { id: string; codes: readonly string[] }[] = [];
  for (const id of addons) {
    const t = kb.technologies.get(id);
    const codes = t?.position[dim.key] ?? [];
    if (t && rule.raisedBy.includes(t.role) && codes.length > 0) out.push({ id, codes });
  }
  return out;
}

/**
 * Computes a stack's coordinate: each dimension by its `stackRule` — the level of the part in its slot
 * (the union over the parts for a set dimension, `whenAbsent` for an empty slot), raised by the
 * add-ons of the roles the rule names (the highest level, or the union), the year (every part released
 * by then), the view (default A1), the scenario.
 * @example stackCoordinate(kb, { runtime: "wasmedge", orchestrator: "k3s", policy: "gatekeeper" }).coordinate.D // 4
 */
export function stackCoordinate(kb: Kb, c: StackComponents, context: StackContext = {}): StackCoordinate {
  const parts = stackParts(c);
  const released = parts.map((id) => ({ id, released: kb.technologies.get(id)?.releasedYear ?? 0 }));
  const earliestYear = Math.max(0, ...released.map((r) => r.released));
  const year = context.year ?? earliestYear;
  const out: Record<string, CoordinateValue | null> = {};
  const undetermined: { dimension: string; why: string }[] = [];
  const lang = context.lang ?? "en";
  for (const dim of kb.dimensions.values()) {
    const rule = dim.stackRule;
    switch (rule.from) {
      case "year":
        out[dim.key] = year;
        break;
      case "scenario":
        out[dim.key] = context.scenario ?? null;
        if (context.scenario === undefined) undetermined.push({ dimension: dim.key, why: STACK.noScenarioGiven(lang) });
        break;
      case "view":
        out[dim.key] = context.view ?? dim.levelByCode.get(rule.default)?.value ?? null;
        break;
      case "slot": {
        const slotParts =
          rule.slot === "observability"
            ? (c.observability ?? [])
            : [c[rule.slot]].filter((x): x is string => x !== undefined);
        const raised = addonLevels(kb, dim, c.addons);
        if (dim.kind === "set") {
          const codes = new Set(slotParts.flatMap((id) => kb.technologies.get(id)?.position[dim.key] ?? []));
          for (const a of raised) for (const code of a.codes) codes.add(code);
          out[dim.key] = [...codes].sort(
            (a, b) => (dim.levelByCode.get(a)?.value ?? 0) - (dim.levelByCode.get(b)?.value ?? 0),
          );
          break;
        }
        // An add-on raises the slot's level to its own primary level where that is higher.
        const floor = Math.max(-1, ...raised.map((a) => dim.levelByCode.get(a.codes[0]!)?.value ?? -1));
        const raise = (v: number | null): number | null => (floor < 0 ? v : v === null ? floor : Math.max(v, floor));
        const part = slotParts[0];
        if (part === undefined) {
          const absent = rule.whenAbsent ? dim.levelByCode.get(rule.whenAbsent) : undefined;
          out[dim.key] = raise(absent?.value ?? null);
          if (!absent && floor < 0)
            undetermined.push({ dimension: dim.key, why: STACK.noSlot(lang, { slot: rule.slot }) });
          break;
        }
        // A part on several levels (crun: L-3 and L-4) is placed by its first, primary level.
        const value = kb.technologies.get(part)?.positionValues[dim.key]?.[0];
        out[dim.key] = raise(value ?? null);
        if (value === undefined && floor < 0)
          undetermined.push({ dimension: dim.key, why: STACK.noLevel(lang, { part, key: dim.key }) });
        break;
      }
    }
  }
  return {
    coordinate: out,
    earliestYear,
    notYetReleased: released.filter((r) => r.released > year),
    undetermined,
  };
}
