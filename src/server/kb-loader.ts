/** @module server/kb-loader — a reload's reading, parsing and validation in a worker thread; only the compile runs on the event loop. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { compileLoaded, type SafeLoadKbInputResult, type SafeLoadKbResult } from "../kb/load-kb.js";
import type { KbLoadTask } from "./kb-load-worker.js";

export interface KbLoader {
  /** Loads the folder: read, parsed and validated in the loader's thread, compiled on this one. */
  load(dir: string): Promise<SafeLoadKbResult>;
  close(): Promise<void>;
}

export interface KbLoaderOptions {
  /** The built worker file (default: dist/kb-load-worker.cjs beside the CLI bundle, which imports kb-load-worker.js). */
  readonly workerFile?: string;
  /** How long the thread stays after a load before it ends and frees its memory (default 30 s). */
  readonly idleMs?: number;
}

/** The built loader worker, wherever this module runs from: the bundle's own folder, a chunk's parent, or src/server in a checkout. */
export function defaultLoaderFile(): string {
  const candidates = ["./kb-load-worker.cjs", "../kb-load-worker.cjs", "../../dist/kb-load-worker.cjs"].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

/**
 * A one-thread loader for `serve --watch`: reading and validating the knowledge base takes from a few
 * hundred milliseconds (idle machine) to seconds (a loaded one, a large folder), which on the event loop
 * would hold every request and `/healthz`. The event loop only compiles the validated data (tens of ms).
 * The thread ends after `idleMs` without a load.
 * @example const loader = createKbLoader(); const r = await loader.load(dir); await loader.close();
 */
export function createKbLoader(options: KbLoaderOptions = {}): KbLoader {
  const piscina = new Piscina<KbLoadTask, SafeLoadKbInputResult>({
    filename: options.workerFile ?? defaultLoaderFile(),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: options.idleMs ?? 30_000,
    atomics: "disabled",
  });
  return {
    load: async (dir) => compileLoaded(await piscina.run({ dir })),
    close: () => piscina.destroy(),
  };
}
