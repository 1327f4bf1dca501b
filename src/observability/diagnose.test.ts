import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { diagnose } from "./diagnose.js";
import { localisationMatrix } from "./localisation-matrix.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));

// The seed corpus's log-keyword table (seed-corpus-facts.md §3 item 10), every example.
const KEYWORDS: Record<string, string> = {
  "EPT violation": "L-0",
  "VMCS corruption": "L-1",
  "grant table error": "L-2",
  "virtio-net driver not loaded": "L-2",
  ContainerCreating: "L-3",
  OOMKilled: "L-3",
  "seccomp: Operation not permitted": "L-3",
  "Gofer broken pipe": "L-4",
  "Sentry syscall denied": "L-4",
  "Firecracker MicroVM failed": "L-4",
};

describe("diagnose", () => {
  for (const [keyword, layer] of Object.entries(KEYWORDS)) {
    it(`maps "${keyword}" to ${layer}`, () => {
      const d = diagnose(kb, { vertical: `Warning  ${keyword} (pod default/checkout-7b9d9)` });
      expect(d.layer.code).toBe(layer);
      expect(d.causes.length).toBeGreaterThan(0);
      expect(d.fixes.every((f) => kb.sources.has(f.source))).toBe(true);
    });
  }

  it("places horizontal × vertical in the O1 × O2 cell and finds the symptom-table row", () => {
    const d = diagnose(kb, { vertical: "funclatency seccomp_run_filter 900us", horizontal: "span internal latency" });
    expect(d.cell).toMatchObject({ row: "span-internal-latency", column: "L-4" });
    expect(d.symptoms[0]).toMatchObject({ id: "seccomp-slow-path", exact: true });
    expect(d.cell.rule.source).toBe("seed-30-6");
  });

  it("says whether the layer is on the given stack's path", () => {
    expect(diagnose(kb, { vertical: "Sentry syscall denied", stack: "K8s + gVisor" }).stack?.onPath).toBe(true);
    expect(diagnose(kb, { vertical: "Sentry syscall denied", stack: "K8s + runc" }).stack?.onPath).toBe(false);
  });

  it("rejects unknown signals with the nearest patterns", () => {
    expect(() => diagnose(kb, { vertical: "EPT violaton" })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => diagnose(kb, { vertical: "OOMKilled", horizontal: "zzz" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() => diagnose(kb, { vertical: " " })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("localisationMatrix", () => {
  it("has a row per horizontal signal, a column per layer, and every symptom in a cell", () => {
    const m = localisationMatrix(kb);
    expect(m.columns.map((c) => c.code)).toEqual(["L-0", "L-1", "L-2", "L-3", "L-4"]);
    const inCells = m.cells.flatMap((c) => c.symptoms.map((s) => s.id)).sort();
    expect(inCells).toEqual([...(kb.diagnostics?.symptoms ?? [])].map((s) => s.id).sort());
    expect(m.columns.every((c) => c.signals.length > 0)).toBe(true);
  });
});
