/** @module cli/_output — renders a command's result as a table for people, or JSON/YAML for scripts. */
import Table from "cli-table3";
import { stringify } from "yaml";

export type Format = "table" | "json" | "yaml";
export const FORMATS: readonly Format[] = ["table", "json", "yaml"];

/** Where output goes; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
};

/** Prints `data` as JSON or YAML, or calls `table` to render it for people. */
export function emit(io: Io, format: Format, data: unknown, table: () => string): void {
  if (format === "json") io.out(JSON.stringify(data, null, 2));
  else if (format === "yaml") io.out(stringify(data, { lineWidth: 0 }));
  else io.out(table());
}

/** A text table; plain (no colour codes) when the output is not a terminal. */
export function textTable(io: Io, head: readonly string[], rows: readonly (readonly string[])[]): string {
  const table = new Table({
    head: [...head],
    style: io.isTty ? { head: ["cyan"], border: ["grey"] } : { head: [], border: [] },
    wordWrap: true,
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}
