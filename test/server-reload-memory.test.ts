// Memory across knowledge-base reloads: a server under `--watch` reloads on every change, and each reload
// builds a new knowledge base in the main thread and in every worker of the compute pool. What is
// retained after a full collection must not grow with the number of reloads: a replaced knowledge base
// (and every memo, evaluation or closure of it) is freed. The bound is relative to what one knowledge base
// retains, measured in the same process: no timing is asserted.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDataDir } from "../src/kb/default-data-dir.js";
import { safeLoadKb } from "../src/kb/load-kb.js";
import { evaluateWeightsInBackground } from "../src/recommend/learn-weights.js";
import { recommend } from "../src/recommend/recommend.js";
import { collectGarbage } from "../src/server/compute-ops.js";
import { type ComputePool, createComputePool } from "../src/server/compute-pool.js";
import { createKbSource, type KbSource } from "../src/server/kb-source.js";

const workerFile = join(import.meta.dirname, "..", "dist", "compute-worker.cjs");
const RELOADS = 6;

/** The main thread's heap after full collections, in bytes. */
function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe("memory across reloads", () => {
  let root: string;
  let dir: string;
  let source: KbSource;
  let pool: ComputePool;
  let oneKb: number;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "stackatlas-reload-memory-"));
    dir = join(root, "data");
    cpSync(defaultDataDir(), dir, { recursive: true });
    process.env.STACKATLAS_CACHE_DIR = join(root, "cache");
    // What one compiled knowledge base retains: the heap with one more of them held, less without.
    const before = heapUsed();
    const extra = safeLoadKb(dir);
    const held = heapUsed();
    expect(extra.ok).toBe(true);
    oneKb = held - before;
    source = createKbSource({ dir });
    // No deadline in effect: the work is measured, not timed (the machine may be loaded).
    pool = createComputePool({
      dir,
      generation: () => source.status().generation,
      threads: 1,
      workerFile,
      deadlineMs: 3_600_000,
    });
    await pool.warm();
  });
  afterAll(async () => {
    await pool?.close();
    delete process.env.STACKATLAS_CACHE_DIR;
    rmSync(root, { recursive: true, force: true });
  });

  /** An edit, a reload, and a recommend in the main thread and in the worker (which starts its learned-weights evaluation). */
  const reload = async (i: number) => {
    appendFileSync(join(dir, "technologies", "k3s.yaml"), `# edit ${i}\n`);
    const r = source.reload(`edit ${i}`);
    expect(r.ok).toBe(true);
    const req = { requirements: { scenario: "edge" }, options: { learnedWeights: "ifReady" as const } };
    recommend(source.current(), req.requirements, req.options);
    await pool.run(source.current(), "recommend", req);
    // Turns of the event loops: an evaluation of a replaced knowledge base ends at its next step.
    await new Promise((r) => setTimeout(r, 100));
  };
  // Measured with the served knowledge base's learned weights evaluated to the end, in each thread, so
  // both measures hold the same work: only what replaced knowledge bases left behind can differ.
  const mainHeap = async () => {
    await evaluateWeightsInBackground(source.current());
    return heapUsed();
  };
  const workerHeap = async () => {
    await pool.run(source.current(), "warm", {});
    return (await pool.run(source.current(), "heap", {})).heapUsed;
  };

  it("one knowledge base retains a measurable heap (the unit of the bound)", () => {
    expect(oneKb).toBeGreaterThan(1024 * 1024);
  });

  it(`retains no more after ${RELOADS + 1} reloads than after one, in the main thread and in a worker`, async () => {
    await reload(0);
    const mainAfterOne = await mainHeap();
    const workerAfterOne = await workerHeap();
    for (let i = 1; i <= RELOADS; i++) await reload(i);
    const mainGrowth = (await mainHeap()) - mainAfterOne;
    const workerGrowth = (await workerHeap()) - workerAfterOne;
    // Keeping every replaced knowledge base would add RELOADS × oneKb; half of one is noise and memo churn.
    expect(mainGrowth).toBeLessThan(oneKb / 2);
    expect(workerGrowth).toBeLessThan(oneKb / 2);
  }, 600_000);

  it("fails the bound when replaced knowledge bases are kept (the measure can see a leak)", () => {
    const kept: unknown[] = [];
    const base = heapUsed();
    for (let i = 0; i < 3; i++) kept.push(safeLoadKb(dir));
    expect(heapUsed() - base).toBeGreaterThan(oneKb * 2);
    expect(kept).toHaveLength(3);
  });
});
