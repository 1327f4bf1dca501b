/** @module cli/_context — what every command receives, and the knowledge base it opens once. */
import { type Dirent, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "@commander-js/extra-typings";
import type { Lang } from "../i18n/lang.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import type { Kb } from "../kb/kb.js";
import { type SafeLoadKbResult, safeLoadKb } from "../kb/load-kb.js";
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

/** Loads of this process, by folder, kept while the folder's files are unchanged (tests run many commands). */
const loads = new Map<string, { fingerprint: string; result: SafeLoadKbResult }>();

/** Sizes and modification times of every file under the folder: cheap to take, changes when a file does. */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 4) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      parts.push(`${d}:missing`);
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else {
        const st = statSync(p, { throwIfNoEntry: false });
        if (st) parts.push(`${p}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(dir, 0);
  return parts.sort().join("|");
}

function loadOnce(dir: string): SafeLoadKbResult {
  const fp = fingerprint(dir);
  const hit = loads.get(dir);
  if (hit && hit.fingerprint === fp) return hit.result;
  const result = safeLoadKb(dir, BUILD_ID === undefined ? {} : { snapshotBuild: BUILD_ID });
  loads.set(dir, { fingerprint: fp, result });
  return result;
}

export interface ExitState {
  code: number;
}

/** The context of a running command, from the program's global options. */
export function contextOf(program: Command, io: Io, state: ExitState): CliContext {
  const o = program.opts() as { format: Format; lang: Lang; data?: string };
  const dataDir = o.data ?? defaultDataDir();
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
