/** @module server/kb-source — the knowledge base a server answers from, reloadable without ever serving a bad one. */
import { basename } from "node:path";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import type { Issue } from "../kb/issue.js";
import type { Kb, KbCounts } from "../kb/kb.js";
import { type SafeLoadKbResult, safeLoadKb } from "../kb/load-kb.js";
import { abandonWeightEvaluation } from "../recommend/learn-weights.js";

/** What the last attempt to (re)load the folder found. */
export interface KbLoadAttempt {
  readonly at: string;
  readonly ok: boolean;
  /** Why it was tried: the first load, a change in the folder, or a call. */
  readonly trigger: string;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly ms: number;
}

/** The answer of `GET /api/kb/status`. */
export interface KbStatus {
  /** The folder's name (not its full path, which stays on the server). */
  readonly data: string;
  /** Successful loads so far: the served knowledge base is this generation. */
  readonly generation: number;
  /** Load attempts so far, failed ones included. */
  readonly revision: number;
  readonly loadedAt: string;
  readonly counts: KbCounts;
  readonly watching: boolean;
  /** Whether the served knowledge base is the one on disk (false after a refused reload). */
  readonly current: boolean;
  readonly lastAttempt: KbLoadAttempt;
}

/** The validate report of the folder as last read (the CLI's `validate --format json`). */
export interface KbValidateReport {
  readonly valid: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly counts?: KbCounts;
}

export interface KbSource {
  /** The last good knowledge base. */
  current(): Kb;
  /** Load attempts so far; changes whenever what the API reports may change. */
  revision(): number;
  status(): KbStatus;
  validateReport(): KbValidateReport;
  /** Reads the folder again: a valid knowledge base replaces the served one, an invalid one is refused. */
  reload(trigger?: string): KbLoadAttempt;
  /**
   * {@link reload} with the source's asynchronous loader (off the event loop where it has one). Reloads
   * never overlap: one asked for while another runs starts when it ends (several such, once), and the
   * promise is that later reload's attempt.
   */
  refresh(trigger?: string): Promise<KbLoadAttempt>;
  /** The snapshot key of the served knowledge base, when it came from (or was written as) a snapshot. */
  snapshotKey(): string | undefined;
  /** Marks the source as watched (for the status report). */
  setWatching(watching: boolean): void;
}

export interface KbSourceOptions {
  /** The knowledge-base folder. */
  readonly dir: string;
  /** The first load's result, when the caller already has it; else the folder is read now. */
  readonly initial?: SafeLoadKbResult;
  /** Reads a folder (default {@link safeLoadKb}); tests may slow it down or count calls. */
  readonly load?: (dir: string) => SafeLoadKbResult;
  /** Reads a folder for {@link KbSource.refresh} (default: `load`, on the calling thread). */
  readonly loadAsync?: (dir: string) => Promise<SafeLoadKbResult>;
}

/** An error the loader did not turn into an issue (an I/O error it did not expect, a bug), as this attempt's issue. */
function loadFailure(error: unknown): SafeLoadKbResult {
  const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  const issue: Issue = {
    code: "LOAD_FAILED",
    severity: "error",
    file: ".",
    path: [],
    message: `reading the knowledge base failed (${why}); the last good one keeps serving`,
    hint: "the next change in the folder tries again",
  };
  return { ok: false, errors: [issue], warnings: [] };
}

/** Loads without ever throwing: a failure fails this attempt only, so a reload from a timer can never end the process. */
function tryLoad(load: (dir: string) => SafeLoadKbResult, dir: string): SafeLoadKbResult {
  try {
    return load(dir);
  } catch (error) {
    return loadFailure(error);
  }
}

/**
 * A reloadable knowledge base read from a folder. Throws {@link InvalidKbError} if the first load
 * fails: a server never starts without a good knowledge base to serve.
 * @example const source = createKbSource({ dir: defaultDataDir() }); source.current().technologies.size
 */
export function createKbSource(options: KbSourceOptions): KbSource {
  const load = options.load ?? safeLoadKb;
  const started = performance.now();
  const first = options.initial ?? load(options.dir);
  if (!first.ok) throw new InvalidKbError(options.dir, first.errors, first.warnings);
  let kb = first.kb;
  let key = first.snapshotKey;
  let warnings = first.warnings;
  let generation = 1;
  let revision = 1;
  let loadedAt = new Date().toISOString();
  let watching = false;
  let last: KbLoadAttempt = {
    at: loadedAt,
    ok: true,
    trigger: "start",
    errors: [],
    warnings,
    ms: Math.round(performance.now() - started),
  };
  /** Takes a load's result: a valid knowledge base replaces the served one, an invalid one is refused. */
  const settle = (r: SafeLoadKbResult, trigger: string, t0: number): KbLoadAttempt => {
    const at = new Date().toISOString();
    const ms = Math.round(performance.now() - t0);
    revision++;
    if (r.ok) {
      abandonWeightEvaluation(kb);
      kb = r.kb;
      key = r.snapshotKey;
      warnings = r.warnings;
      generation++;
      loadedAt = at;
      last = { at, ok: true, trigger, errors: [], warnings, ms };
    } else {
      last = { at, ok: false, trigger, errors: r.errors, warnings: r.warnings, ms };
    }
    return last;
  };
  const loadAsync = options.loadAsync;
  let running: Promise<KbLoadAttempt> | undefined;
  let queued: Promise<KbLoadAttempt> | undefined;
  const refresh = (trigger: string): Promise<KbLoadAttempt> => {
    const t0 = performance.now();
    const p = (async () => {
      const r = loadAsync ? await loadAsync(options.dir).catch(loadFailure) : tryLoad(load, options.dir);
      return settle(r, trigger, t0);
    })();
    running = p;
    void p.finally(() => {
      if (running === p) running = undefined;
    });
    return p;
  };
  return {
    current: () => kb,
    snapshotKey: () => key,
    revision: () => revision,
    setWatching: (w) => {
      watching = w;
    },
    status: () => ({
      data: basename(options.dir),
      generation,
      revision,
      loadedAt,
      counts: kb.counts,
      watching,
      current: last.ok,
      lastAttempt: last,
    }),
    validateReport: () =>
      last.ok
        ? { valid: true, errors: [], warnings: last.warnings, counts: kb.counts }
        : { valid: false, errors: last.errors, warnings: last.warnings },
    reload: (trigger = "reload") => {
      const t0 = performance.now();
      return settle(tryLoad(load, options.dir), trigger, t0);
    },
    refresh: (trigger = "reload") => {
      if (running) {
        queued ??= running.then(() => {
          queued = undefined;
          return refresh(trigger);
        });
        return queued;
      }
      return refresh(trigger);
    },
  };
}
