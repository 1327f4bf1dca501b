/** @module cli/_landscape — reads and merges the landscape a time command was pointed at (--landscape FILE). */

import type { Lang } from "../i18n/lang.js";
import { landscapePath } from "../kb/import/default-landscape-path.js";
import { importLandscape, type LandscapeImport } from "../kb/import/import-landscape.js";
import { loadLandscapeMapping } from "../kb/import/load-landscape-mapping.js";
import { type LandscapeItem, readLandscape } from "../kb/import/read-landscape.js";
import type { Kb } from "../kb/kb.js";

/** The landscape's items and their merge with the knowledge base, in memory. */
export function openLandscape(
  kb: Kb,
  given?: string,
  lang: Lang = "en",
): { file: string; items: LandscapeItem[]; merged: LandscapeImport } {
  const file = landscapePath(given, lang);
  const items = readLandscape(file, lang);
  return { file, items, merged: importLandscape(kb, items, loadLandscapeMapping(undefined, lang), { file }) };
}
