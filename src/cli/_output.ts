/** @module cli/_output — renders a command's result as a table for people, or JSON/YAML for scripts. */
import Table from "cli-table3";
import stringWidth from "string-width";
import { stringify } from "yaml";

export type Format = "table" | "json" | "yaml";
export const FORMATS: readonly Format[] = ["table", "json", "yaml"];

/** Where output goes; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty: boolean;
  /** The terminal's width in columns; tables and prose are fitted to it. None: lines are not fitted. */
  readonly columns?: number;
}

/** The narrowest terminal output is fitted to; below it lines are left as they are. */
const MIN_COLUMNS = 40;

/** `COLUMNS` when set (so `COLUMNS=80 stackatlas …` is honoured), else the terminal's own width;
 * output that goes to a pipe or a file without `COLUMNS` is not fitted. */
function terminalColumns(): number | undefined {
  const fromEnv = Number.parseInt(process.env.COLUMNS ?? "", 10);
  if (Number.isInteger(fromEnv) && fromEnv >= MIN_COLUMNS) return fromEnv;
  const own = process.stdout.isTTY ? process.stdout.columns : undefined;
  return own !== undefined && own >= MIN_COLUMNS ? own : undefined;
}

const columns = terminalColumns();

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
  ...(columns === undefined ? {} : { columns }),
};

/** Prints `data` as JSON or YAML, or calls `table` to render it for people. */
export function emit(io: Io, format: Format, data: unknown, table: () => string): void {
  if (format === "json") io.out(JSON.stringify(data, null, 2));
  else if (format === "yaml") io.out(stringify(data, { lineWidth: 0 }));
  else io.out(io.columns === undefined ? table() : fitLines(table(), io.columns));
}

/** Box-drawing characters that start the lines of a text table (already fitted by `textTable`). */
const TABLE_LINE = /^[\u2500-\u257f]/;

/** CJK ideographs, punctuation and full-width forms: each is a word of its own (lines may break around it). */
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
/** The tokens a line wraps at: one CJK character, a run of other non-space characters, or a run of spaces. */
const WRAP_TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, "g");

/**
 * Wraps every line of prose wider than `columns` at spaces (anywhere between CJK characters, which
 * take two columns), continuing at the line's own indentation. Table lines are left as they are.
 */
export function fitLines(text: string, columns: number): string {
  return text
    .split("\n")
    .flatMap((line) => (stringWidth(line) <= columns || TABLE_LINE.test(line) ? [line] : wrapLine(line, columns)))
    .join("\n");
}

function wrapLine(line: string, columns: number): string[] {
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const room = Math.max(columns - stringWidth(indent), Math.floor(columns / 2));
  const lines: string[] = [];
  let current = "";
  let width = 0;
  for (const token of line.slice(indent.length).match(WRAP_TOKEN) ?? []) {
    const w = stringWidth(token);
    if (/^\s+$/.test(token)) {
      if (current !== "") {
        current += token;
        width += w;
      }
      continue;
    }
    if (width + w > room && current.trim() !== "") {
      lines.push(indent + current.trimEnd());
      current = "";
      width = 0;
    }
    for (const piece of splitToWidth(token, room)) {
      if (width + stringWidth(piece) > room && current.trim() !== "") {
        lines.push(indent + current.trimEnd());
        current = "";
        width = 0;
      }
      current += piece;
      width += stringWidth(piece);
    }
  }
  if (current.trim() !== "") lines.push(indent + current.trimEnd());
  return lines;
}

/** A word longer than a whole line is cut into line-wide pieces. */
function splitToWidth(word: string, room: number): string[] {
  if (stringWidth(word) <= room) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (stringWidth(piece + ch) > room) {
      pieces.push(piece);
      piece = "";
    }
    piece += ch;
  }
  return piece === "" ? pieces : [...pieces, piece];
}

/**
 * Column widths (padding included) that fit a table of these natural widths into `columns`: the
 * widest columns give way first, none narrower than a few characters.
 */
export function fitColumnWidths(natural: readonly number[], columns: number): number[] {
  const room = columns - (natural.length + 1);
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return [...natural];
  const floor = Math.max(3, Math.min(6, Math.floor(room / Math.max(1, natural.length))));
  // The largest cap such that the capped widths still fit.
  let lo = floor;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const cap = Math.ceil((lo + hi) / 2);
    const used = natural.reduce((a, w) => a + Math.min(w, cap), 0);
    if (used <= room) lo = cap;
    else hi = cap - 1;
  }
  const widths = natural.map((w) => Math.min(w, lo));
  // Hand the columns left over to the capped columns, one each.
  let spare = room - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < widths.length && spare > 0; i += 1) {
    if ((widths[i] ?? 0) < (natural[i] ?? 0)) {
      widths[i] = (widths[i] ?? 0) + 1;
      spare -= 1;
    }
  }
  return widths;
}

/** A text table; plain (no colour codes) when the output is not a terminal. */
export function textTable(io: Io, head: readonly string[], rows: readonly (readonly string[])[]): string {
  const style = io.isTty ? { head: ["cyan"], border: ["grey"] } : { head: [], border: [] };
  if (io.columns === undefined) {
    const table = new Table({ head: [...head], style, wordWrap: true });
    for (const row of rows) table.push([...row]);
    return table.toString();
  }
  const natural = naturalWidths(head, rows);
  const colWidths = fitColumnWidths(natural, io.columns);
  // Too narrow to read as columns (a column cut below a few words): one record per row instead.
  if (colWidths.some((w, i) => w < Math.min(natural[i] ?? 0, READABLE_COLUMN))) return records(head, rows, io.columns);
  // Cells are wrapped here rather than by the table, which would cut a long word (a URL) short.
  const wrapCell = (cell: string, i: number) =>
    cell
      .split("\n")
      .flatMap((l) => (stringWidth(l) <= (colWidths[i] ?? 3) - 2 ? [l] : wrapLine(l, (colWidths[i] ?? 3) - 2)))
      .join("\n");
  const table = new Table({ head: head.map(wrapCell), style, colWidths, wordWrap: false });
  for (const row of rows) table.push(row.map(wrapCell));
  return table.toString();
}

/** A column narrower than this (padding included) is no longer readable as a column. */
const READABLE_COLUMN = 12;

/** A table too wide for the terminal as one block per row: `head: value` lines under a rule. */
function records(head: readonly string[], rows: readonly (readonly string[])[], columns: number): string {
  const rule = "\u2500".repeat(Math.min(columns, 40));
  return rows
    .flatMap((row) => [
      rule,
      ...row.flatMap((cell, i) => {
        const [first = "", ...more] = cell.split("\n");
        const lines = [`${head[i] ?? ""}: ${first}`, ...more.map((l) => `  ${l}`)];
        return lines.flatMap((l) => (stringWidth(l) <= columns ? [l] : wrapLine(l, columns)));
      }),
    ])
    .join("\n");
}

/** Each column's widest line plus the cell padding (one space either side). */
function naturalWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const count = Math.max(head.length, ...rows.map((r) => r.length));
  return Array.from({ length: count }, (_, i) => {
    const cells = [head[i] ?? "", ...rows.map((r) => r[i] ?? "")];
    return 2 + Math.max(...cells.flatMap((c) => c.split("\n").map((l) => stringWidth(l))));
  });
}
