/** @module server/compute-worker — a worker thread of the compute pool: holds the compiled knowledge base, runs one operation at a time. */
import { workerData } from "node:worker_threads";
import { BUILD_ID } from "../cli/build-id.js";
import { AtlasError } from "../errors.js";
import { compileKb } from "../kb/compile-kb.js";
import type { Kb } from "../kb/kb.js";
import { readSnapshot, snapshotInput } from "../kb/kb-snapshot.js";
import { safeLoadKb } from "../kb/load-kb.js";
import { abandonWeightEvaluation } from "../recommend/learn-weights.js";
import { COMPUTE_OPS, type ComputeOp } from "./compute-ops.js";

/** A task: the operation, its arguments, and the knowledge-base generation the request was answered from. */
export interface ComputeTask {
  readonly op: ComputeOp;
  readonly args: unknown;
  readonly generation: number;
  /** That knowledge base's snapshot, when it has one: read instead of the folder, which may have changed since. */
  readonly snapshotKey?: string;
}

/** A domain error as data: the main thread turns it back into an error with the same answer. */
export interface SerializedAtlasError {
  readonly name: string;
  readonly code: AtlasError["code"];
  readonly message: string;
  readonly suggestions: readonly string[];
  readonly problems?: unknown;
}

/** The reply: a value, a domain error, or "no knowledge base" (the folder changed and no longer loads). */
export type ComputeReply =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: SerializedAtlasError }
  | { readonly ok: false; readonly unavailable: true };

const {
  dir,
  generation: first,
  snapshotKey: firstKey,
} = workerData as { dir: string; generation: number; snapshotKey?: string };
let kb: Kb | undefined;
let generation = -1;

/** The snapshot of `key` compiled, when the cache has it (checked against its checksum and shape). */
function fromSnapshot(key: string | undefined): Kb | undefined {
  if (key === undefined) return undefined;
  const snapshot = readSnapshot(key);
  return snapshot === undefined ? undefined : compileKb(snapshotInput(dir, snapshot));
}

/** The knowledge base of `wanted`: its snapshot, else the folder read again, when the server has reloaded since. */
function kbOf(wanted: number, key?: string): Kb | undefined {
  if (kb === undefined || generation !== wanted) {
    // The bundled worker reuses the CLI's snapshot of an unchanged folder: a replaced worker starts fast.
    const next = fromSnapshot(key);
    const r = next
      ? { ok: true as const, kb: next }
      : safeLoadKb(dir, BUILD_ID === undefined ? {} : { snapshotBuild: BUILD_ID });
    if (!r.ok) return undefined;
    if (kb !== undefined) abandonWeightEvaluation(kb);
    kb = r.kb;
    generation = wanted;
  }
  return kb;
}

// Read the knowledge base as the thread starts (piscina waits for this module), not in the first task.
kbOf(first, firstKey);

/**
 * Runs one task (piscina calls this). Bugs throw (the main thread answers 500 and logs them); domain
 * errors come back as data, since an error crossing threads loses its class and fields.
 */
export default function runTask(task: ComputeTask): ComputeReply {
  const k = kbOf(task.generation, task.snapshotKey);
  if (!k) return { ok: false, unavailable: true };
  try {
    const run = COMPUTE_OPS[task.op] as (kb: Kb, args: unknown) => unknown;
    return { ok: true, value: run(k, task.args) };
  } catch (e) {
    if (!(e instanceof AtlasError)) throw e;
    const problems = (e as { problems?: unknown }).problems;
    return {
      ok: false,
      error: {
        name: e.name,
        code: e.code,
        message: e.message,
        suggestions: e.suggestions,
        ...(problems !== undefined ? { problems } : {}),
      },
    };
  }
}
