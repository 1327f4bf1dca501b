/** @module kb/default-data-dir — the package's own knowledge base, found from wherever the code runs. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "stackatlas";

/**
 * The `data/` folder of the stackatlas package: walks up from this module (src/kb/ under tsx,
 * dist/ when bundled) to the package.json named "stackatlas".
 * @example loadKb(defaultDataDir())
 */
export function defaultDataDir(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith("file:") ? fileURLToPath(from) : from);
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && readName(pkg) === PACKAGE_NAME) return join(dir, "data");
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`invariant failed: no package.json named "${PACKAGE_NAME}" above ${from}`);
    dir = parent;
  }
}

function readName(pkg: string): string | undefined {
  try {
    const json: unknown = JSON.parse(readFileSync(pkg, "utf8"));
    return typeof json === "object" && json !== null && "name" in json && typeof json.name === "string"
      ? json.name
      : undefined;
  } catch {
    return undefined;
  }
}
