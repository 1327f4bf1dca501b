/** @module cli/_context — what every command receives, and the knowledge base it opens once. */
import type { Command } from "@commander-js/extra-typings";
import type { Lang } from "../i18n/lang.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import type { Kb } from "../kb/kb.js";
import { type SafeLoadKbResult, safeLoadKb } from "../kb/load-kb.js";
import type { Format, Io } from "./_output.js";

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
  /** The valid knowledge base; throws {@link InvalidKbError} (exit 1, every issue printed) if it is not. */
  kb(): Kb;
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
    result ??= safeLoadKb(dataDir);
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
    kb: () => {
      const r = loadResult();
      if (!r.ok) throw new InvalidKbError(dataDir, r.errors, r.warnings);
      return r.kb;
    },
  };
}
