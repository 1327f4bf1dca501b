/** @module server/compute-pool — CPU-bound operations off the event loop: a bounded worker-thread pool (piscina) with a per-request deadline. */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { AtlasError } from "../errors.js";
import type { Kb } from "../kb/kb.js";
import { COMPUTE_OPS, type ComputeArgs, type ComputeOp, type ComputeResult } from "./compute-ops.js";
import type { ComputeReply, ComputeTask } from "./compute-worker.js";

/** The pool is full: answered 503 with `Retry-After` at once, never queued. */
export class OverloadedError extends Error {
  override readonly name = "OverloadedError";
  /** Seconds a client should wait before trying again. */
  readonly retryAfterS: number;
  constructor(retryAfterS: number) {
    super("the server is busy: every worker is computing and the queue is full");
    this.retryAfterS = retryAfterS;
  }
}

/** The operation ran past its deadline and its worker was stopped: answered 503. */
export class DeadlineError extends Error {
  override readonly name = "DeadlineError";
  readonly deadlineMs: number;
  constructor(deadlineMs: number) {
    super(`the request took longer than ${deadlineMs} ms and was stopped`);
    this.deadlineMs = deadlineMs;
  }
}

/** Runs an operation for a request: in the pool when there is one, else on the calling thread. */
export type Compute = <K extends ComputeOp>(kb: Kb, op: K, args: ComputeArgs<K>) => Promise<ComputeResult<K>>;

export interface ComputePool {
  readonly threads: number;
  readonly run: Compute;
  /** Resolves once every worker has loaded the knowledge base and computed what a first request would. */
  warm(): Promise<void>;
  /** True once {@link warm} has finished. */
  ready(): boolean;
  /** Tasks waiting for a worker. */
  queued(): number;
  close(): Promise<void>;
}

export interface ComputePoolOptions {
  /** The knowledge-base folder each worker reads. */
  readonly dir: string;
  /** The generation of the knowledge base the server answers from: a worker reloads when it changes. */
  readonly generation: () => number;
  /**
   * The snapshot key of that generation's knowledge base, when it has one: a worker reads exactly that
   * snapshot (checked) instead of the folder, which may have changed again since.
   */
  readonly snapshotKey?: () => string | undefined;
  /** Worker threads (default: the machine's cores). */
  readonly threads?: number;
  /** Tasks that may wait for a worker before the next is refused (default: 4 per thread). */
  readonly maxQueue?: number;
  /** How long an operation may run before its worker is stopped (default 10 s). */
  readonly deadlineMs?: number;
  /** The built worker file (default: dist/compute-worker.cjs beside the CLI bundle, which imports compute-worker.js). */
  readonly workerFile?: string;
}

/** The built worker, wherever this module runs from: the bundle's own folder, a chunk's parent, or src/server in a checkout. */
export function defaultWorkerFile(): string {
  const candidates = ["./compute-worker.cjs", "../compute-worker.cjs", "../../dist/compute-worker.cjs"].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

/** The same operations on the calling thread: for tests and embedders that run no pool. */
export const computeInline: Compute = (kb, op, args) =>
  Promise.resolve((COMPUTE_OPS[op] as (kb: Kb, a: typeof args) => ComputeResult<typeof op>)(kb, args));

/** A domain error from a worker, rebuilt so that `onError` answers it exactly as an inline one. */
function revive(e: Extract<ComputeReply, { error: unknown }>["error"]): AtlasError {
  const err = new AtlasError(e.message, { code: e.code, suggestions: e.suggestions });
  Object.defineProperty(err, "name", { value: e.name });
  if (e.problems !== undefined) Object.defineProperty(err, "problems", { value: e.problems, enumerable: true });
  return err;
}

/**
 * A pool of worker threads, each holding the compiled knowledge base, for the API's CPU-bound operations
 * (recommend, design, migrate, analyze, export, scenario forecasts). The queue is bounded: a task that
 * finds it full is refused at once ({@link OverloadedError}); a task that runs past the deadline is
 * aborted and its worker replaced ({@link DeadlineError}).
 * @example const pool = createComputePool({ dir, generation: () => source.status().generation }); await pool.warm();
 */
export function createComputePool(options: ComputePoolOptions): ComputePool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const deadlineMs = options.deadlineMs ?? 10_000;
  const maxQueue = options.maxQueue ?? threads * 4;
  const generationOf = () => {
    const key = options.snapshotKey?.();
    return { generation: options.generation(), ...(key !== undefined ? { snapshotKey: key } : {}) };
  };
  const piscina = new Piscina<ComputeTask, ComputeReply>({
    filename: options.workerFile ?? defaultWorkerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // A worker's event loop must turn between tasks: the learned-weights evaluation runs there in steps
    // (setImmediate), and a step is where an evaluation of a knowledge base a reload replaced sees that
    // and ends. Piscina's default ("sync") parks an idle worker in Atomics.wait, so every reload left one
    // evaluation waiting forever, holding its whole knowledge base (about 5 MB of heap per reload).
    atomics: "disabled",
    workerData: { dir: options.dir, ...generationOf() },
  });
  let warmed = false;
  // Admission is counted here: piscina keeps a task with an abort signal that finds no idle worker
  // outside the queue its own `maxQueue` bounds.
  let inFlight = 0;
  const capacity = threads + maxQueue;
  const send = async (kb: Kb, task: ComputeTask, signal?: AbortSignal): Promise<unknown> => {
    let reply: ComputeReply;
    try {
      reply = await piscina.run(task, signal ? { signal } : {});
    } catch (e) {
      if (e instanceof Error && e.name === "AbortError") throw new DeadlineError(deadlineMs);
      throw e;
    }
    if (reply.ok) return reply.value;
    if ("error" in reply) throw revive(reply.error);
    // The folder no longer loads in the worker (it changed since the server's last reload): the
    // server's own knowledge base answers.
    return (COMPUTE_OPS[task.op] as (kb: Kb, a: unknown) => unknown)(kb, task.args);
  };
  return {
    threads,
    run: async (kb, op, args) => {
      if (inFlight >= capacity) throw new OverloadedError(1);
      inFlight++;
      try {
        const task = { op, args, ...generationOf() };
        return (await send(kb, task, AbortSignal.timeout(deadlineMs))) as ComputeResult<typeof op>;
      } finally {
        inFlight--;
      }
    },
    warm: async () => {
      // One task per thread at once: each idle worker takes one.
      await Promise.all(
        Array.from({ length: threads }, () => piscina.run({ op: "warm", args: {}, ...generationOf() })),
      );
      warmed = true;
    },
    ready: () => warmed,
    queued: () => Math.max(0, inFlight - threads),
    close: () => piscina.destroy(),
  };
}
