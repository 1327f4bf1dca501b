/** @module test/_cli — runs the CLI in-process and captures what it prints. */

import type { Io } from "../src/cli/_output.js";
import { main } from "../src/cli/main.js";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `stackatlas ...argv` in this process; output is captured, never printed. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => {
      out += t.endsWith("\n") ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith("\n") ? t : `${t}\n`;
    },
    isTty: false,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Runs the CLI and parses its JSON output (`--format json` is added). */
export async function runJson<T = Record<string, unknown>>(
  ...argv: string[]
): Promise<{ code: number; json: T; err: string }> {
  const r = await runCli(...argv, "--format", "json");
  return { code: r.code, json: JSON.parse(r.out) as T, err: r.err };
}
