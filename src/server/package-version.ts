/** @module server/package-version — the package's version, for the OpenAPI document and the landing page. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { defaultDataDir } from "../kb/default-data-dir.js";

let cached: string | undefined;

/** The `version` of stackatlas's package.json ("0.0.0" if it cannot be read). */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(defaultDataDir()), "package.json"), "utf8")) as {
      version?: unknown;
    };
    cached = typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    cached = "0.0.0";
  }
  return cached;
}
