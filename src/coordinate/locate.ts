/** @module coordinate/locate — the seed's `find_coordinate`: a stack's coordinate, completeness and consistency. */
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { stackParts } from "./assign-slots.js";
import { type CompletedStack, completeStack } from "./complete-stack.js";
import type { CoordinateJson, CoordinateValue } from "./coordinate.js";
import { coordinateJson } from "./format-coordinate.js";
import { parseStack, stackLabel } from "./parse-stack.js";
import { recordedStacks } from "./recorded-stacks.js";
import { type SlotRival, slotRivals } from "./slot-rivals.js";
import { type StackContext, stackCoordinate } from "./stack-coordinate.js";

export interface LocateResult {
  readonly stack: { readonly label: string; readonly components: StackComponents };
  readonly coordinate: CoordinateJson;
  /** Every dependency satisfied (after adding supporting pieces)? */
  readonly complete: boolean;
  /** No conflict inside, one part per slot, and every part released by the stack's year? */
  readonly consistent: boolean;
  /** Every part the stack names (supporting pieces it needs are in `added`), with the slot it fills. */
  readonly parts: readonly { readonly id: string; readonly slot: string }[];
  /** Parts that compete for a slot another part holds: two runtimes, two orchestrators, … */
  readonly rivals: readonly SlotRival[];
  readonly added: CompletedStack["added"];
  readonly missing: CompletedStack["missing"];
  readonly conflicts: CompletedStack["conflicts"];
  readonly notYetReleased: readonly { readonly id: string; readonly released: number }[];
  /** Dimensions the parts do not determine, taken from the recorded stack with the same core parts. */
  readonly inferred: readonly {
    readonly dimension: string;
    readonly value: CoordinateValue | null;
    readonly from: string;
    readonly label: string;
    readonly source: string;
  }[];
  /** Dimensions left open (`*`), and why. */
  readonly undetermined: readonly { readonly dimension: string; readonly why: string }[];
}

export interface LocateOptions extends StackContext {
  readonly lang?: Lang;
}

const CORE = ["runtime", "orchestrator", "policy"] as const;

/**
 * Locates a stack: its parts give D, X, Z and O by the dimensions' rules; the year, scenario and
 * view are the ones given, else those of the recorded stack with the same runtime, orchestrator and
 * policy (said so in `inferred`), else left open. The stack is completed with the supporting pieces
 * its dependencies need; what is missing or in conflict is reported.
 * @example locate(kb, "K3s + WasmEdge + Gatekeeper").coordinate.text // "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)"
 */
export function locate(kb: Kb, stack: string | StackComponents, options: LocateOptions = {}): LocateResult {
  const lang = options.lang ?? "en";
  const components = typeof stack === "string" ? parseStack(kb, stack, lang).components : stack;
  const completed = completeStack(kb, components, {}, lang);
  const rivals = slotRivals(kb, components);
  const own = stackCoordinate(kb, components, { ...options, lang });
  const coordinate: Record<string, CoordinateValue | null> = { ...own.coordinate };
  const inferred: LocateResult["inferred"][number][] = [];
  const record = recordedStacks(kb)
    .filter((r) => CORE.every((slot) => r.components[slot] === components[slot]))
    .filter((r) => options.scenario === undefined || r.scenario === options.scenario)
    .sort(
      (a, b) =>
        Number(Boolean(b.stated)) - Number(Boolean(a.stated)) ||
        (b.year ?? 0) - (a.year ?? 0) ||
        a.id.localeCompare(b.id),
    )[0];
  if (record) {
    for (const dim of kb.dimensions.values()) {
      const rule = dim.stackRule;
      const given =
        (rule.from === "year" && options.year !== undefined) ||
        (rule.from === "scenario" && options.scenario !== undefined) ||
        (rule.from === "view" && options.view !== undefined) ||
        (rule.from === "slot" && rule.slot === "observability" && (components.observability?.length ?? 0) > 0) ||
        (rule.from === "slot" && rule.slot !== "observability");
      if (given) continue;
      const value = record.coordinate[dim.key] ?? null;
      if (JSON.stringify(value) === JSON.stringify(coordinate[dim.key])) continue;
      coordinate[dim.key] = value;
      inferred.push({ dimension: dim.key, value, from: record.id, label: record.label, source: record.source });
    }
  }
  // Every part, supporting pieces included, must exist in the year the stack is read at.
  const year = coordinate.T;
  const notYetReleased = stackParts(completed.components)
    .map((id) => ({ id, released: kb.technologies.get(id)?.releasedYear ?? 0 }))
    .filter((r) => typeof year === "number" && r.released > year);
  const undetermined = own.undetermined.filter(
    (u) => coordinate[u.dimension] === null || coordinate[u.dimension] === undefined,
  );
  return {
    stack: { label: stackLabel(kb, components, lang), components: completed.components },
    coordinate: coordinateJson(kb, coordinate, lang),
    complete: completed.complete,
    consistent: completed.consistent && notYetReleased.length === 0 && rivals.length === 0,
    parts: partsOf(components),
    rivals,
    added: completed.added,
    missing: completed.missing,
    conflicts: completed.conflicts,
    notYetReleased,
    inferred,
    undetermined,
  };
}

/** The parts as written, each with its slot (`supporting` for a piece that fills none). */
function partsOf(c: StackComponents): LocateResult["parts"] {
  const parts: { id: string; slot: string }[] = [];
  for (const slot of CORE) if (c[slot] !== undefined) parts.push({ id: c[slot], slot });
  for (const id of c.observability ?? []) parts.push({ id, slot: "observability" });
  for (const id of c.supporting ?? []) if (!parts.some((p) => p.id === id)) parts.push({ id, slot: "supporting" });
  return parts;
}
