/** @module kb/find-forbidden-keys — keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`). */
import { isMap, isPair, isSeq, type Node } from "yaml";
import type { IssuePath } from "./issue.js";
import { keyText } from "./locate-path.js";

/** Keys a data file may never use, at any depth. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The paths (ending at the key) of every forbidden key in a parsed YAML tree, without resolving
 * aliases: this runs before the document is turned into objects.
 * @example findForbiddenKeys(doc.contents) // [["technologies", 0, "__proto__"]]
 */
export function findForbiddenKeys(root: unknown): IssuePath[] {
  const found: IssuePath[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair);
        if (FORBIDDEN_KEYS.has(key)) found.push([...path, key]);
        walk(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    }
  };
  walk(root, []);
  return found;
}
