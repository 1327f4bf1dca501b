/** @module test/_cli — runs the CLI in-process and captures what it prints. */

import type { Io } from "../src/cli/_output.js";
import { main } from "../src/cli/main.js";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** How the captured terminal looks: its width in columns (none: lines are not fitted). */
export interface CliTerminal {
  readonly columns?: number;
}

/** Runs `stackatlas ...argv` in this process; output is captured, never printed. A first argument
 * `{ columns }` runs it as in a terminal that wide. */
export async function runCli(...args: [CliTerminal, ...string[]] | string[]): Promise<CliRun> {
  const [first, ...rest] = args;
  const terminal: CliTerminal = typeof first === "object" ? first : {};
  const argv = typeof first === "object" ? (rest as string[]) : (args as string[]);
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
    ...(terminal.columns === undefined ? {} : { columns: terminal.columns }),
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
