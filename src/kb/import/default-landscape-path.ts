/** @module kb/import/default-landscape-path — where the CNCF landscape.yml is looked for when no path is given. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { NotFoundError } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { LANDSCAPE } from "../../i18n/time-phrases.js";
import { defaultDataDir } from "../default-data-dir.js";

/**
 * The landscape file to read: the path given, else `$STACKATLAS_LANDSCAPE`, else the shared copy
 * beside the package (`../shared/data/cncf-landscape/landscape.yml`). Throws {@link NotFoundError}
 * naming every place tried when none exists (worded in `lang`). The file is only ever read, never copied.
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
  const shared = resolve(dirname(defaultDataDir()), "..", "shared", "data", "cncf-landscape", "landscape.yml");
  if (existsSync(shared)) return shared;
  throw new NotFoundError(LANDSCAPE.needed(lang, { looked: join(shared) }));
}
