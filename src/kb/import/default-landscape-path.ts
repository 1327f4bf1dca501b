/** @module kb/import/default-landscape-path — where the CNCF landscape.yml is looked for when no path is given. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { NotFoundError } from "../../errors.js";
import { defaultDataDir } from "../default-data-dir.js";

/**
 * The landscape file to read: the path given, else `$STACKATLAS_LANDSCAPE`, else the shared copy
 * beside the package (`../shared/data/cncf-landscape/landscape.yml`). Throws {@link NotFoundError}
 * naming every place tried when none exists. The file is only ever read, never copied.
 * @example readLandscape(landscapePath(opts.landscape))
 */
export function landscapePath(given?: string): string {
  if (given !== undefined) {
    if (!existsSync(given)) throw new NotFoundError(`no landscape file at ${given} (pass the path to landscape.yml)`);
    return given;
  }
  const env = process.env.STACKATLAS_LANDSCAPE;
  if (env) {
    if (!existsSync(env)) throw new NotFoundError(`STACKATLAS_LANDSCAPE points at ${env}, which does not exist`);
    return env;
  }
  const shared = resolve(dirname(defaultDataDir()), "..", "shared", "data", "cncf-landscape", "landscape.yml");
  if (existsSync(shared)) return shared;
  throw new NotFoundError(
    `this needs the CNCF landscape.yml: pass --landscape FILE or set STACKATLAS_LANDSCAPE (looked at ${join(shared)})`,
  );
}
