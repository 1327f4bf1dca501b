/** @module kb/import/load-landscape-mapping — read and check the mapping table the landscape import places items with. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { InvalidArgumentError, NotFoundError } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { LANDSCAPE } from "../../i18n/time-phrases.js";
import { LandscapeMappingFile, type LandscapeMappingRule } from "../../model/landscape-mapping.js";
import { defaultDataDir } from "../default-data-dir.js";

/** The mapping table, with the file it came from. */
export interface LandscapeMapping {
  readonly file: string;
  readonly source: string;
  readonly rules: readonly LandscapeMappingRule[];
}

/** Where the built-in table lives: data/import/cncf-landscape-mapping.yaml. */
export function defaultLandscapeMappingPath(): string {
  return join(defaultDataDir(), "import", "cncf-landscape-mapping.yaml");
}

/**
 * Reads the mapping table (default: the built-in one) and checks it against its schema; throws
 * {@link NotFoundError} for a missing file and {@link InvalidArgumentError} for an invalid one (the frame
 * worded in `lang`; the YAML parser's and the schema's own messages stay as they are).
 * @example loadLandscapeMapping().rules.find((r) => r.subcategory === "Container Runtime")?.role // "runtime"
 */
export function loadLandscapeMapping(
  path: string = defaultLandscapeMappingPath(),
  lang: Lang = "en",
): LandscapeMapping {
  if (!existsSync(path)) throw new NotFoundError(LANDSCAPE.noMapping(lang, { path }));
  const doc = parseDocument(readFileSync(path, "utf8"), { prettyErrors: false });
  if (doc.errors.length > 0)
    throw new InvalidArgumentError(
      LANDSCAPE.mappingNotYaml(lang, { path, error: doc.errors[0]?.message.split("\n")[0] ?? "" }),
    );
  const parsed = LandscapeMappingFile.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new InvalidArgumentError(LANDSCAPE.mappingInvalid(lang, { path, where }));
  }
  return { file: path, source: parsed.data.source, rules: parsed.data.rules };
}
