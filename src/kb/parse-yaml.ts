/** @module kb/parse-yaml — YAML text to a document within a size, node and depth budget, duplicate keys found in one pass. */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/** How much YAML one parse may hold. */
export interface YamlBudget {
  /** The longest text, in UTF-16 code units (≈ bytes for YAML). */
  readonly maxChars: number;
  /** The most nodes (scalars, maps, sequences, aliases) in the document. */
  readonly maxNodes: number;
  /** The deepest nesting of maps and sequences. */
  readonly maxDepth: number;
}

/** The budget of a request body or a requirements/system file: 1 MiB, 100,000 nodes, 64 levels deep. */
export const INPUT_YAML_BUDGET: YamlBudget = { maxChars: 1024 * 1024, maxNodes: 100_000, maxDepth: 64 };

/** The budget of a knowledge-base data file (the largest today is under 50 kB and 12 levels deep). */
export const DATA_YAML_BUDGET: YamlBudget = { maxChars: 2 * 1024 * 1024, maxNodes: 200_000, maxDepth: 64 };

/** At most this many duplicate keys are reported (each located); the rest are counted. */
export const MAX_YAML_ERRORS = 50;

/** A problem found while parsing: the parser's own codes, DUPLICATE_KEY, or one of the budget codes. */
export interface YamlProblem {
  /** The parser's code (BAD_INDENT, …), DUPLICATE_KEY, or TOO_LARGE, TOO_MANY_NODES, TOO_DEEP. */
  readonly code: string;
  /** In English; `params` carries the figures for other languages. */
  readonly message: string;
  /** Offset in the text (0 for a budget refusal of the whole text). */
  readonly offset: number;
  readonly params?: { readonly limit: number; readonly found?: number };
}

export interface ParsedYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** Every problem, at most {@link MAX_YAML_ERRORS} duplicate keys among them; empty when the document is usable. */
  readonly errors: readonly YamlProblem[];
}

/** Whether a problem is a budget refusal (the document was not, or not wholly, read). */
export function isBudgetProblem(p: YamlProblem): boolean {
  return p.code === "TOO_LARGE" || p.code === "TOO_MANY_NODES" || p.code === "TOO_DEEP";
}

/**
 * Parses YAML text within `budget`. The parser's own duplicate-key check compares each key with every
 * earlier one (quadratic in a mapping's size); here one pass with a set per mapping finds them, and
 * the same walk counts nodes and depth. Text over the budget is refused before it is parsed; nesting
 * deep enough to exhaust the parser's stack is refused as too deep, never thrown.
 * @example parseYaml("a: 1\na: 2\n").errors[0]?.code // "DUPLICATE_KEY"
 */
export function parseYaml(text: string, budget: YamlBudget = INPUT_YAML_BUDGET): ParsedYaml {
  const lineCounter = new LineCounter();
  if (text.length > budget.maxChars) {
    return {
      doc: parseDocument("", { lineCounter }),
      lineCounter,
      errors: [
        {
          code: "TOO_LARGE",
          message: `the YAML is ${text.length} characters long, over the limit of ${budget.maxChars}`,
          offset: 0,
          params: { limit: budget.maxChars, found: text.length },
        },
      ],
    };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { doc: parseDocument("", { lineCounter: new LineCounter() }), lineCounter, errors: [tooDeep(budget, 0)] };
  }
  // The composer catches its own stack overflow and reports it as an error of the document.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) return { doc, lineCounter, errors: [tooDeep(budget, overflow.pos[0])] };
  const errors: YamlProblem[] = doc.errors.map((e) => ({
    code: e.code,
    message: e.message.split("\n")[0] ?? e.message,
    offset: e.pos[0],
  }));
  const walked = walk(doc, budget);
  errors.push(...walked);
  return { doc, lineCounter, errors };
}

function tooDeep(budget: YamlBudget, offset: number): YamlProblem {
  return {
    code: "TOO_DEEP",
    message: `the YAML nests deeper than ${budget.maxDepth} levels`,
    offset,
    params: { limit: budget.maxDepth },
  };
}

/** One iterative pass: node count, depth, and duplicate scalar keys per mapping. */
function walk(doc: Document, budget: YamlBudget): YamlProblem[] {
  const problems: YamlProblem[] = [];
  let duplicates = 0;
  let nodes = 0;
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || node === undefined) continue;
    nodes++;
    if (nodes > budget.maxNodes) {
      problems.push({
        code: "TOO_MANY_NODES",
        message: `the YAML has more than ${budget.maxNodes} values`,
        offset: 0,
        params: { limit: budget.maxNodes },
      });
      return problems;
    }
    if (isScalar(node) || isAlias(node)) continue;
    if (depth > budget.maxDepth) {
      problems.push(tooDeep(budget, (node as { range?: [number] }).range?.[0] ?? 0));
      return problems;
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key)) {
          const id = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(id)) {
            duplicates++;
            if (duplicates <= MAX_YAML_ERRORS) {
              problems.push({ code: "DUPLICATE_KEY", message: "Map keys must be unique", offset: key.range?.[0] ?? 0 });
            }
          } else seen.add(id);
        } else stack.push([key, depth + 1]);
        stack.push([pair.value, depth + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push([item, depth + 1]);
    }
  }
  if (duplicates > MAX_YAML_ERRORS) {
    problems.push({
      code: "DUPLICATE_KEY",
      message: `${duplicates - MAX_YAML_ERRORS} more duplicate keys`,
      offset: 0,
      params: { limit: MAX_YAML_ERRORS, found: duplicates },
    });
  }
  return problems;
}
