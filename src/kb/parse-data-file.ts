/** @module kb/parse-data-file — parse one data file: YAML syntax, forbidden keys, alias bombs, then its schema. */
import { type Document, type LineCounter, visit } from "yaml";
import { type IssueExtras, issueAt, type Locatable } from "./_issue-at.js";
import { findForbiddenKeys } from "./find-forbidden-keys.js";
import { formatIssuePath, type Issue, type IssuePath } from "./issue.js";
import { locatePath, type SourcePosition } from "./locate-path.js";
import { DATA_YAML_BUDGET, isBudgetProblem, parseYaml } from "./parse-yaml.js";
import type { KbFile } from "./read-kb-files.js";

/** The most alias expansions a data file may cause (billion-laughs guard). */
export const MAX_ALIAS_COUNT = 100;

/** A data file after parsing: its YAML tree (for locations), its plain value and, if valid, its data. */
export interface ParsedDataFile extends Locatable {
  readonly file: KbFile;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The plain value, when the YAML could be turned into one (even if the schema rejects it). */
  readonly raw: unknown;
  /** The schema's output, only when the file passed its schema. */
  readonly data: unknown;
  readonly issues: readonly Issue[];
}

/**
 * Parses a data file and checks it against the schema of its kind. Every problem is collected,
 * each at its line and column: YAML_SYNTAX, DUPLICATE_KEY, FORBIDDEN_KEY, ALIAS_BOMB, and SCHEMA,
 * UNKNOWN_KEY, MISSING_FIELD or NO_SOURCE for schema problems.
 * @example const parsed = parseDataFile(file); if (parsed.data !== undefined) use(parsed.data);
 */
export function parseDataFile(file: KbFile): ParsedDataFile {
  const { doc, lineCounter, errors } = parseYaml(file.text, DATA_YAML_BUDGET);
  const issues: Issue[] = [];
  const locate = (path: IssuePath, options?: { readonly atKey?: boolean }): SourcePosition =>
    locatePath(doc, lineCounter, path, options);
  const self: Locatable = { relativePath: file.relativePath, locate };
  const result = (raw: unknown, data: unknown): ParsedDataFile => ({
    file,
    doc,
    lineCounter,
    raw,
    data,
    issues,
    relativePath: file.relativePath,
    locate,
  });

  for (const e of errors) {
    const pos = lineCounter.linePos(e.offset);
    const duplicate = e.code === "DUPLICATE_KEY";
    const budget = isBudgetProblem(e);
    issues.push({
      code: budget ? "FILE_TOO_LARGE" : duplicate ? "DUPLICATE_KEY" : "YAML_SYNTAX",
      severity: "error",
      file: file.relativePath,
      line: pos.line,
      column: pos.col,
      path: [],
      message: duplicate ? `a key appears twice in the same mapping: ${firstLine(e.message)}` : firstLine(e.message),
      hint: budget
        ? "split the file, or flatten its nesting"
        : duplicate
          ? "keep one of the two entries"
          : "fix the YAML syntax (indentation, quotes, colons)",
    });
  }
  if (errors.some(isBudgetProblem)) return result(undefined, undefined);
  const forbidden = findForbiddenKeys(doc.contents);
  if (errors.length > 0) {
    // Best effort, so that references to this file's id are not reported as unknown too.
    let partial: unknown;
    if (forbidden.length === 0)
      try {
        partial = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        partial = undefined;
      }
    return result(partial, undefined);
  }

  for (const path of forbidden) {
    issues.push(
      issueAt(
        "FORBIDDEN_KEY",
        self,
        path,
        `the key "${String(path[path.length - 1])}" is not allowed in a data file (${formatIssuePath(path)})`,
        {
          atKey: true,
          hint: "__proto__, constructor and prototype are refused because they can pollute object prototypes",
        },
      ),
    );
  }
  if (forbidden.length > 0) return result(undefined, undefined);

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const pos = lineCounter.linePos(offset);
    const bomb = err instanceof ReferenceError && /alias/i.test(err.message);
    issues.push({
      code: bomb ? "ALIAS_BOMB" : "YAML_SYNTAX",
      severity: "error",
      file: file.relativePath,
      line: pos.line,
      column: pos.col,
      path: [],
      message: bomb
        ? `the YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes (an alias bomb); the file was not read`
        : `the YAML could not be read: ${err instanceof Error ? err.message : String(err)}`,
      hint: bomb ? "write the values out instead of nesting anchors and aliases" : "fix the YAML",
    });
    return result(undefined, undefined);
  }
  if (raw === undefined || raw === null) raw = null;

  const parsed = file.kind.schema.safeParse(raw);
  if (parsed.success) return result(raw, parsed.data);
  const hint = `see the ${file.kind.name} schema, data/schema/${file.kind.name}.schema.json`;
  for (const zi of parsed.error.issues) issues.push(...mapZodIssue(zi as ZodIssueLike, [], self, doc, hint));
  return result(raw, undefined);
}

/** Unknown keys of one map located one by one; more are reported as a count. */
const MAX_LOCATED_KEYS = 50;

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

function mapZodIssue(zi: ZodIssueLike, prefix: IssuePath, file: Locatable, doc: Document, hint: string): Issue[] {
  const path: IssuePath = [...prefix, ...zi.path.filter((p): p is string | number => typeof p !== "symbol")];
  const extras: IssueExtras = { hint };
  if (zi.code === "unrecognized_keys") {
    // Locating a key scans its map: the first ones are located, the rest counted (a file of 60,000
    // unknown keys would otherwise take minutes to report).
    const keys = zi.keys ?? [];
    const located = keys.slice(0, MAX_LOCATED_KEYS).map((key) =>
      issueAt("UNKNOWN_KEY", file, [...path, key], `unknown key "${key}" in ${where(path)}`, {
        atKey: true,
        hint: `remove it or fix its spelling; ${hint}`,
      }),
    );
    if (keys.length > located.length)
      located.push(
        issueAt("UNKNOWN_KEY", file, path, `${keys.length - located.length} more unknown keys in ${where(path)}`, {
          hint: `remove them; ${hint}`,
        }),
      );
    return located;
  }
  const pos = file.locate(path);
  const last = path[path.length - 1];
  if (!pos.found && typeof last === "string" && doc.hasIn(path.slice(0, -1))) {
    if (last === "source") {
      return [
        issueAt(
          "NO_SOURCE",
          file,
          path,
          `${where(path.slice(0, -1))} has no \`source\`: every figure, relation and statement names one`,
          {
            hint: "add `source: <id>` with an id from data/sources/*.yaml",
          },
        ),
      ];
    }
    const msg = zi.code === "custom" ? zi.message : `\`${last}\` is required`;
    return [issueAt("MISSING_FIELD", file, path, `${where(path.slice(0, -1))}: ${msg}`, extras)];
  }
  if (zi.code === "invalid_union" && zi.errors !== undefined && zi.errors.length > 0) {
    // A branch whose problems are all deeper inside the value matched the shape: report those.
    const deep = zi.errors.filter((b) => b.length > 0 && b.every((i) => i.path.length > 0));
    if (deep.length > 0) {
      const best = deep.reduce((a, b) => (b.length < a.length ? b : a));
      return best.flatMap((i) => mapZodIssue(i, path, file, doc, hint));
    }
    const alternatives = [...new Set(zi.errors.flatMap((b) => (b[0] ? [b[0].message] : [])))];
    return [issueAt("SCHEMA", file, path, `${where(path)}: ${alternatives.join("; or ")}`, extras)];
  }
  return [issueAt("SCHEMA", file, path, `${where(path)}: ${zi.message}`, extras)];
}

function where(path: IssuePath): string {
  return path.length === 0 ? "the file" : formatIssuePath(path);
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
