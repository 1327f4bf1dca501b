import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coordinateArbitrary } from "../../test/_coordinate-arbitrary.js";
import { loadKb } from "../kb/load-kb.js";
import { assignSlots } from "./assign-slots.js";
import { completeStack } from "./complete-stack.js";
import type { Coordinate } from "./coordinate.js";
import { coordinateDistance } from "./coordinate-distance.js";
import { nearestStacks } from "./nearest-stacks.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { scanNearestStacks } from "./scan-nearest-stacks.js";

const kb = loadKb();
const EDGE = "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)";
const answer = (r: ReturnType<typeof nearestStacks>) => r.stacks.map((s) => [s.key, s.distance.total]);
// The linear scan visits the whole space, which grows with the knowledge base (runtimes × orchestrators
// × policies × observability sets): slow by design, so its comparisons get more time than the default.
const SCAN_TIMEOUT_MS = 300_000;

describe("nearestStacks: the nearest valid stacks, not only the recorded ones", () => {
  it("finds the seed's edge stack shape at the edge coordinate, nearest first", () => {
    const r = nearestStacks(kb, EDGE, { k: 5 });
    expect(r.stacks).toHaveLength(5);
    const totals = r.stacks.map((s) => s.distance.total);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    for (const s of r.stacks) expect(s.coordinate).toMatchObject({ D: 4, X: 2, Z: 3, T: 2025, S: "edge" });
  });

  it("answers stacks with zero distance when the query leaves every dimension open", () => {
    const r = nearestStacks(kb, "(*, *, *, *, *, *, *)", { k: 3 });
    expect(r.stacks.map((s) => s.distance.total)).toEqual([0, 0, 0]);
  });

  it("reports each stack's distance as coordinateDistance computes it from its coordinate", () => {
    const q = parseCoordinate(kb, "(2, 4, 1, 2014, 5, serverless, O3+O4+O5)");
    for (const s of nearestStacks(kb, q, { k: 8 }).stacks) {
      expect(s.distance).toEqual(coordinateDistance(kb, q, s.coordinate));
    }
  });

  it("returns only valid stacks: slots filled by parts that fit them, no conflicts, dependencies provided", () => {
    for (const s of nearestStacks(kb, "(0, 0, 0, 2010, 2, iot, O2)", { k: 20 }).stacks) {
      const c = s.components;
      expect(assignSlots(kb, [c.runtime!]).runtime).toBe(c.runtime);
      if (c.orchestrator) expect(assignSlots(kb, [c.orchestrator]).orchestrator).toBe(c.orchestrator);
      const done = completeStack(kb, c);
      expect(done.consistent).toBe(true);
      expect(done.missing).toEqual([]);
    }
  });

  it(
    "agrees with the linear scan on the seed's edge coordinate (space of up to two observability tools)",
    () => {
      for (const q of [EDGE]) {
        const fast = nearestStacks(kb, q, { k: 6 });
        const scan = scanNearestStacks(kb, q, { k: 6 });
        expect(scan.stats.finished).toBe(true);
        expect(fast.stats.space).toBe(scan.stats.space);
        expect(answer(fast)).toEqual(answer(scan));
      }
    },
    SCAN_TIMEOUT_MS,
  );

  it(
    "property: agrees with the linear scan on any coordinate (no observability tools: a small space)",
    () => {
      fc.assert(
        fc.property(
          coordinateArbitrary(kb, { wildcards: true }),
          fc.integer({ min: 1, max: 12 }),
          (q: Coordinate, k) => {
            expect(answer(nearestStacks(kb, q, { k, maxObservability: 0 }))).toEqual(
              answer(scanNearestStacks(kb, q, { k, maxObservability: 0 })),
            );
          },
        ),
        { numRuns: 40 },
      );
    },
    SCAN_TIMEOUT_MS,
  );

  it(
    "property: agrees with the linear scan on any coordinate (one observability tool)",
    () => {
      fc.assert(
        fc.property(coordinateArbitrary(kb, { wildcards: true }), (q: Coordinate) => {
          expect(answer(nearestStacks(kb, q, { k: 7, maxObservability: 1 }))).toEqual(
            answer(scanNearestStacks(kb, q, { k: 7, maxObservability: 1 })),
          );
        }),
        { numRuns: 4 },
      );
    },
    SCAN_TIMEOUT_MS,
  );

  it("the scan stops at its deadline and says so", () => {
    const r = scanNearestStacks(kb, EDGE, { deadlineMs: 0 });
    expect(r.stats.finished).toBe(false);
    expect(r.stats.visited).toBeLessThan(r.stats.space);
  });

  it("rejects an unsupported number of observability tools", () => {
    expect(() => nearestStacks(kb, EDGE, { maxObservability: 3 })).toThrow();
  });

  it("rejects a coordinate it cannot read", () => {
    expect(() => nearestStacks(kb, "(9, 9)")).toThrow(expect.objectContaining({ code: "INVALID_COORDINATE" }));
  });
});
