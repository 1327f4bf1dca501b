/** @module kb/locate-path — map a path inside a YAML document back to its line and column. */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from "yaml";
import type { IssuePath } from "./issue.js";

/** A 1-based line and column, and whether the whole path exists (else: its nearest existing parent). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly found: boolean;
}

/**
 * The position of the node at `path`, or of its nearest existing parent when the path does not exist
 * (a missing key points at the map that lacks it). `atKey` points at the last key instead of its value
 * (for unknown, duplicate and forbidden keys).
 * @example locatePath(doc, lineCounter, ["relations", 0, "target"]) // { line: 14, column: 13, found: true }
 */
export function locatePath(
  doc: Document,
  lineCounter: LineCounter,
  path: IssuePath,
  options: { readonly atKey?: boolean } = {},
): SourcePosition {
  let node: unknown = doc.contents;
  let lastGood: Node | undefined = isNode(node) ? node : undefined;
  let lastPair: Pair | undefined;
  let found = true;
  for (const seg of path) {
    lastPair = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === String(seg));
      if (pair === undefined) {
        found = false;
        break;
      }
      lastPair = pair;
      node = pair.value;
      if (!isNode(node)) {
        // `key:` with no value: point at the key.
        lastGood = isNode(pair.key) ? pair.key : lastGood;
        found = node !== undefined;
        if (seg !== path[path.length - 1]) found = false;
        break;
      }
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (!isNode(item)) {
        found = false;
        break;
      }
      node = item;
    } else {
      found = false;
      break;
    }
    lastGood = node as Node;
  }
  let target: Node | undefined = lastGood;
  if (found && options.atKey && lastPair !== undefined && isNode(lastPair.key)) target = lastPair.key;
  const offset = target?.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col, found };
}

function isNode(x: unknown): x is Node {
  return typeof x === "object" && x !== null && "range" in x && !isPair(x);
}

/** The text of a mapping key, for matching against a path segment. */
export function keyText(pair: Pair): string {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return String(k);
}
