/** @module coordinate/scan-nearest-stacks — the reference for nearest-stacks: every valid stack scanned, the best k kept. */
import type { Kb } from "../kb/kb.js";
import { TopK } from "../top-k.js";
import {
  compareParts,
  componentsOf,
  finish,
  incomparable,
  type NearestStacksOptions,
  type NearestStacksResult,
  orchestrated,
  type Part,
  readQuery,
  spaceSize,
  stackContext,
  validStack,
} from "./_stack-space.js";
import type { Coordinate } from "./coordinate.js";
import { coordinateDistance } from "./coordinate-distance.js";
import { stackCoordinate } from "./stack-coordinate.js";

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
  const { space, q, k, max, qYear, qScenario } = readQuery(kb, query, options);
  const deadline = options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + options.deadlineMs;
  // The best k by distance, then stack order.
  const top = new TopK<{ total: number; parts: Part[] }>(
    k,
    (a, b) => a.total - b.total || compareParts(a.parts, b.parts),
  );
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
    top.offer({ total: coordinateDistance(kb, q, coordinate).total, parts });
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
