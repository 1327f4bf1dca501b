/** @module coordinate/_stack-space — the space of valid stacks nearest-stacks searches: parts per slot, their atoms, stack validity and how a stack is read. */
import { invariant } from "../errors.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { assignSlots } from "./assign-slots.js";
import { dependencyApplies } from "./complete-stack.js";
import type { Coordinate, CoordinateValue } from "./coordinate.js";
import { tupleDimensions } from "./coordinate.js";
import { type CoordinateDistance, coordinateDistance } from "./coordinate-distance.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { stackCoordinate } from "./stack-coordinate.js";
import { hasWayIn } from "./way-in.js";

export type SingleSlot = "runtime" | "orchestrator" | "policy";
export const SINGLE_SLOTS: readonly SingleSlot[] = ["runtime", "orchestrator", "policy"];

export interface NearestStacksOptions {
  /** How many stacks (default 5). */
  readonly k?: number;
  /** The most observability tools in a stack, 0–2 (default 2); each tool must add a signal the others lack. */
  readonly maxObservability?: number;
}

export interface NearestStack {
  /** `runtime|orchestrator|policy|obs+obs`, `-` for an empty slot. */
  readonly key: string;
  readonly components: StackComponents;
  readonly coordinate: Coordinate;
  readonly distance: CoordinateDistance;
}

export interface NearestStacksResult {
  readonly stacks: readonly NearestStack[];
  readonly stats: {
    /** How many stacks the space holds (valid or not: conflicts are found while enumerating). */
    readonly space: number;
    /** Search nodes (indexed search) or stacks (scan) looked at. */
    readonly visited: number;
    /** False when the scan stopped at its deadline: the answer is then the best of what it saw. */
    readonly finished: boolean;
  };
}

/** A technology that can fill a slot, with what the space needs to know about it. */
export interface Part {
  readonly id: string;
  /** The values it gives the slot's dimensions (tuple index → value); the observability tools' signal bits. */
  readonly values: ReadonlyMap<number, CoordinateValue | null>;
  readonly mask: number;
  readonly release: number;
  /** The scenarios it declares (null: it serves any). */
  readonly scenarios: ReadonlySet<string> | null;
  /** Every dependency has a provider in the knowledge base, with and without an orchestrator. */
  readonly okOrchestrated: boolean;
  readonly okStandalone: boolean;
  readonly conflicts: ReadonlySet<string>;
}

/** The space: candidates per slot (by id), and how each dimension of a stack is decided. */
export interface Space {
  readonly kb: Kb;
  readonly dims: readonly CompiledDimension[];
  /** Per tuple position: the slot that decides it, or the context rule. */
  readonly owner: readonly (SingleSlot | "observability" | "year" | "scenario" | "view")[];
  /** Single slots: the empty slot first (id ""; absent for the runtime, which a stack always has). */
  readonly slots: Readonly<Record<SingleSlot, readonly Part[]>>;
  readonly tools: readonly Part[];
  /** The observability slot's set dimension, its level codes by bit, and the tools per signal mask. */
  readonly obsDim: number;
  readonly signals: readonly string[];
  readonly toolsByMask: ReadonlyMap<number, number>;
  /** Tuple index of the orchestrator slot's dimension: a stack is orchestrated when its value there is > 0. */
  readonly orchestratorDim: number;
  readonly scenarioIds: readonly string[];
  /** The candidates of each slot grouped by everything a query reads of them (values, signals, release, scenarios). */
  readonly atoms: Readonly<Record<SingleSlot | "observability", SlotAtoms>>;
}

/** Candidates of a slot that no query can tell apart by distance; `members` by id. */
interface Atom {
  /** Index of its values (and signals) in {@link SlotAtoms.classes}. */
  readonly valueClass: number;
  /** Index of its declared scenarios in {@link SlotAtoms.scenarioSets}; -1 when it declares none. */
  readonly scenarioClass: number;
  readonly okOrchestrated: boolean;
  readonly okStandalone: boolean;
  readonly release: number;
  readonly members: readonly Part[];
}

/** A slot's atoms, and the distinct values and scenario lists they point at. */
export interface SlotAtoms {
  readonly atoms: readonly Atom[];
  readonly classes: readonly {
    readonly values: ReadonlyMap<number, CoordinateValue | null>;
    readonly mask: number;
    readonly orchestrates: boolean;
  }[];
  readonly scenarioSets: readonly ReadonlySet<string>[];
}

function atomsOf(parts: readonly Part[], orchestratorDim: number): SlotAtoms {
  const byKey = new Map<string, Atom & { members: Part[] }>();
  const classIds = new Map<string, number>();
  const classes: SlotAtoms["classes"][number][] = [];
  const scenarioIds = new Map<string, number>();
  const scenarioSets: ReadonlySet<string>[] = [];
  // A part whose dependencies nothing provides is in no valid stack.
  for (const p of parts.filter((x) => x.okOrchestrated || x.okStandalone)) {
    const valueKey = JSON.stringify([[...p.values], p.mask]);
    let valueClass = classIds.get(valueKey);
    if (valueClass === undefined) {
      valueClass = classes.length;
      const v = p.values.get(orchestratorDim);
      classes.push({ values: p.values, mask: p.mask, orchestrates: typeof v === "number" && v > 0 });
      classIds.set(valueKey, valueClass);
    }
    let scenarioClass = -1;
    if (p.scenarios !== null) {
      const sk = [...p.scenarios].sort(cmp).join("\n");
      scenarioClass = scenarioIds.get(sk) ?? scenarioSets.length;
      if (scenarioClass === scenarioSets.length) {
        scenarioSets.push(p.scenarios);
        scenarioIds.set(sk, scenarioClass);
      }
    }
    const key = `${valueClass}|${scenarioClass}|${p.okOrchestrated}|${p.okStandalone}|${p.release}`;
    let a = byKey.get(key);
    if (!a) {
      a = {
        valueClass,
        scenarioClass,
        okOrchestrated: p.okOrchestrated,
        okStandalone: p.okStandalone,
        release: p.release,
        members: [],
      };
      byKey.set(key, a);
    }
    a.members.push(p);
  }
  return { atoms: [...byKey.values()], classes, scenarioSets };
}

const spaces = new WeakMap<Kb, Space>();

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether the knowledge base offers a usable provider for each dependency that applies. */
function dependenciesMet(kb: Kb, id: string, orchestrated: boolean): boolean {
  for (const r of kb.relations.out(id, "depends-on")) {
    if (!dependencyApplies(r, { orchestrated })) continue;
    const ok = r.targets.some((t) => {
      const tech = kb.technologies.get(t);
      if (!tech) return false;
      if (tech.role === "interface") return kb.implementersOf(t).some((x) => !x.cncf?.archived);
      return !tech.cncf?.archived;
    });
    if (!ok) return false;
  }
  return true;
}

export function buildSpace(kb: Kb): Space {
  const hit = spaces.get(kb);
  if (hit) return hit;
  const dims = tupleDimensions(kb);
  const owner = dims.map((d) => {
    const rule = d.stackRule;
    return rule.from === "slot" ? rule.slot : rule.from;
  });
  const obsDims = dims.map((d, i) => [d, i] as const).filter(([, i]) => owner[i] === "observability");
  invariant(
    obsDims.every(([d]) => d.kind === "set") && obsDims.length <= 1,
    "nearestStacks: the observability slot decides at most one dimension, a set",
  );
  const obsDim = obsDims[0]?.[1] ?? -1;
  const signals = obsDim >= 0 ? [...dims[obsDim]!.levels].sort((a, b) => a.value - b.value).map((l) => l.code) : [];
  invariant(signals.length <= 30, "nearestStacks: at most 30 observability signals");
  const scenarioDim = dims.find((d) => d.stackRule.from === "scenario");
  const slotDims = (slot: string) => dims.map((_, i) => i).filter((i) => owner[i] === slot);
  const conflictsOf = (id: string) =>
    new Set([
      ...kb.relations.out(id, "conflicts-with").flatMap((r) => r.targets),
      ...kb.relations.in(id, "conflicts-with").map((r) => r.from),
    ]);
  const part = (id: string, slot: SingleSlot | "observability"): Part => {
    const tech = kb.technologies.get(id);
    const components: StackComponents =
      id === "" ? {} : slot === "observability" ? { observability: [id] } : { [slot]: id };
    const c = stackCoordinate(kb, components).coordinate;
    const values = new Map<number, CoordinateValue | null>();
    for (const i of slotDims(slot)) values.set(i, c[dims[i]!.key] ?? null);
    let mask = 0;
    if (slot === "observability" && obsDim >= 0) {
      for (const code of (c[dims[obsDim]!.key] as readonly string[] | null) ?? []) mask |= 1 << signals.indexOf(code);
    }
    const declared = scenarioDim && tech ? (tech.position[scenarioDim.key] ?? []) : [];
    return {
      id,
      values,
      mask,
      release: tech?.releasedYear ?? 0,
      scenarios: declared.length > 0 ? new Set(declared) : null,
      okOrchestrated: id === "" || dependenciesMet(kb, id, true),
      okStandalone: id === "" || dependenciesMet(kb, id, false),
      conflicts: id === "" ? new Set() : conflictsOf(id),
    };
  };
  const ids = [...kb.technologies.keys()].sort(cmp);
  const slots = {} as Record<SingleSlot, Part[]>;
  for (const slot of SINGLE_SLOTS) {
    const fill = ids.filter((id) => assignSlots(kb, [id])[slot] === id).map((id) => part(id, slot));
    slots[slot] = slot === "runtime" ? fill : [part("", slot), ...fill];
  }
  const tools =
    obsDim < 0
      ? []
      : ids
          .filter((id) => kb.technologies.get(id)?.role === "observability")
          .map((id) => part(id, "observability"))
          .filter((t) => t.mask !== 0);
  const toolsByMask = new Map<number, number>();
  for (const t of tools) toolsByMask.set(t.mask, (toolsByMask.get(t.mask) ?? 0) + 1);
  const orchestratorDim = slotDims("orchestrator")[0] ?? -1;
  const space: Space = {
    kb,
    dims,
    owner,
    slots,
    tools,
    obsDim,
    signals,
    toolsByMask,
    orchestratorDim,
    scenarioIds: [...kb.scenarios.keys()],
    atoms: {
      runtime: atomsOf(slots.runtime, orchestratorDim),
      orchestrator: atomsOf(slots.orchestrator, orchestratorDim),
      policy: atomsOf(slots.policy, orchestratorDim),
      observability: atomsOf(tools, orchestratorDim),
    },
  };
  spaces.set(kb, space);
  return space;
}

/** Two signal masks where neither covers the other: each tool of the pair adds a signal. */
export const incomparable = (a: number, b: number) => (a & ~b) !== 0 && (b & ~a) !== 0;

function obsSetCount(space: Space, max: number): number {
  let n = 1;
  if (max >= 1) n += space.tools.length;
  if (max >= 2) {
    const masks = [...space.toolsByMask];
    for (let i = 0; i < masks.length; i++)
      for (let j = i + 1; j < masks.length; j++)
        if (incomparable(masks[i]![0], masks[j]![0])) n += masks[i]![1] * masks[j]![1];
  }
  return n;
}

export function spaceSize(space: Space, max: number): number {
  return (
    space.slots.runtime.length * space.slots.orchestrator.length * space.slots.policy.length * obsSetCount(space, max)
  );
}

export function orchestrated(space: Space, o: Part): boolean {
  const v = o.values.get(space.orchestratorDim);
  return typeof v === "number" && v > 0;
}

/**
 * Whether a slot assignment is a valid stack: every dependency can be provided, no two parts conflict,
 * and the runtime has a recorded way in under the orchestrator (parts are runtime, orchestrator, …;
 * an empty orchestrator slot has the id "").
 */
export function validStack(space: Space, parts: readonly Part[], orchestratedStack: boolean): boolean {
  const [r, o] = parts;
  if (r !== undefined && o !== undefined && o.id !== "" && !hasWayIn(space.kb, r.id, o.id)) return false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!(orchestratedStack ? p.okOrchestrated : p.okStandalone)) return false;
    if (p.conflicts.size === 0) continue;
    for (let j = 0; j < parts.length; j++) if (j !== i && p.conflicts.has(parts[j]!.id)) return false;
  }
  return true;
}

/**
 * The year and scenario a stack is read at for a query: the query's year, or the year its last part
 * came out if later; the query's scenario where every part that names its scenarios names it, else the
 * first scenario they all name (none: left open).
 */
export function stackContext(
  space: Space,
  parts: readonly Part[],
  qYear: number | null,
  qScenario: string | null,
): { year?: number; scenario?: string } {
  let release = 0;
  for (const p of parts) release = Math.max(release, p.release);
  const allows = (s: string) => parts.every((p) => p.scenarios === null || p.scenarios.has(s));
  const declares = parts.some((p) => p.scenarios !== null);
  const scenario =
    qScenario !== null && allows(qScenario) ? qScenario : declares ? space.scenarioIds.find(allows) : undefined;
  return {
    ...(qYear !== null ? { year: Math.max(qYear, release) } : {}),
    ...(scenario !== undefined ? { scenario } : {}),
  };
}

export function componentsOf(r: Part, o: Part, p: Part, obs: readonly Part[]): StackComponents {
  return {
    runtime: r.id,
    ...(o.id ? { orchestrator: o.id } : {}),
    ...(p.id ? { policy: p.id } : {}),
    ...(obs.length > 0 ? { observability: obs.map((t) => t.id) } : {}),
  };
}

const keyOf = (r: Part, o: Part, p: Part, obs: readonly Part[]) =>
  `${r.id}|${o.id || "-"}|${p.id || "-"}|${obs.map((t) => t.id).join("+") || "-"}`;

/** The order among stacks at the same distance: by runtime, orchestrator, policy ids, then the tools' ids. */
export function compareParts(a: readonly Part[], b: readonly Part[]): number {
  for (let i = 0; i < 3; i++) {
    const c = cmp(a[i]!.id, b[i]!.id);
    if (c !== 0) return c;
  }
  const n = Math.min(a.length, b.length);
  for (let i = 3; i < n; i++) {
    const c = cmp(a[i]!.id, b[i]!.id);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export function finish(kb: Kb, space: Space, q: Coordinate, parts: readonly Part[]): NearestStack {
  const [r, o, p, ...obs] = parts as [Part, Part, Part, ...Part[]];
  const qYear = yearOf(space, q);
  const qScenario = scenarioOf(space, q);
  const components = componentsOf(r, o, p, obs);
  const coordinate = stackCoordinate(kb, components, stackContext(space, parts, qYear, qScenario)).coordinate;
  return { key: keyOf(r, o, p, obs), components, coordinate, distance: coordinateDistance(kb, q, coordinate) };
}

function queryValue(space: Space, q: Coordinate, rule: "year" | "scenario"): CoordinateValue | null {
  const i = space.owner.indexOf(rule);
  return i < 0 ? null : (q[space.dims[i]!.key] ?? null);
}
export const yearOf = (space: Space, q: Coordinate) => queryValue(space, q, "year") as number | null;
export const scenarioOf = (space: Space, q: Coordinate) => queryValue(space, q, "scenario") as string | null;

export function parseQuery(kb: Kb, query: string | Coordinate): Coordinate {
  return typeof query === "string" ? parseCoordinate(kb, query) : query;
}

export function maxObs(options: NearestStacksOptions): number {
  const m = options.maxObservability ?? 2;
  invariant(Number.isInteger(m) && m >= 0 && m <= 2, "nearestStacks: maxObservability is 0, 1 or 2");
  return m;
}

/** What both nearest-stack searches read of a query: the space, the coordinate, k, the tools' cap, and its year and scenario. */
export function readQuery(kb: Kb, query: string | Coordinate, options: NearestStacksOptions) {
  const space = buildSpace(kb);
  const q = parseQuery(kb, query);
  return {
    space,
    q,
    k: options.k ?? 5,
    max: maxObs(options),
    qYear: yearOf(space, q),
    qScenario: scenarioOf(space, q),
  };
}
