/** @module coordinate/scan-nearest-stacks — the reference for nearest-stacks: every valid stack scanned, the best k kept. */
import type { Kb } from "../kb/kb.js";
import {
  buildSpace,
  compareParts,
  componentsOf,
  finish,
  incomparable,
  maxObs,
  type NearestStacksOptions,
  type NearestStacksResult,
  orchestrated,
  type Part,
  parseQuery,
  scenarioOf,
  spaceSize,
  stackContext,
  validStack,
  yearOf,
} from "./_stack-space.js";
import type { Coordinate } from "./coordinate.js";
import { coordinateDistance } from "./coordinate-distance.js";
import { stackCoordinate } from "./stack-coordinate.js";

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

/**
 * The reference: every valid stack of the space (runtime × orchestrator or none × policy or none ×
 * up to two observability tools that each add a signal), its coordinate computed by `stackCoordinate`
 * and its distance by `coordinateDistance`, the best k kept. Slow by design; stops at `deadlineMs`
 * (then `stats.finished` is false). The indexed `nearestStacks` must agree.
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
