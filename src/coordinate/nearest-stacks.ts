/** @module coordinate/nearest-stacks — the k nearest stacks to a coordinate over every valid stack the knowledge base allows. */
import { BinaryHeap } from "../binary-heap.js";
import type { Kb } from "../kb/kb.js";
import { members, type ObsProfile, obsProfiles, obsSets, type Profile, profiles } from "./_stack-profiles.js";
import {
  compareParts,
  finish,
  type NearestStacksOptions,
  type NearestStacksResult,
  orchestrated,
  type Part,
  readQuery,
  SINGLE_SLOTS,
  type Space,
  spaceSize,
  validStack,
} from "./_stack-space.js";
import type { Coordinate } from "./coordinate.js";
import { dimensionDistance } from "./coordinate-distance.js";
import { stackCoordinate } from "./stack-coordinate.js";

export type { NearestStacksOptions, NearestStacksResult } from "./_stack-space.js";

interface Node {
  readonly picks: readonly (Profile | ObsProfile)[];
  readonly lb: number;
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
 * orchestrator, policy and tool ids. Exact: `scanNearestStacks` gives the same stacks.
 * @example nearestStacks(kb, "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)", { k: 3 }).stacks[0]?.distance.total // 0
 */
export function nearestStacks(
  kb: Kb,
  query: string | Coordinate,
  options: NearestStacksOptions = {},
): NearestStacksResult {
  const { space, q, k, max, qYear, qScenario } = readQuery(kb, query, options);
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
  const heap = new BinaryHeap<Node>((a, b) => a.lb < b.lb);
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
