/** @module coordinate/_stack-profiles — one query's view of the stack space: candidates grouped by the distance terms they give, and their members listed in stack order. */

import { incomparable, type Part, type SlotAtoms, type Space } from "./_stack-space.js";
import type { Coordinate } from "./coordinate.js";
import { dimensionDistance } from "./coordinate-distance.js";

/** Something that lists parts by id, read by position. */
interface PartList {
  at(i: number): Part | undefined;
}

/** The union of lists of parts sorted by id, merged as far as it is read; remembers which list each came from. */
export class SortedUnion implements PartList {
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
export interface Profile {
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
export interface ObsProfile extends Omit<Profile, "lists" | "members"> {
  readonly empty: boolean;
  readonly singles: Profile[];
  /** Pairs of tool profiles, flat: [a0, b0, a1, b1, …]. */
  readonly pairs: Profile[];
  index?: { firsts: SortedUnion; groups: Profile[]; single: Set<Profile>; partners: Map<Profile, Profile[]> };
}

export const members = (p: Profile): SortedUnion => {
  p.members ??= new SortedUnion(p.lists.map(arrayList));
  return p.members;
};

/** Groups a slot's atoms into profiles for one query. */
export function profiles(
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

export function obsProfiles(space: Space, q: Coordinate, tools: readonly Profile[], max: number): ObsProfile[] {
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
export function* obsSets(p: ObsProfile): Generator<Part[]> {
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
