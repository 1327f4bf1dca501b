/** @module cli/_context — what every command receives, and the knowledge base it opens once. */
import type { Command } from "@commander-js/extra-typings";
import type { Lang } from "../i18n/lang.js";
import { compileKb } from "../kb/compile-kb.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { type FolderScan, scanFolder, unchangedSince } from "../kb/folder-scan.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import type { Kb } from "../kb/kb.js";
import { type KbSnapshot, probeSnapshot, snapshotInput } from "../kb/kb-snapshot.js";
import type { SafeLoadKbResult } from "../kb/load-kb.js";
import type { Format, Io } from "./_output.js";
import { BUILD_ID } from "./build-id.js";

export interface CliContext {
  readonly io: Io;
  readonly format: Format;
  readonly lang: Lang;
  /** The knowledge-base folder (`--data`, else the built-in one). */
  readonly dataDir: string;
  /** Sets the process's exit code without stopping the command. */
  setExitCode(code: number): void;
  /** Loads the knowledge base once: every error collected, warnings kept. */
  loadResult(): SafeLoadKbResult;
  /** The key values derived from this knowledge base may be cached under (bundled CLI only). */
  cacheKey(): string | undefined;
  /** The valid knowledge base; throws {@link InvalidKbError} (exit 1, every issue printed) if it is not. */
  kb(): Kb;
}

// Start-up: a command's knowledge base usually comes from a snapshot (kb/kb-snapshot.ts), found by the
// folder's file sizes and times. The full loader — YAML parser, schemas, every check — is imported only
// when there is none, before the command runs ({@link prepareKb}), so that loading stays synchronous.

/** Loads of this process, by folder, kept while the folder's files are unchanged (tests run many commands). */
const loads = new Map<string, { scan: FolderScan; result: SafeLoadKbResult }>();

/** What {@link prepareKb} found for a folder, for the command about to run: its scan, and what answers. */
interface Prepared {
  readonly scan: FolderScan | undefined;
  result?: SafeLoadKbResult;
}
const prepared = new Map<string, Prepared>();

type Loader = typeof import("../kb/load-kb.js");
let loader: Loader | undefined;

/**
 * Readies the knowledge base in `dir` to be loaded by the command about to run: reuses this process's
 * load or a snapshot when the folder is unchanged, else imports the full loader. Run before every
 * command's action (a `preAction` hook, see main.ts), since a command loads synchronously.
 */
export async function prepareKb(dir: string): Promise<void> {
  const scan = scanFolder(dir);
  const done = loads.get(dir);
  if (done && unchangedSince(done.scan, scan)) {
    prepared.set(dir, { scan, result: done.result });
    return;
  }
  if (BUILD_ID !== undefined && scan !== undefined) {
    const probe = probeSnapshot(dir, BUILD_ID, { scan });
    if (probe.hit) {
      const result = compileSnapshot(dir, probe.key, probe.snapshot);
      if (result !== undefined) {
        prepared.set(dir, { scan, result });
        return;
      }
    }
  }
  prepared.set(dir, { scan });
  loader ??= await import("../kb/load-kb.js");
}

/**
 * A snapshot compiled, checked for the shape of what it compiled to: a technology per technology file,
 * every one with names and a role. Undefined (the files are read instead) when it does not hold.
 */
function compileSnapshot(dir: string, key: string, value: KbSnapshot): SafeLoadKbResult | undefined {
  try {
    const kb = compileKb(snapshotInput(dir, value));
    const shapeOk =
      kb.technologies.size === value.many.technologies.length &&
      [...kb.technologies.values()].every((t) => typeof t.names.en === "string" && typeof t.role === "string");
    return shapeOk ? { ok: true, kb, warnings: value.warnings, snapshotKey: key } : undefined;
  } catch {
    return undefined;
  }
}

/** The folder commands read, from the program's global options (`--data`, else the built-in one). */
export function dataDirOf(program: Command): string {
  return (program.opts() as { data?: string }).data ?? defaultDataDir();
}

function loadOnce(dir: string): SafeLoadKbResult {
  const ready = prepared.get(dir);
  if (ready?.result) return ready.result;
  // Unprepared (a context used outside `main`): only a kept load of an unchanged folder, or the loader.
  const scan = ready ? ready.scan : scanFolder(dir);
  const done = loads.get(dir);
  if (!ready && done && unchangedSince(done.scan, scan)) return done.result;
  if (loader === undefined) throw new Error("invariant failed: the knowledge-base loader was not prepared (prepareKb)");
  const options = BUILD_ID === undefined ? {} : { snapshotBuild: BUILD_ID };
  const result = loader.safeLoadKb(dir, scan === undefined ? options : { ...options, scan });
  if (ready) ready.result = result;
  if (scan !== undefined) loads.set(dir, { scan, result });
  return result;
}

export interface ExitState {
  code: number;
}

/** The context of a running command, from the program's global options. */
export function contextOf(program: Command, io: Io, state: ExitState): CliContext {
  const o = program.opts() as { format: Format; lang: Lang; data?: string };
  const dataDir = dataDirOf(program);
  let result: SafeLoadKbResult | undefined;
  const loadResult = () => {
    result ??= loadOnce(dataDir);
    return result;
  };
  return {
    io,
    format: o.format,
    lang: o.lang,
    dataDir,
    setExitCode: (code) => {
      state.code = Math.max(state.code, code);
    },
    loadResult,
    cacheKey: () => {
      const r = loadResult();
      return r.ok ? r.snapshotKey : undefined;
    },
    kb: () => {
      const r = loadResult();
      if (!r.ok) throw new InvalidKbError(dataDir, r.errors, r.warnings);
      return r.kb;
    },
  };
}
