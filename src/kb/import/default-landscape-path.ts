/** @module kb/import/default-landscape-path — where the CNCF landscape.yml is looked for when no path is given. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { NotFoundError } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { LANDSCAPE } from "../../i18n/time-phrases.js";
import { defaultDataDir } from "../default-data-dir.js";

/**
 * The CNCF landscape snapshot that ships with the package: `data/landscape/landscape.yml` (its source,
 * commit, date and licence in `data/landscape/SOURCE.md`).
 * @example readLandscape(shippedLandscapePath())
 */
export function shippedLandscapePath(): string {
  return join(defaultDataDir(), "landscape", "landscape.yml");
}

/**
 * The landscape file to read: the path given, else `$STACKATLAS_LANDSCAPE`, else the snapshot that
 * ships with the package ({@link shippedLandscapePath}). Throws {@link NotFoundError} when the file
 * named does not exist, or when the shipped snapshot was removed (worded in `lang`). The file is only
 * ever read, never copied.
 * @example readLandscape(landscapePath(opts.landscape))
 */
export function landscapePath(given?: string, lang: Lang = "en"): string {
  if (given !== undefined) {
    if (!existsSync(given)) throw new NotFoundError(LANDSCAPE.noFile(lang, { path: given }));
    return given;
  }
  const env = process.env.STACKATLAS_LANDSCAPE;
  if (env) {
    if (!existsSync(env)) throw new NotFoundError(LANDSCAPE.envMissing(lang, { path: env }));
    return env;
  }
  const shipped = shippedLandscapePath();
  if (existsSync(shipped)) return shipped;
  throw new NotFoundError(LANDSCAPE.needed(lang, { looked: shipped }));
}
