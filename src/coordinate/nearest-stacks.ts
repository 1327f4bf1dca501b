/** @module coordinate/nearest-stacks — the k nearest stacks to a coordinate over every valid stack the knowledge base allows. */
import { invariant } from "../errors.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { assignSlots } from "./assign-slots.js";
import { dependencyApplies } from "./complete-stack.js";
import type { Coordinate, CoordinateValue } from "./coordinate.js";
import { tupleDimensions } from "./coordinate.js";
import { type CoordinateDistance, coordinateDistance, dimensionDistance } from "./coordinate-distance.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { stackCoordinate } from "./stack-coordinate.js";
import { hasWayIn } from "./way-in.js";

type SingleSlot = "runtime" | "orchestrator" | "policy";
const SINGLE_SLOTS: readonly SingleSlot[] = ["runtime", "orchestrator", "policy"];

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
interface Part {
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
interface Space {
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
interface SlotAtoms {
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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

function buildSpace(kb: Kb): Space {
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
const incomparable = (a: number, b: number) => (a & ~b) !== 0 && (b & ~a) !== 0;

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

function spaceSize(space: Space, max: number): number {
  return (
    space.slots.runtime.length * space.slots.orchestrator.length * space.slots.policy.length * obsSetCount(space, max)
  );
}

function orchestrated(space: Space, o: Part): boolean {
  const v = o.values.get(space.orchestratorDim);
  return typeof v === "number" && v > 0;
}

/**
 * Whether a slot assignment is a valid stack: every dependency can be provided, no two parts conflict,
 * and the runtime has a recorded way in under the orchestrator (parts are runtime, orchestrator, …;
 * an empty orchestrator slot has the id "").
 */
function validStack(space: Space, parts: readonly Part[], orchestratedStack: boolean): boolean {
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
function stackContext(
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

function componentsOf(r: Part, o: Part, p: Part, obs: readonly Part[]): StackComponents {
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
function compareParts(a: readonly Part[], b: readonly Part[]): number {
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

function finish(kb: Kb, space: Space, q: Coordinate, parts: readonly Part[]): NearestStack {
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
const yearOf = (space: Space, q: Coordinate) => queryValue(space, q, "year") as number | null;
const scenarioOf = (space: Space, q: Coordinate) => queryValue(space, q, "scenario") as string | null;

/** Bounded best-k list by (distance, stack order). */
class TopK {
  readonly items: { total: number; parts: Part[] }[] = [];
  constructor(readonly k: number) {}
  /** The distance a stack must not exceed to enter (Infinity until full). */
  get worst(): number {
    return this.items.length < this.k ? Number.POSITIVE_INFINITY : this.items[this.items.length - 1]!.total;
  }
  offer(total: number, parts: Part[]): void {
    if (this.k === 0 || total > this.worst) return;
    const before = (x: { total: number; parts: Part[] }) =>
      total < x.total || (total === x.total && compareParts(parts, x.parts) < 0);
    let i = this.items.length;
    while (i > 0 && before(this.items[i - 1]!)) i--;
    if (i >= this.k) return;
    this.items.splice(i, 0, { total, parts });
    if (this.items.length > this.k) this.items.pop();
  }
}

function parseQuery(kb: Kb, query: string | Coordinate): Coordinate {
  return typeof query === "string" ? parseCoordinate(kb, query) : query;
}

function maxObs(options: NearestStacksOptions): number {
  const m = options.maxObservability ?? 2;
  invariant(Number.isInteger(m) && m >= 0 && m <= 2, "nearestStacks: maxObservability is 0, 1 or 2");
  return m;
}

/**
 * The reference: every valid stack of the space (runtime × orchestrator or none × policy or none ×
 * up to two observability tools that each add a signal), its coordinate computed by `stackCoordinate`
 * and its distance by `coordinateDistance`, the best k kept. Slow by design; stops at `deadlineMs`
 * (then `stats.finished` is false). The indexed {@link nearestStacks} must agree.
 * @example scanNearestStacks(kb, "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)", { k: 3 }).stacks[0]?.key
 */
export function scanNearestStacks(
  kb: Kb,
  query: string | Coordinate,
  options: NearestStacksOptions & { readonly deadlineMs?: number } = {},
): NearestStacksResult {
  const space = buildSpace(kb);
  const q = parseQuery(kb, query);
  const k = options.k ?? 5;
  const max = maxObs(options);
  const qYear = yearOf(space, q);
  const qScenario = scenarioOf(space, q);
  const deadline = options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + options.deadlineMs;
  const top = new TopK(k);
  const tools = space.tools;
  let visited = 0;
  let finished = true;
  const visit = (parts: Part[], isOrchestrated: boolean): boolean => {
    visited++;
    if ((visited & 4095) === 0 && performance.now() > deadline) return false;
    if (!validStack(space, parts, isOrchestrated)) return true;
    const [r, o, p, ...obs] = parts as [Part, Part, Part, ...Part[]];
    const coordinate = stackCoordinate(
      kb,
      componentsOf(r, o, p, obs),
      stackContext(space, parts, qYear, qScenario),
    ).coordinate;
    top.offer(coordinateDistance(kb, q, coordinate).total, parts);
    return true;
  };
  scan: for (const r of space.slots.runtime) {
    for (const o of space.slots.orchestrator) {
      const isOrchestrated = orchestrated(space, o);
      for (const p of space.slots.policy) {
        if (!visit([r, o, p], isOrchestrated)) {
          finished = false;
          break scan;
        }
        for (let a = 0; a < (max >= 1 ? tools.length : 0); a++) {
          if (!visit([r, o, p, tools[a]!], isOrchestrated)) {
            finished = false;
            break scan;
          }
          for (let b = a + 1; b < (max >= 2 ? tools.length : 0); b++) {
            if (!incomparable(tools[a]!.mask, tools[b]!.mask)) continue;
            if (!visit([r, o, p, tools[a]!, tools[b]!], isOrchestrated)) {
              finished = false;
              break scan;
            }
          }
        }
      }
    }
  }
  return {
    stacks: top.items.map((x) => finish(kb, space, q, x.parts)),
    stats: { space: spaceSize(space, max), visited, finished },
  };
}

/** Something that lists parts by id, read by position. */
interface PartList {
  at(i: number): Part | undefined;
}

/** The union of lists of parts sorted by id, merged as far as it is read; remembers which list each came from. */
class SortedUnion implements PartList {
  private readonly out: Part[] = [];
  private readonly from: number[] = [];
  private readonly heads: { list: PartList; i: number; head: Part | undefined }[];
  constructor(lists: readonly PartList[]) {
    this.heads = lists.map((list) => ({ list, i: 0, head: list.at(0) }));
  }
  at(i: number): Part | undefined {
    while (this.out.length <= i && this.step());
    return this.out[i];
  }
  /** The index of the list the i-th part came from. */
  source(i: number): number {
    return this.from[i]!;
  }
  private step(): boolean {
    let best = -1;
    for (let h = 0; h < this.heads.length; h++) {
      const x = this.heads[h]!.head;
      if (x && (best < 0 || x.id < this.heads[best]!.head!.id)) best = h;
    }
    if (best < 0) return false;
    const b = this.heads[best]!;
    this.out.push(b.head!);
    this.from.push(best);
    b.head = b.list.at(++b.i);
    return true;
  }
}

const arrayList = (xs: readonly Part[]): PartList => ({ at: (i) => xs[i] });

/** Candidates of one slot that give a stack the same distance terms, by id. */
interface Profile {
  /** Distances on the slot's dimensions, by tuple index. */
  readonly d: ReadonlyMap<number, number>;
  /** The year the part makes the stack exist from, as the query sees it (max of the query's year and its release). */
  readonly year: number;
  /** Whether it rules out the query's scenario. */
  readonly excludes: boolean;
  readonly mask: number;
  /** Every member's dependencies can be provided in an orchestrated stack; in one without an orchestrator. */
  readonly okOrchestrated: boolean;
  readonly okStandalone: boolean;
  /** Whether the members make a stack orchestrated (orchestrators only). */
  readonly orchestrates: boolean;
  readonly lists: (readonly Part[])[];
  members?: SortedUnion;
}

/** An observability profile: its members are single tools or pairs of tool groups. */
interface ObsProfile extends Omit<Profile, "lists" | "members"> {
  readonly empty: boolean;
  readonly singles: Profile[];
  /** Pairs of tool profiles, flat: [a0, b0, a1, b1, …]. */
  readonly pairs: Profile[];
  index?: { firsts: SortedUnion; groups: Profile[]; single: Set<Profile>; partners: Map<Profile, Profile[]> };
}

interface Node {
  readonly picks: readonly (Profile | ObsProfile)[];
  readonly lb: number;
}

/** A binary min-heap by lower bound. */
class Heap {
  private readonly a: Node[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): Node | undefined {
    return this.a[0];
  }
  push(n: Node): void {
    const a = this.a;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.lb <= n.lb) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = n;
  }
  pop(): Node | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = last;
        if (l < a.length && a[l]!.lb < best.lb) {
          m = l;
          best = a[l]!;
        }
        if (r < a.length && a[r]!.lb < best.lb) {
          m = r;
          best = a[r]!;
        }
        if (m === i) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}

const members = (p: Profile): SortedUnion => {
  p.members ??= new SortedUnion(p.lists.map(arrayList));
  return p.members;
};

/** Groups a slot's atoms into profiles for one query. */
function profiles(
  space: Space,
  q: Coordinate,
  slot: SlotAtoms,
  qYear: number | null,
  qScenario: string | null,
): Profile[] {
  // Distances per distinct value, then one small number per distinct (distances, signals, orchestrates).
  const distIds = new Map<string, number>();
  const classDist: { id: number; d: Map<number, number> }[] = slot.classes.map((c) => {
    const d = new Map<number, number>();
    let key = "";
    for (const [i, v] of c.values) {
      const dim = space.dims[i]!;
      const qv = q[dim.key];
      const dist = qv === null || qv === undefined ? 0 : v === null ? 1 : dimensionDistance(dim, qv, v);
      d.set(i, dist);
      key += `${dist},`;
    }
    key += `${c.mask}|${c.orchestrates}`;
    let id = distIds.get(key);
    if (id === undefined) {
      id = distIds.size;
      distIds.set(key, id);
    }
    return { id, d };
  });
  const excluded = slot.scenarioSets.map((set) => qScenario !== null && !set.has(qScenario));
  const byKey = new Map<number, Profile>();
  const out: Profile[] = [];
  for (const atom of slot.atoms) {
    const year = qYear === null ? 0 : Math.max(qYear, atom.release);
    const excludes = atom.scenarioClass >= 0 && excluded[atom.scenarioClass]!;
    const cd = classDist[atom.valueClass]!;
    const flags = (atom.okOrchestrated ? 1 : 0) + (atom.okStandalone ? 2 : 0);
    const key = ((cd.id * 1_048_576 + (year - (qYear ?? 0))) * 2 + (excludes ? 1 : 0)) * 4 + flags;
    let prof = byKey.get(key);
    if (!prof) {
      const c = slot.classes[atom.valueClass]!;
      prof = {
        d: cd.d,
        year,
        excludes,
        mask: c.mask,
        okOrchestrated: atom.okOrchestrated,
        okStandalone: atom.okStandalone,
        orchestrates: c.orchestrates,
        lists: [],
      };
      byKey.set(key, prof);
      out.push(prof);
    }
    prof.lists.push(atom.members);
  }
  return out;
}

function obsProfiles(space: Space, q: Coordinate, tools: readonly Profile[], max: number): ObsProfile[] {
  const out = new Map<number, ObsProfile>();
  const dim = space.obsDim >= 0 ? space.dims[space.obsDim]! : undefined;
  const qv = dim ? q[dim.key] : null;
  const distOf = new Map<number, number>();
  const dist = (mask: number) => {
    if (!dim || qv === null || qv === undefined) return 0;
    let d = distOf.get(mask);
    if (d === undefined) {
      d = dimensionDistance(
        dim,
        qv,
        space.signals.filter((_, i) => (mask & (1 << i)) !== 0),
      );
      distOf.set(mask, d);
    }
    return d;
  };
  // Keyed by signals, year and scenario: a profile per union of signals (its distance follows from it).
  const get = (mask: number, year: number, excludes: boolean, okO: boolean, okS: boolean, empty: boolean) => {
    const key = empty
      ? -1
      : (((mask * 100_000 + year) * 2 + (excludes ? 1 : 0)) * 2 + (okO ? 1 : 0)) * 2 + (okS ? 1 : 0);
    let p = out.get(key);
    if (!p) {
      const d = dist(mask);
      p = {
        d: new Map(dim ? [[space.obsDim, d]] : []),
        year,
        excludes,
        mask,
        okOrchestrated: okO,
        okStandalone: okS,
        orchestrates: false,
        empty,
        singles: [],
        pairs: [],
      };
      out.set(key, p);
    }
    return p;
  };
  get(0, 0, false, true, true, true);
  if (max >= 1)
    for (const t of tools) get(t.mask, t.year, t.excludes, t.okOrchestrated, t.okStandalone, false).singles.push(t);
  if (max >= 2) {
    // Pairs only between signal masks where each adds a signal: group the tool profiles by mask first.
    const byMask = new Map<number, Profile[]>();
    for (const t of tools) {
      const list = byMask.get(t.mask);
      if (list) list.push(t);
      else byMask.set(t.mask, [t]);
    }
    const masks = [...byMask.keys()];
    for (let i = 0; i < masks.length; i++) {
      for (let j = i + 1; j < masks.length; j++) {
        if (!incomparable(masks[i]!, masks[j]!)) continue;
        const union = masks[i]! | masks[j]!;
        for (const a of byMask.get(masks[i]!)!) {
          for (const b of byMask.get(masks[j]!)!) {
            const okO = a.okOrchestrated && b.okOrchestrated;
            const okS = a.okStandalone && b.okStandalone;
            if (!okO && !okS) continue;
            get(union, Math.max(a.year, b.year), a.excludes || b.excludes, okO, okS, false).pairs.push(a, b);
          }
        }
      }
    }
  }
  return [...out.values()];
}

/** What enumerating a profile's sets needs, built once per query. */
function obsIndex(p: ObsProfile): NonNullable<ObsProfile["index"]> {
  if (p.index) return p.index;
  const single = new Set<Profile>(p.singles);
  const partners = new Map<Profile, Profile[]>();
  for (let i = 0; i < p.pairs.length; i += 2) {
    const a = p.pairs[i]!;
    const b = p.pairs[i + 1]!;
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  const groups = [...new Set([...single, ...partners.keys()])];
  p.index = { firsts: new SortedUnion(groups.map(members)), groups, single, partners };
  return p.index;
}

/** The observability sets of a profile, in stack order (a set before its extensions, by first id then second). */
function* obsSets(p: ObsProfile): Generator<Part[]> {
  if (p.empty) {
    yield [];
    return;
  }
  const { firsts, groups, single, partners } = obsIndex(p);
  // The first tool only grows, so where each partner list passes it only moves forward.
  const start = new Map<Profile, number>();
  for (let i = 0, t = firsts.at(0); t; t = firsts.at(++i)) {
    const g = groups[firsts.source(i)]!;
    if (single.has(g)) yield [t];
    const from = partners.get(g);
    if (!from) continue;
    const heads = from.map((gb) => {
      const list = members(gb);
      let j = start.get(gb) ?? 0;
      while (list.at(j) !== undefined && list.at(j)!.id <= t.id) j++;
      start.set(gb, j);
      return { list, j, head: list.at(j) };
    });
    for (;;) {
      let best: (typeof heads)[number] | undefined;
      for (const h of heads) if (h.head && (!best || h.head.id < best.head!.id)) best = h;
      if (!best) break;
      yield [t, best.head!];
      best.head = best.list.at(++best.j);
    }
  }
}

/** The valid stacks of a combination of profiles (all at one distance), in stack order. */
function* stacksOf(space: Space, picks: readonly (Profile | ObsProfile)[]): Generator<Part[]> {
  const [rp, op, pp, sp] = picks as [Profile, Profile, Profile, ObsProfile];
  const rs = members(rp);
  const os = members(op);
  const ps = members(pp);
  for (let i = 0, r = rs.at(0); r; r = rs.at(++i)) {
    for (let j = 0, o = os.at(0); o; o = os.at(++j)) {
      const isOrchestrated = orchestrated(space, o);
      if (!validStack(space, [r, o], isOrchestrated)) continue;
      for (let l = 0, p = ps.at(0); p; p = ps.at(++l)) {
        if (!validStack(space, [r, o, p], isOrchestrated)) continue;
        for (const obs of obsSets(sp)) {
          const parts = [r, o, p, ...obs];
          if (obs.length === 0 || validStack(space, parts, isOrchestrated)) yield parts;
        }
      }
    }
  }
}

/**
 * The k nearest valid stacks to a coordinate — not only the recorded ones: every runtime × orchestrator
 * (or none) × policy (or none) × up to two observability tools that each add a signal, whose parts
 * have their dependencies provided by the knowledge base and do not conflict. Candidates are grouped per
 * slot by the distance terms they give; a best-first search over those groups with per-dimension lower
 * bounds finds the nearest groups, and only their members are enumerated. Ties go by runtime,
 * orchestrator, policy and tool ids. Exact: {@link scanNearestStacks} gives the same stacks.
 * @example nearestStacks(kb, "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)", { k: 3 }).stacks[0]?.distance.total // 0
 */
export function nearestStacks(
  kb: Kb,
  query: string | Coordinate,
  options: NearestStacksOptions = {},
): NearestStacksResult {
  const space = buildSpace(kb);
  const q = parseQuery(kb, query);
  const k = options.k ?? 5;
  const max = maxObs(options);
  const qYear = yearOf(space, q);
  const qScenario = scenarioOf(space, q);
  const levels: (Profile | ObsProfile)[][] = [
    ...SINGLE_SLOTS.map((s) => profiles(space, q, space.atoms[s], qYear, qScenario)),
    obsProfiles(space, q, profiles(space, q, space.atoms.observability, qYear, qScenario), max),
  ];
  const slotOfLevel = [...SINGLE_SLOTS, "observability"] as const;
  // Per level: the least distance per dimension, the earliest year and whether every profile rules out the scenario.
  const least = levels.map((ps) => {
    const d = new Map<number, number>();
    for (const p of ps) for (const [i, v] of p.d) d.set(i, Math.min(d.get(i) ?? Number.POSITIVE_INFINITY, v));
    return {
      d,
      year: Math.min(...ps.map((p) => ((p as ObsProfile).empty ? 0 : p.year))),
      excludes: ps.length > 0 && ps.every((p) => p.excludes),
    };
  });
  const dims = space.dims;
  const view = dims.map((dim, i) => {
    if (space.owner[i] !== "view") return 0;
    const qv = q[dim.key];
    const v = stackCoordinate(kb, {}).coordinate[dim.key];
    return qv === null || qv === undefined ? 0 : v === null || v === undefined ? 1 : dimensionDistance(dim, qv, v);
  });
  // Summed in tuple order, like coordinateDistance: each term at least the real one, so the sum is too.
  const bound = (picks: readonly (Profile | ObsProfile)[]): number => {
    let year = 0;
    let excludes = false;
    for (let l = 0; l < levels.length; l++) {
      const p = picks[l];
      year = Math.max(year, p ? ((p as ObsProfile).empty ? 0 : p.year) : least[l]!.year);
      excludes ||= p ? p.excludes : least[l]!.excludes;
    }
    let total = 0;
    for (let i = 0; i < dims.length; i++) {
      const dim = dims[i]!;
      const qv = q[dim.key];
      if (qv === null || qv === undefined) continue;
      const o = space.owner[i]!;
      if (o === "year") total += year === 0 ? 0 : dimensionDistance(dim, qv, Math.max(qv as number, year));
      else if (o === "scenario") total += excludes ? 1 : 0;
      else if (o === "view") total += view[i]!;
      else {
        const l = slotOfLevel.indexOf(o);
        total += (picks[l] ? picks[l].d.get(i) : least[l]!.d.get(i)) ?? 0;
      }
    }
    return total;
  };
  const heap = new Heap();
  const top: Part[][] = [];
  let visited = 0;
  if (levels.every((ps) => ps.length > 0)) heap.push({ picks: [], lb: bound([]) });
  while (heap.size > 0 && top.length < k) {
    const d = heap.peek()!.lb;
    const tied: Node[] = [];
    while (heap.size > 0 && heap.peek()!.lb === d) {
      const n = heap.pop()!;
      visited++;
      if (n.picks.length === levels.length) {
        tied.push(n);
        continue;
      }
      const level = n.picks.length;
      // Once the orchestrator is chosen, every part must have its dependencies provided in that kind of stack.
      const mode = level >= 2 ? n.picks[1]!.orchestrates : undefined;
      for (const p of levels[level]!) {
        if (mode === true && !p.okOrchestrated) continue;
        if (mode === false && !p.okStandalone) continue;
        if (level === 1 && !(p.orchestrates ? n.picks[0]!.okOrchestrated : n.picks[0]!.okStandalone)) continue;
        const picks = [...n.picks, p];
        heap.push({ picks, lb: bound(picks) });
      }
    }
    // Merge the tied groups' stacks in stack order until k are found.
    const streams = tied.map((n) => {
      const it = stacksOf(space, n.picks);
      return { it, head: it.next() };
    });
    while (top.length < k) {
      let best: (typeof streams)[number] | undefined;
      for (const s of streams)
        if (!s.head.done && (!best || compareParts(s.head.value, best.head.value as Part[]) < 0)) best = s;
      if (!best) break;
      top.push(best.head.value as Part[]);
      best.head = best.it.next();
    }
  }
  return {
    stacks: top.map((parts) => finish(kb, space, q, parts)),
    stats: { space: spaceSize(space, max), visited, finished: true },
  };
}
